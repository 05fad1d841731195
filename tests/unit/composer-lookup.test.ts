// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { ComposerLookup } from '@/lib/content/composer-lookup';
import type { ComposerReading } from '@/lib/tools/adapter';

/** A lookup over the page's textareas, counting how often it searched the page. */
function lookup() {
  const searches = { count: 0 };
  const composers = new ComposerLookup(() => {
    searches.count += 1;
    return [...document.querySelectorAll('textarea')].map((editor): ComposerReading => {
      const container = editor.parentElement!;
      return { editor, container, submit: container.querySelector('button') };
    });
  });
  return { composers, searches };
}

describe('ComposerLookup', () => {
  it('searches the page once until reset, for editors and submit controls alike', () => {
    document.body.innerHTML = '<form><textarea></textarea><button>Send</button></form>';
    const { composers, searches } = lookup();
    const editor = document.querySelector('textarea')!;
    expect(composers.of(editor)?.editor).toBe(editor);
    expect(composers.of(document.querySelector('button'), 'submit')?.editor).toBe(editor);
    expect(searches.count).toBe(1);
    composers.reset();
    composers.all();
    expect(searches.count).toBe(2);
  });

  it('finds a composer that appeared since the last search, searching once more on a miss', () => {
    document.body.innerHTML = '<form><textarea></textarea></form>';
    const { composers, searches } = lookup();
    composers.all();
    document.body.insertAdjacentHTML('beforeend', '<form id="reply"><textarea></textarea></form>');
    const reply = document.querySelector<HTMLTextAreaElement>('#reply textarea')!;
    expect(composers.of(reply)?.editor).toBe(reply);
    expect(searches.count).toBe(2);
  });

  it('remembers a target in no composer until reset, without searching again', () => {
    document.body.innerHTML = '<form><textarea></textarea></form><input type="search">';
    const { composers, searches } = lookup();
    const search = document.querySelector('input')!;
    expect(composers.of(search)).toBeUndefined();
    expect(composers.of(search)).toBeUndefined();
    expect(composers.of(null)).toBeUndefined();
    expect(searches.count).toBe(2);
    composers.reset();
    expect(composers.of(search)).toBeUndefined();
    expect(searches.count).toBe(4);
  });

  it('remembers misses per part: a click on an editor is no send, and the editor is still a composer', () => {
    document.body.innerHTML = '<form><textarea></textarea><button>Send</button></form>';
    const { composers } = lookup();
    const editor = document.querySelector('textarea')!;
    expect(composers.of(editor, 'submit')).toBeUndefined();
    expect(composers.of(editor, 'editor')?.editor).toBe(editor);
  });
});
