/**
 * `npm test`: every check, in the order a failure is cheapest to find. Stops at the first failing
 * step, then prints one summary with the test counts of vitest and Playwright.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
// Not under test-results/: Playwright empties that folder when it starts.
const results = mkdtempSync(path.join(tmpdir(), 'daylight-test-counts-'));
const vitestJson = path.join(results, 'vitest.json');
const playwrightJson = path.join(results, 'playwright.json');

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
}

const steps: Step[] = [
  { name: 'typecheck', command: ['tsc', '--noEmit'] },
  { name: 'lint', command: ['eslint', '-c', 'tests/eslint.config.js', '.'] },
  {
    name: 'unit tests',
    command: ['vitest', 'run', '-c', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
  },
  { name: 'build (Chrome MV3)', command: ['wxt', 'build'] },
  { name: 'build (Firefox MV3)', command: ['wxt', 'build', '-b', 'firefox', '--mv3'] },
  { name: 'web-ext lint (Firefox)', command: ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery'] },
  {
    name: 'end-to-end tests (Chromium)',
    command: ['playwright', 'test', '-c', 'tests/playwright.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  },
];

function run(step: Step): Promise<number> {
  const [bin, ...args] = step.command;
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin', bin!), args, {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...step.env },
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(127));
  });
}

function readCounts(): { passed: number; failed: number; skipped: number } {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(vitestJson)) {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    counts.passed += v.numPassedTests;
    counts.failed += v.numFailedTests;
    counts.skipped += v.numPendingTests;
  }
  if (existsSync(playwrightJson)) {
    const p = JSON.parse(readFileSync(playwrightJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    counts.passed += p.stats.expected + p.stats.flaky;
    counts.failed += p.stats.unexpected;
    counts.skipped += p.stats.skipped;
  }
  return counts;
}

const timings: string[] = [];
let failedStep: string | undefined;
for (const step of steps) {
  console.log(`\n▶ ${step.name}`);
  const started = performance.now();
  const code = await run(step);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  timings.push(`${code === 0 ? '✔' : '✖'} ${step.name} (${seconds} s)`);
  if (code !== 0) {
    failedStep = step.name;
    break;
  }
}

console.log(`\n${timings.join('\n')}`);
if (failedStep) console.log(`\nFailed at: ${failedStep}`);
const { passed, failed, skipped } = readCounts();
rmSync(results, { recursive: true, force: true });
console.log(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failedStep ? 1 : 0);
