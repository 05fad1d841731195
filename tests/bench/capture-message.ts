import type { BrowserContext } from '@playwright/test';
import { inContentWorld } from '../harness/content-world';
import { fixture } from '../harness/fixture-catalog';
import { serveFixtures } from '../harness/serve-fixtures';

/**
 * Each packed capture (`packCapture`'s JSON) sent as a `search-capture` message from Daylight's
 * content script in a GitHub tab, the only sender the background takes a capture from
 * (lib/messaging.ts): the milliseconds until each answer.
 */
export async function captureAsMessage(context: BrowserContext, wires: readonly string[]): Promise<number[]> {
  const issue = fixture('github', 'issue-react-public.html');
  await serveFixtures(context, [issue]);
  const tab = await context.newPage();
  await tab.goto(issue.url);
  await tab.locator('html[data-daylight-tool="github"]').waitFor({ state: 'attached' });
  const times: number[] = [];
  for (const json of wires) {
    times.push(
      await inContentWorld<number>(
        tab,
        `(async () => {
          const t = performance.now();
          const reply = await chrome.runtime.sendMessage({ daylight: 1, type: 'search-capture', json: ${JSON.stringify(json)} });
          if (!reply?.ok) throw new Error(reply?.error);
          return performance.now() - t;
        })()`,
      ),
    );
  }
  await tab.close();
  return times;
}
