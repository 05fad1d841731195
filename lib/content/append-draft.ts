/**
 * Add text to the end of a composer's draft, on a new line when there is a draft already, through
 * the editor's own input handling (`insertText`, as typing would), so the host's state, undo and
 * autosave see it. The draft that was there is never replaced: if the editor will not take the
 * text that way, it is appended directly and the host is told with an `input` event.
 */
export function appendToDraft(editor: HTMLElement, text: string): boolean {
  return editor.tagName === 'TEXTAREA' ? appendToTextarea(editor as HTMLTextAreaElement, text) : appendToEditable(editor, text);
}

function appendToTextarea(field: HTMLTextAreaElement, text: string): boolean {
  const draft = field.value;
  const addition = `${draft.trim() === '' || draft.endsWith('\n') ? '' : '\n'}${text}`;
  field.focus();
  field.setSelectionRange(draft.length, draft.length);
  const typed = document.execCommand('insertText', false, addition);
  if (!typed || field.value !== draft + addition) {
    // The editor refused or rewrote it: set the value the way frameworks read it, keeping the draft.
    const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set;
    setter?.call(field, draft + addition);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  }
  field.setSelectionRange(field.value.length, field.value.length);
  return field.value.startsWith(draft) && field.value.endsWith(text);
}

function appendToEditable(editor: HTMLElement, text: string): boolean {
  const draft = (editor.textContent ?? '').trim();
  editor.focus();
  const selection = editor.ownerDocument.getSelection();
  if (selection) {
    const end = editor.ownerDocument.createRange();
    end.selectNodeContents(editor);
    end.collapse(false);
    selection.removeAllRanges();
    selection.addRange(end);
  }
  if (draft !== '') document.execCommand('insertParagraph');
  const typed = document.execCommand('insertText', false, text);
  const now = editor.textContent ?? '';
  if (!typed || !now.includes(text)) {
    const line = editor.ownerDocument.createElement('p');
    line.textContent = text;
    editor.append(line);
    editor.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
  }
  const after = editor.textContent ?? '';
  return after.includes(text) && (draft === '' || after.includes(draft));
}
