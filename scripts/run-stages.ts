// Runs npm scripts side by side (`node scripts/run-stages.ts lint typecheck build`) and prints each one's
// output whole, in the given order, with its time; exits non-zero when any stage failed. On two cores the
// single-threaded type check and the bundler overlap well.
import { spawn } from 'node:child_process';

interface StageResult {
  name: string;
  code: number;
  output: string;
  seconds: number;
}

function run(name: string): Promise<StageResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', name, '--silent'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      output += d.toString();
    });
    child.on('close', (code) =>
      resolve({ name, code: code ?? 1, output, seconds: (performance.now() - started) / 1000 }),
    );
  });
}

const stages = process.argv.slice(2);
const pending = stages.map(run);
let failed = false;
for (const p of pending) {
  const r = await p;
  process.stdout.write(
    `\n> ${r.name} (${r.seconds.toFixed(1)} s)${r.code === 0 ? '' : ' FAILED'}\n${r.output}`,
  );
  if (r.code !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
