import type { Adapter } from '../tools/adapter';

/** `@handle` as typed: after a space, a bracket or the start, and not inside an e-mail address. */
const TYPED_MENTION = /(?:^|[\s([{"'])@([A-Za-z0-9][\w.-]{0,99})/g;
/** A draft names a handful of people; a pasted wall of text is not read past this many. */
const MOST = 20;

function draftText(editor: HTMLElement): string {
  return editor instanceof HTMLTextAreaElement || editor instanceof HTMLInputElement ? editor.value : (editor.textContent ?? '');
}

/** The handles a draft mentions: the tool's chips (adapter.draftMentions), then `@handle` typed as text, each once. */
export function draftHandles(adapter: Adapter, editor: HTMLElement): string[] {
  const handles = new Set(adapter.draftMentions?.(editor) ?? []);
  const text = draftText(editor).slice(0, 20_000);
  for (const match of text.matchAll(TYPED_MENTION)) {
    if (handles.size >= MOST) break;
    // A trailing dot ends the sentence, not the handle.
    handles.add((match[1] as string).replace(/\.+$/, ''));
  }
  return [...handles].slice(0, MOST);
}
