/**
 * The text just before the caret in a composer, and a way to replace part of it through the
 * editor's own input handling (`insertText`), so the host's undo, autocomplete and state stay
 * right for textareas and for contenteditable editors (Quill, ProseMirror) alike.
 */
export interface CaretText {
  /** Text from the start of the current line (or text node) up to the caret. */
  before: string;
  /** The caret's position on screen, for placing a popup next to it. */
  rect: DOMRect;
  /** Select the last `length` characters before the caret and type `text` over them. */
  replace(length: number, text: string): boolean;
}

function isTextarea(editor: HTMLElement): editor is HTMLTextAreaElement {
  return editor.tagName === 'TEXTAREA';
}

export function caretText(editor: HTMLElement): CaretText | null {
  if (isTextarea(editor)) {
    const end = editor.selectionEnd;
    if (editor.selectionStart !== end) return null;
    const lineStart = editor.value.lastIndexOf('\n', end - 1) + 1;
    return {
      before: editor.value.slice(lineStart, end),
      rect: editor.getBoundingClientRect(),
      replace(length, text) {
        editor.focus();
        editor.setSelectionRange(end - length, end);
        return document.execCommand('insertText', false, text);
      },
    };
  }
  const selection = editor.ownerDocument.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const node = range.startContainer;
  if (node.nodeType !== Node.TEXT_NODE || !editor.contains(node)) return null;
  const offset = range.startOffset;
  const caret = range.getBoundingClientRect();
  return {
    before: (node.textContent ?? '').slice(0, offset),
    rect: caret.width === 0 && caret.height === 0 ? editor.getBoundingClientRect() : caret,
    replace(length, text) {
      editor.focus();
      const target = document.createRange();
      target.setStart(node, Math.max(0, offset - length));
      target.setEnd(node, offset);
      selection.removeAllRanges();
      selection.addRange(target);
      return document.execCommand('insertText', false, text);
    },
  };
}

/** `@` and what follows it right before the caret: 2 to 40 characters of a name, e-mail or handle. */
export function mentionQuery(before: string): string | null {
  const match = /(?:^|[\s(,;])@([\p{L}\p{N}._'-][\p{L}\p{N}._' -]{1,39})$/u.exec(before);
  if (!match?.[1]) return null;
  const query = match[1];
  // A finished mention (a space after a complete word, then more words) is not being typed any more.
  return query.split(' ').length > 3 || /\s$/.test(query) ? null : query;
}
