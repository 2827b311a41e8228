// `npm start` on a fresh clone: compile src/ to dist/ and build the storefront from web/ to dist/web when either is
// missing or older than any of its source files.
import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function builtAt(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

const sources = Math.max(newest('src'), statSync('tsconfig.json').mtimeMs, statSync('tsconfig.build.json').mtimeMs);
if (builtAt('dist/main.js') < sources) {
  process.stderr.write('Building dist/ from src/ ...\n');
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
}
if (builtAt('dist/web/index.html') < newest('web')) {
  process.stderr.write('Building dist/web from web/ ...\n');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', 'web'], { stdio: 'inherit' });
}
