// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { inContent, lastPathSegment, once, readableText, textOf } from '@/lib/tools/dom';
import { pageRecords } from '@/lib/tools/records';
import { slack } from '@/lib/tools/slack/adapter';
import { JSDOM } from 'jsdom';
import { fixture, fixtureHtml } from '../../harness/fixture-catalog';

describe('lastPathSegment', () => {
  it.each([
    ['https://github.com/lena-k', 'lena-k'],
    ['https://github.com/lena-k/', 'lena-k'],
    ['/lena.k', 'lena.k'],
    ['https://gitlab.example.com/nadia.o?x=1#y', 'nadia.o'],
    ['https://app.asana.com/0/1207000000000105/list', 'list'],
    ['/p/alice/', 'alice'],
    ['https://github.com', null],
    ['https://github.com/', null],
    ['', null],
    [null, null],
    ['/caf%C3%A9', 'café'],
    ['/bad%E0%A4%A', 'bad%E0%A4%A'],
  ])('%s → %s', (href, segment) => {
    expect(lastPathSegment(href)).toBe(segment);
  });
});

describe('inContent', () => {
  it('keeps targets inside the content container and outside code', () => {
    document.body.innerHTML = `<a id="outside" class="m"></a>
      <div class="body"><a id="in" class="m"></a><pre><a id="pre" class="m"></a></pre><p><code><b><a id="code" class="m"></a></b></code></p><tt><a id="tt" class="m"></a></tt></div>`;
    expect(inContent(document, 'a.m', '.body').map((e) => e.id)).toEqual(['in']);
  });

  it('works on a subtree whose container is an ancestor of the root', () => {
    document.body.innerHTML = '<div class="body"><p id="root"><a id="in" class="m"></a></p></div>';
    expect(inContent(document.getElementById('root')!, 'a.m', '.body').map((e) => e.id)).toEqual(['in']);
  });
});

describe('readableText', () => {
  it('keeps lines and blocks apart where the markup has no whitespace, and inline pieces together', () => {
    document.body.innerHTML =
      '<div id="m"><div>This is what it sends today:</div><pre>pagerbot notify</pre>first line<br>second <b>bo</b>ld<script>track()</script><ul><li>one</li><li>two</li></ul></div>';
    const message = document.getElementById('m');
    expect(textOf(message)).toContain('today:pagerbot');
    expect(readableText(message)).toBe('This is what it sends today: pagerbot notify first line second bold one two');
    expect(readableText(message, 12)).toBe('This is wha…');
    expect(readableText(null)).toBe('');
  });

  it('reads markup that has whitespace between its blocks as textContent does, and leaves Daylight\'s own elements out', () => {
    document.body.innerHTML = '<div id="b"><p>First paragraph.</p>\n<p>Second <code>code</code>.</p><div data-daylight="thank" role="button" aria-label="Thank Lena"></div></div>';
    const body = document.getElementById('b');
    expect(readableText(body)).toBe('First paragraph. Second code.');
  });

  it('gives search records of a chat message words that textContent glued together', () => {
    const entry = fixture('slack', 'channel-public.html');
    const doc = new JSDOM(fixtureHtml(entry), { url: entry.url }).window.document;
    const texts = pageRecords(slack, new URL(entry.url), doc, 'public').map((r) => r.text);
    expect(texts.some((t) => t.includes('today: pagerbot'))).toBe(true);
    expect(texts.some((t) => t.includes('today:pagerbot'))).toBe(false);
  });
});

describe('once', () => {
  it('reads on first use only, and remembers a null answer too', () => {
    let reads = 0;
    const body = once(() => {
      reads += 1;
      return null;
    });
    expect(reads).toBe(0);
    expect(body()).toBeNull();
    expect(body()).toBeNull();
    expect(reads).toBe(1);
  });
});
