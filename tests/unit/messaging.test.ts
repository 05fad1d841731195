import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { post } from '@/lib/content/messages';
import { handleMessages, sendToBackground } from '@/lib/messaging';

describe('message contract', () => {
  it('delivers a valid request to its handler and returns the validated answer', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    handleMessages({ 'feature-error': handler });
    const answer = await sendToBackground('feature-error', {
      featureId: 'thank-buttons',
      tool: 'github',
      url: 'https://github.com/acme/x/issues/1',
      message: 'no composer',
    });
    expect(answer).toEqual({ ok: true });
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ featureId: 'thank-buttons', tool: 'github' }), expect.anything());
  });

  it('rejects a request that fails its schema before the handler runs, naming the problem', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    handleMessages({ 'feature-error': handler });
    await expect(
      sendToBackground('feature-error', { featureId: '', tool: 'jira' as never, url: 'x', message: 'y' }),
    ).rejects.toThrow(/Invalid "feature-error" request/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler error into a rejected promise for the sender', async () => {
    handleMessages({
      'directory-replace': () => {
        throw new Error('Duplicate ids: priya. Nothing was changed.');
      },
    });
    await expect(
      sendToBackground('directory-replace', { directory: { version: 1, people: [] }, source: 'test' }),
    ).rejects.toThrow(/Duplicate ids/);
  });

  it('takes a content script payload sent as JSON text, validated like any other', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    handleMessages({ 'feature-error': handler });
    const sent = vi.spyOn(browser.runtime, 'sendMessage');
    await expect(post('feature-error', { featureId: 'thank-buttons', tool: 'github', url: 'u', message: 'm' })).resolves.toEqual({ ok: true });
    expect(sent.mock.calls[0]![0]).toEqual({ daylight: 1, type: 'feature-error', json: expect.any(String) });
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ featureId: 'thank-buttons' }), expect.anything());
    await expect(post('feature-error', { featureId: '', tool: 'github', url: 'u', message: 'm' })).rejects.toThrow(/Invalid "feature-error" request/);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers JSON text that does not parse with an error, never reaching the handler', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    handleMessages({ 'feature-error': handler });
    const reply = await browser.runtime.sendMessage({ daylight: 1, type: 'feature-error', json: '{"featureId":' });
    expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^Invalid "feature-error" request: /) });
    expect(handler).not.toHaveBeenCalled();
  });

  it('ignores messages that are not Daylight envelopes', async () => {
    const handler = vi.fn();
    handleMessages({ 'feature-error': handler });
    await browser.runtime.sendMessage({ type: 'feature-error', payload: {} }).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
  });

  it('stops answering once its signal aborts', async () => {
    const controller = new AbortController();
    const handler = vi.fn(() => ({ ok: true as const }));
    handleMessages({ 'feature-error': handler }, controller.signal);
    controller.abort();
    await sendToBackground('feature-error', { featureId: 'x', tool: 'github', url: 'u', message: 'm' }).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
  });
});
