import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { post } from '@/lib/content/messages';
import { classifySender, handleMessages, sendToBackground } from '@/lib/messaging';
import { speakAs, senders } from './senders';

const TAB = 'https://github.com/acme/x/issues/1';

describe('message contract', () => {
  it('delivers a valid request to its handler and returns the validated answer', async () => {
    speakAs(senders.contentScript(TAB));
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
    speakAs(senders.contentScript(TAB));
    const handler = vi.fn(() => ({ ok: true as const }));
    handleMessages({ 'feature-error': handler });
    await expect(
      sendToBackground('feature-error', { featureId: '', tool: 'jira' as never, url: 'x', message: 'y' }),
    ).rejects.toThrow(/Invalid "feature-error" request/);
    expect(handler).not.toHaveBeenCalled();
  });

  it('turns a handler error into a rejected promise for the sender', async () => {
    speakAs(senders.optionsTab());
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
    const sent = speakAs(senders.contentScript(TAB));
    await expect(post('feature-error', { featureId: 'thank-buttons', tool: 'github', url: 'u', message: 'm' })).resolves.toEqual({ ok: true });
    expect(sent.mock.calls[0]![0]).toEqual({ daylight: 1, type: 'feature-error', json: expect.any(String) });
    expect(handler).toHaveBeenCalledWith(expect.objectContaining({ featureId: 'thank-buttons' }), expect.anything());
    await expect(post('feature-error', { featureId: '', tool: 'github', url: 'u', message: 'm' })).rejects.toThrow(/Invalid "feature-error" request/);
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers JSON text that does not parse with an error, never reaching the handler', async () => {
    const handler = vi.fn(() => ({ ok: true as const }));
    handleMessages({ 'feature-error': handler });
    speakAs(senders.contentScript(TAB));
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
    speakAs(senders.contentScript(TAB));
    controller.abort();
    await sendToBackground('feature-error', { featureId: 'x', tool: 'github', url: 'u', message: 'm' }).catch(() => undefined);
    expect(handler).not.toHaveBeenCalled();
  });
});

describe('who sent a message', () => {
  const self = { id: 'daylight', origin: 'chrome-extension://daylight/' };
  it("is one of Daylight's pages when it is on Daylight's origin, outside a tab or the tab's top frame", () => {
    expect(classifySender({ id: 'daylight', url: 'chrome-extension://daylight/popup.html' }, self)).toEqual({ kind: 'extension' });
    expect(classifySender({ id: 'daylight', url: 'chrome-extension://daylight/options.html', frameId: 0, tab: { id: 1 } }, self)).toEqual({ kind: 'extension' });
    expect(classifySender({ id: 'daylight', url: 'chrome-extension://daylight/options.html', frameId: 2, tab: { id: 1 } }, self)).toHaveProperty('refused');
    expect(
      classifySender({ id: 'daylight', url: 'chrome-extension://daylight/options.html', frameId: 0, tab: { id: 1, url: 'https://evil.example/' } }, self),
    ).toHaveProperty('refused');
  });

  it('is a content script in an http(s) frame of a tab, and nothing else', () => {
    expect(classifySender({ id: 'daylight', url: TAB, frameId: 0, tab: { id: 4, incognito: true } }, self)).toEqual({
      kind: 'content', url: new URL(TAB), tabId: 4, incognito: true,
    });
    expect(classifySender({ id: 'daylight', url: TAB }, self)).toHaveProperty('refused');
    expect(classifySender({ id: 'daylight', url: 'file:///tmp/x.html', tab: { id: 4 } }, self)).toHaveProperty('refused');
    expect(classifySender({ id: 'daylight', url: 'about:blank', tab: { id: 4 } }, self)).toHaveProperty('refused');
    expect(classifySender({ id: 'other', url: TAB, tab: { id: 4 } }, self)).toHaveProperty('refused');
    expect(classifySender({ id: 'other', url: 'chrome-extension://daylight/options.html' }, self)).toHaveProperty('refused');
  });
});
