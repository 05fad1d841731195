/** Size of each built content script, raw and gzipped, against the 40 KB gzipped budget. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { CHROME_BUILD } from '../harness/chromium';

const BUDGET = 40 * 1024;
const dir = path.join(CHROME_BUILD, 'content-scripts');
try {
  statSync(dir);
} catch {
  console.log('No build found: run `npm run build` first.');
  process.exit(1);
}
console.log('content script        raw        gzipped    budget (gzipped)');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.js')).sort()) {
  const bytes = readFileSync(path.join(dir, file));
  const gz = gzipSync(bytes, { level: 9 }).length;
  const verdict = gz <= BUDGET ? 'within' : 'OVER';
  console.log(
    `${file.padEnd(20)}  ${(bytes.length / 1024).toFixed(1).padStart(7)} KB  ${(gz / 1024).toFixed(1).padStart(7)} KB  ${verdict} ${BUDGET / 1024} KB`,
  );
}
