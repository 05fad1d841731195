/**
 * `npm test`: every check, in the order a failure is cheapest to find. Steps in one stage run at the
 * same time (on two cores, the type checker and ESLint each hold one, and vitest's threads take what
 * is left); a stage starts when the one before it passed. At the end: each step's time and one line
 * with the test counts of vitest and Playwright (Chromium and Firefox).
 *
 * What may share a stage: steps that only read the tree. The builds write `.wxt/` (which the type
 * checker and ESLint read) and `.output/` (which web-ext and Playwright read), so they have a stage
 * of their own between the two.
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
const firefoxJson = path.join(results, 'playwright-firefox.json');

interface Step {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** The one step of its stage whose output is shown as it comes; the others' is shown when each ends. */
  live?: boolean;
}

const stages: Step[][] = [
  [
    { name: 'typecheck', command: ['tsc', '--noEmit'] },
    { name: 'lint', command: ['eslint', '-c', 'tests/eslint.config.js', '.'] },
    {
      name: 'unit tests',
      command: ['vitest', 'run', '-c', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
      live: true,
    },
  ],
  [
    { name: 'build (Chrome MV3)', command: ['wxt', 'build'], live: true },
    { name: 'build (Firefox MV3)', command: ['wxt', 'build', '-b', 'firefox', '--mv3'], live: true },
  ],
  [
    { name: 'web-ext lint (Firefox)', command: ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery'] },
    // One Firefox beside Chromium's two workers: together they take about as long as the Chromium suite alone.
    {
      name: 'end-to-end tests (Firefox)',
      command: ['playwright', 'test', '-c', 'tests/playwright.firefox.config.ts', '--reporter=list,json'],
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: firefoxJson },
    },
    {
      name: 'end-to-end tests (Chromium)',
      command: ['playwright', 'test', '-c', 'tests/playwright.config.ts', '--reporter=list,json'],
      env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
      live: true,
    },
  ],
];

interface Outcome {
  step: Step;
  code: number;
  seconds: number;
  /** What a step that was not live printed. */
  output: Buffer;
}

function run(step: Step): Promise<Outcome> {
  const [bin, ...args] = step.command;
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin', bin!), args, {
      cwd: root,
      stdio: step.live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...step.env },
    });
    const output: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk));
    const done = (code: number) => resolve({ step, code, seconds: (performance.now() - started) / 1000, output: Buffer.concat(output) });
    child.on('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
    child.on('error', () => done(127));
  });
}

/**
 * Live steps of a stage run one after another (their output would interleave); the rest run beside
 * them, and what they printed is shown once the stage is over.
 */
async function runStage(stage: Step[]): Promise<Outcome[]> {
  const quiet = stage.filter((s) => !s.live).map((s) => run(s));
  const live: Outcome[] = [];
  for (const step of stage.filter((s) => s.live)) {
    console.log(`\n▶ ${step.name}`);
    const outcome = await run(step);
    live.push(outcome);
    if (outcome.code !== 0) break;
  }
  const others = await Promise.all(quiet);
  for (const { step, output } of others) {
    console.log(`\n▶ ${step.name} (ran beside the above)`);
    process.stdout.write(output);
  }
  return [...others, ...live];
}

function readCounts(): { passed: number; failed: number; skipped: number } {
  const counts = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(vitestJson)) {
    const v = JSON.parse(readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    counts.passed += v.numPassedTests;
    counts.failed += v.numFailedTests;
    counts.skipped += v.numPendingTests;
  }
  for (const file of [playwrightJson, firefoxJson].filter((f) => existsSync(f))) {
    const p = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    counts.passed += p.stats.expected + p.stats.flaky;
    counts.failed += p.stats.unexpected;
    counts.skipped += p.stats.skipped;
  }
  return counts;
}

const started = performance.now();
const timings: string[] = [];
const failed: string[] = [];
for (const stage of stages) {
  const stageStarted = performance.now();
  for (const { step, code, seconds } of await runStage(stage)) {
    timings.push(`${code === 0 ? '✔' : '✖'} ${step.name} (${seconds.toFixed(1)} s)`);
    if (code !== 0) failed.push(step.name);
  }
  if (stage.length > 1) timings.push(`  stage: ${((performance.now() - stageStarted) / 1000).toFixed(1)} s`);
  if (failed.length > 0) break;
}

console.log(`\n${timings.join('\n')}`);
console.log(`total: ${((performance.now() - started) / 1000).toFixed(1)} s`);
if (failed.length > 0) console.log(`\nFailed at: ${failed.join(', ')}`);
const { passed, failed: failedTests, skipped } = readCounts();
rmSync(results, { recursive: true, force: true });
console.log(`\nTests: ${passed} passed, ${failedTests} failed, ${skipped} skipped`);
process.exit(failed.length > 0 ? 1 : 0);
