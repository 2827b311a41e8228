/**
 * The last test of a run: every log the run's services wrote (test shops, server processes, audit logs; see
 * test/helpers/log-run.ts) is searched for phone numbers, email addresses, tokens, keys and one-time codes. It
 * runs after every other test file because its name sorts last and .taprc makes it serial: tap starts a serial
 * file only when the files before it have ended (and the first check below proves it). A test file rather than
 * tap's `after` program, because a failing `after` makes tap exit before it prints the summary CI counts from.
 * Run it with the files whose logs it should read, e.g.
 * `npx tap test/identity.test.ts test/fuzz.test.ts test/zz-log-scan.test.ts`; alone it fails, having nothing to read.
 */
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import t from 'tap';
import { ConfigSchema } from '../src/config.js';
import { logRunDir, SECRETS_PREFIX } from './helpers/log-run.js';
import { runNeedles, scanDir } from './helpers/log-scan.js';

/** A run that exercised the service writes far more than this; less means the logs went somewhere else. */
const MIN_LINES = 1000;
const MIN_SHOP_LOGS = 1;

const dir = logRunDir();

/** Other test files of this run still running: the tap runner's other children, read from /proc on Linux. */
function siblingsStillRunning(): number[] {
  if (!existsSync('/proc/self/stat')) return [];
  return readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry) && Number(entry) !== process.pid)
    .filter((pid) => {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === process.ppid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

t.same(siblingsStillRunning(), [], 'no other test file of this run is still running (the scan must come last)');
t.ok(existsSync(dir), `the run wrote logs to ${dir}`);
const names = existsSync(dir) ? readdirSync(dir) : [];

const needles = runNeedles(dir, ConfigSchema.properties.SANDBOX_SEED.default);
const report = scanDir(dir, needles);
t.comment(`scanned ${report.files} files, ${report.lines} lines, ${report.bytes} bytes for ${needles.size} secret forms`);

t.ok(names.filter((n) => n.startsWith('shop-')).length >= MIN_SHOP_LOGS, 'test shops wrote their logs here');
t.ok(names.some((n) => n.startsWith(SECRETS_PREFIX)), 'services recorded the secrets to look for');
t.ok(report.lines >= MIN_LINES, `at least ${MIN_LINES} log lines to scan (found ${report.lines})`);

const shown = report.findings.slice(0, 30).map((f) => `${f.file}:${f.line} ${f.kind}: ${f.excerpt}`);
t.same(shown, [], `no phone number, email, token, key or code in any log (${report.findings.length} found)`);

// The logs of a clean run are not kept; a failing run's stay for reading, at the path above.
if (t.passing() && !process.env['ONDC_TEST_LOG_DIR']) rmSync(dir, { recursive: true, force: true });
