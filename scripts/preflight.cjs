// Runs first in `npm start` and `npm test`, on whatever Node the newcomer has: plain CommonJS and old syntax,
// so even an old Node prints one clear line instead of ERR_UNKNOWN_FILE_EXTENSION. With --test it also checks
// for the Debian Chromium the browser journeys drive, and installs it when it may (root on Debian,
// non-interactive or CI); otherwise it prints the exact command before any test stage runs.
'use strict';
const childProcess = require('node:child_process');
const fs = require('node:fs');

const REQUIRED_MAJOR = 24;
const DEFAULT_CHROMIUM = '/usr/bin/chromium';

function fail(line) {
  process.stderr.write(`${line}\n`);
  process.exit(1);
}

function checkNode() {
  const major = Number(process.versions.node.split('.')[0]);
  if (major >= REQUIRED_MAJOR) return;
  fail(
    `Suốt Đời needs Node.js ${REQUIRED_MAJOR} but this is Node.js ${process.version} (${process.execPath}): ` +
      `install Node.js ${REQUIRED_MAJOR} (e.g. \`nvm install ${REQUIRED_MAJOR}\`) and run the command again.`,
  );
}

function mayInstallChromium(path) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  const unattended = process.env.CI === 'true' || !process.stdin.isTTY;
  return path === DEFAULT_CHROMIUM && root && unattended && fs.existsSync('/etc/debian_version');
}

function aptGet(args) {
  const env = Object.assign({}, process.env, { DEBIAN_FRONTEND: 'noninteractive' });
  return (
    childProcess.spawnSync('apt-get', args, { stdio: ['ignore', 'inherit', 'inherit'], env: env }).status ===
    0
  );
}

function checkChromium() {
  const chromium = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  if (fs.existsSync(chromium)) return;
  if (!mayInstallChromium(chromium)) {
    fail(
      `Chromium not found at ${chromium}: install it with \`sudo apt-get install -y chromium\` ` +
        '(or point CHROMIUM_PATH at a Chromium binary), then run `npm test` again.',
    );
  }
  process.stderr.write('Chromium is missing: running `apt-get update && apt-get install -y chromium`\n');
  const installed = aptGet(['update']) && aptGet(['install', '-y', 'chromium']);
  if (!installed || !fs.existsSync(chromium)) {
    fail('Installing Chromium failed: run `apt-get install -y chromium` as root, then `npm test` again.');
  }
}

checkNode();
if (process.argv.indexOf('--test') !== -1) checkChromium();
