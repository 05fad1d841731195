// @vitest-environment jsdom
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adapterFor, adapters } from '@/lib/tools/registry';
import { TOOL_IDS } from '@/lib/tools/tool-ids';

describe('adapter registry', () => {
  it('has one adapter per contract tool id, in contract order', () => {
    expect(adapters.map((a) => a.id)).toEqual([...TOOL_IDS]);
  });

  it.each(TOOL_IDS)('%s has a content script entrypoint that uses its adapter', (tool) => {
    const file = `entrypoints/${tool}.content.ts`;
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, 'utf8')).toContain(`@/lib/tools/${tool}/adapter`);
    expect(adapterFor(tool).matches.length).toBeGreaterThan(0);
  });

  it.each(adapters)('$id matches only https pages', (adapter) => {
    for (const pattern of adapter.matches) expect(pattern).toMatch(/^https:\/\/[^/]+\/\*$/);
  });

  it.each(adapters)('$id reads a blank document as nothing, without throwing', (adapter) => {
    const doc = document.implementation.createHTMLDocument('');
    const url = new URL('https://example.com/');
    expect(adapter.detect(doc)).toBe(false);
    expect(adapter.kind(url, doc)).toBe('other');
    expect(adapter.place(url, doc)).toEqual({ place: 'unknown' });
    expect(adapter.viewer(doc)).toBeNull();
    expect(adapter.mentions(doc)).toEqual([]);
    expect(adapter.posts(doc)).toEqual([]);
    expect(adapter.composers(doc)).toEqual([]);
    expect(adapter.deleteAction(doc.body)).toBeNull();
  });
});
