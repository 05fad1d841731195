/**
 * `npm test`: every check. Each step starts as soon as what it reads exists, and a step whose inputs
 * failed never starts: the Chrome build first, alone, since the Chromium suite (the longest step)
 * waits on it; then that suite, the Firefox build and the checks that need only the processor (the
 * type checker, ESLint, the unit tests); the Firefox suite and web-ext lint once their build is
 * there. Most of a browser suite's time is waiting (page loads, timers, idle callbacks), so the
 * processor-only checks run at a lower priority (`nice`) and fill those waits instead of taking a
 * stage of their own, yielding the processor to a browser suite that has work to do. At the end: each step's
 * time and one line with the test counts of vitest and Playwright (Chromium and Firefox).
 *
 * What may run beside what: the builds write `.output/<target>/` (which web-ext and Playwright
 * read) and would write `.wxt/` (which the type checker and ESLint read), but `wxt prepare` runs
 * first and a build then rewrites none of its files (WXT writes a generated file only when it
 * differs, and both targets generate the same ones). The two builds run one after the other.
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
  /** Steps that must have passed before this one starts. */
  after?: string[];
  /** Needs only the processor: runs at a lower priority than the browser suites. */
  background?: boolean;
  /** The one step whose output is shown as it comes; the others' is shown when each ends (a failure at once). */
  live?: boolean;
}

const steps: Step[] = [
  { name: 'prepare (.wxt/)', command: ['wxt', 'prepare'] },
  { name: 'build (Chrome MV3)', command: ['wxt', 'build'], after: ['prepare (.wxt/)'] },
  { name: 'typecheck', command: ['tsc', '--noEmit'], after: ['build (Chrome MV3)'], background: true },
  { name: 'lint', command: ['eslint', '-c', 'tests/eslint.config.js', '.'], after: ['build (Chrome MV3)'], background: true },
  {
    name: 'unit tests',
    command: ['vitest', 'run', '-c', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    after: ['build (Chrome MV3)'],
    background: true,
  },
  { name: 'build (Firefox MV3)', command: ['wxt', 'build', '-b', 'firefox', '--mv3'], after: ['build (Chrome MV3)'] },
  {
    name: 'end-to-end tests (Chromium)',
    command: ['playwright', 'test', '-c', 'tests/playwright.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
    after: ['build (Chrome MV3)'],
    live: true,
  },
  {
    name: 'web-ext lint (Firefox)',
    command: ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--no-config-discovery'],
    after: ['build (Firefox MV3)'],
    background: true,
  },
  {
    name: 'end-to-end tests (Firefox)',
    command: ['playwright', 'test', '-c', 'tests/playwright.firefox.config.ts', '--reporter=list,json'],
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: firefoxJson },
    after: ['build (Firefox MV3)'],
  },
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
  const executable = path.join(root, 'node_modules/.bin', bin!);
  // Through nice(1), so that every process and thread the step starts has the lower priority.
  const [file, argv] = step.background ? ['nice', ['-n', '10', executable, ...args]] : [executable, args];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(file, argv, {
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
const outcomes = new Map<string, Promise<Outcome | null>>();
/** What the quiet steps that passed printed, shown once everything is over. */
const passedOutput: Outcome[] = [];
const since = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;

/** Start `step` once every step it comes after has passed; null when one of them did not. */
function schedule(step: Step): Promise<Outcome | null> {
  const scheduled = outcomes.get(step.name);
  if (scheduled) return scheduled;
  const inputs = (step.after ?? []).map((name) => {
    const before = steps.find((s) => s.name === name);
    if (!before) throw new Error(`${step.name} comes after an unknown step: ${name}`);
    return schedule(before);
  });
  const outcome = Promise.all(inputs).then(async (before) => {
    if (before.some((o) => o === null || o.code !== 0)) return null;
    if (step.live) console.log(`\n▶ ${step.name} (from ${since()})`);
    const done = await run(step);
    console.log(`\n${done.code === 0 ? '✔' : '✖'} ${step.name} (${done.seconds.toFixed(1)} s, ended at ${since()})`);
    if (!step.live && done.code !== 0) process.stdout.write(done.output);
    else if (!step.live) passedOutput.push(done);
    return done;
  });
  outcomes.set(step.name, outcome);
  return outcome;
}

const ended = await Promise.all(steps.map(schedule));
for (const { step, output } of passedOutput) {
  console.log(`\n▶ ${step.name} (ran beside the others)`);
  process.stdout.write(output);
}

const timings = steps.map((step, i) => {
  const outcome = ended[i];
  return outcome ? `${outcome.code === 0 ? '✔' : '✖'} ${step.name} (${outcome.seconds.toFixed(1)} s)` : `– ${step.name} (not run: a step before it failed)`;
});
const failed = steps.filter((_, i) => ended[i] !== null && ended[i]!.code !== 0).map((s) => s.name);
const skipped = steps.filter((_, i) => ended[i] === null).length;

console.log(`\n${timings.join('\n')}`);
console.log(`total: ${since()}`);
if (failed.length > 0) console.log(`\nFailed at: ${failed.join(', ')}`);
const { passed, failed: failedTests, skipped: skippedTests } = readCounts();
rmSync(results, { recursive: true, force: true });
console.log(`\nTests: ${passed} passed, ${failedTests} failed, ${skippedTests} skipped`);
process.exit(failed.length > 0 || skipped > 0 ? 1 : 0);
