// Runs first in `npm start` and `npm test`, on whatever Node the newcomer has: plain CommonJS and old syntax,
// so even an old Node prints one clear line instead of ERR_UNKNOWN_FILE_EXTENSION. With --test it also checks
// for the Debian Chromium the browser journeys drive, and installs it when it may (root on Debian,
// non-interactive or CI); otherwise it prints the exact command before any test stage runs.
'use strict';
var childProcess = require('node:child_process');
var fs = require('node:fs');

var REQUIRED_MAJOR = 24;
var DEFAULT_CHROMIUM = '/usr/bin/chromium';

function fail(line) {
  process.stderr.write(line + '\n');
  process.exit(1);
}

var major = Number(process.versions.node.split('.')[0]);
if (major < REQUIRED_MAJOR) {
  fail(
    'Suốt Đời needs Node.js ' +
      REQUIRED_MAJOR +
      ' but this is Node.js ' +
      process.version +
      ' (' +
      process.execPath +
      '): install Node.js ' +
      REQUIRED_MAJOR +
      ' (e.g. `nvm install ' +
      REQUIRED_MAJOR +
      '`) and run the command again.',
  );
}

function mayInstallChromium(path) {
  var root = typeof process.getuid === 'function' && process.getuid() === 0;
  var unattended = process.env.CI === 'true' || !process.stdin.isTTY;
  return path === DEFAULT_CHROMIUM && root && unattended && fs.existsSync('/etc/debian_version');
}

if (process.argv.indexOf('--test') !== -1) {
  var chromium = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (!fs.existsSync(chromium)) {
    if (mayInstallChromium(chromium)) {
      process.stderr.write('Chromium is missing: running `apt-get update && apt-get install -y chromium`\n');
      var env = Object.assign({}, process.env, { DEBIAN_FRONTEND: 'noninteractive' });
      var opts = { stdio: ['ignore', 'inherit', 'inherit'], env: env };
      var update = childProcess.spawnSync('apt-get', ['update'], opts);
      var install =
        update.status === 0 && childProcess.spawnSync('apt-get', ['install', '-y', 'chromium'], opts);
      if (!install || install.status !== 0 || !fs.existsSync(chromium)) {
        fail('Installing Chromium failed: run `apt-get install -y chromium` as root, then `npm test` again.');
      }
    } else {
      fail(
        'Chromium not found at ' +
          chromium +
          ': install it with `sudo apt-get install -y chromium` ' +
          '(or point CHROMIUM_PATH at a Chromium binary), then run `npm test` again.',
      );
    }
  }
}
