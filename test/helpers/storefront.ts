/** The storefront's built files for tests that serve it, and the accessibility smoke check run in its pages. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STOREFRONT_ROOT } from '../../src/http/storefront.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const builtAt = (): number => {
  try {
    return statSync(join(STOREFRONT_ROOT, 'index.html')).mtimeMs;
  } catch {
    return 0;
  }
};

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Builds web/ into dist/web (as `npm run build` does) when the build is missing or older than its sources. Test
 * files run in parallel and a build empties dist/web first, so one builds at a time (a lock directory, which
 * mkdir creates atomically) and the others then find the build fresh.
 */
export function ensureStorefrontBuilt(): void {
  const lock = join(repo, 'dist', '.storefront-build-lock');
  mkdirSync(dirname(lock), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left by a killed run is taken over after a minute
      if (waited > 60_000) {
        rmSync(lock, { recursive: true, force: true });
        waited = 0;
      }
      pause(200);
    }
  }
  try {
    if (builtAt() >= newest(join(repo, 'web'))) return;
    execFileSync(process.execPath, [join(repo, 'node_modules/vite/bin/vite.js'), 'build', 'web', '--logLevel', 'warn'], { cwd: repo, stdio: 'inherit' });
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * Evaluated in the page (a string, so the test's own transpiler never touches it): every form control has a
 * label, every image an alt, there is one h1, the landmarks are there, links and buttons have names, ids are
 * unique and aria-labelledby points at something. Returns what is wrong, in words.
 */
export const A11Y_SMOKE = `(() => {
  const problems = [];
  const describe = (el) => el.tagName.toLowerCase() + (el.getAttribute('name') ? '[name=' + el.getAttribute('name') + ']' : '') + (el.id ? '#' + el.id : '');
  for (const el of document.querySelectorAll('input, select, textarea')) {
    if (el.type === 'hidden') continue;
    const named = (el.labels && el.labels.length > 0) || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
    if (!named) problems.push('no label: ' + describe(el));
  }
  for (const img of document.querySelectorAll('img')) if (!img.hasAttribute('alt')) problems.push('no alt: ' + img.src);
  const h1 = document.querySelectorAll('h1').length;
  if (h1 !== 1) problems.push(h1 + ' h1 elements');
  if (!document.querySelector('header')) problems.push('no banner (header)');
  if (!document.querySelector('nav')) problems.push('no navigation (nav)');
  if (document.querySelectorAll('main').length !== 1) problems.push('not exactly one main');
  if (!document.querySelector('footer')) problems.push('no contentinfo (footer)');
  for (const el of document.querySelectorAll('a[href], button')) {
    const name = (el.textContent || '').trim() || el.getAttribute('aria-label') || el.querySelector('img[alt]:not([alt=""])');
    if (!name) problems.push('no accessible name: ' + describe(el));
  }
  const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
  for (const id of new Set(ids.filter((id, i) => ids.indexOf(id) !== i))) problems.push('duplicate id: ' + id);
  for (const el of document.querySelectorAll('[aria-labelledby]')) {
    for (const id of el.getAttribute('aria-labelledby').split(/\\s+/)) if (!document.getElementById(id)) problems.push('aria-labelledby names no element: ' + id);
  }
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('wider than the window: ' + document.documentElement.scrollWidth + ' > ' + window.innerWidth);
  return problems;
})()`;
