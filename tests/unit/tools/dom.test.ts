import { describe, expect, it } from 'vitest';
import { inContent, lastPathSegment } from '@/lib/tools/dom';

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
