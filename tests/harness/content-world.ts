import type { Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  name: string;
  auxData?: { type?: string; frameId?: string };
}

/**
 * Evaluate `expression` (awaited, its value returned) in Daylight's content-script world of the
 * page's top frame: the isolated world where `chrome.runtime` is the content script's, so what it
 * sends reaches the background as a tool tab's message, as the browser names that sender.
 * Playwright evaluates only in the page's own world; Chromium's DevTools protocol lists the others.
 */
export async function inContentWorld<T>(page: Page, expression: string): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }: { context: ExecutionContext }) => contexts.push(context));
    const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.name === 'Daylight' && c.auxData.frameId === frameTree.frame.id);
    if (!world) throw new Error(`Daylight's content script has no world on ${page.url()}`);
    const answer = (await cdp.send('Runtime.evaluate', { contextId: world.id, expression, awaitPromise: true, returnByValue: true })) as {
      result: { value?: unknown };
      exceptionDetails?: { exception?: { description?: string }; text: string };
    };
    if (answer.exceptionDetails) throw new Error(answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text);
    return answer.result.value as T;
  } finally {
    await cdp.detach();
  }
}
