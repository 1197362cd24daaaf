// Integration tests serve real pages, so the React Router build must exist.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup() {
  const dir = process.env.RR_BUILD_DIR ?? 'build';
  if (!existsSync(`${dir}/server/index.js`)) {
    execFileSync('npx', ['react-router', 'build'], { stdio: 'inherit' });
  }
}
