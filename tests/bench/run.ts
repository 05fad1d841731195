/**
 * `npm run bench`: every benchmark, each printing its figures beside its target. Benchmarks are
 * measurements, not timed tests: they never fail the build, they report.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const only = process.argv.slice(2);
const benches = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

for (const file of benches) {
  console.log(`\n━━ ${file.replace('.bench.ts', '')} ━━`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file)], { stdio: 'inherit' });
  if (result.status !== 0) console.log(`(${file} stopped with exit code ${result.status})`);
}
