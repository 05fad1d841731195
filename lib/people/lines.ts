/** Spreadsheet programs and Windows editors save UTF-8 with a byte order mark; it is not data. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** Line breaks in `text` between `from` and `to`, counting CRLF, LF and a lone CR as one each. */
export function countLineBreaks(text: string, from = 0, to = text.length): number {
  // indexOf scans natively; a loop over every character costs a 50,000-person file ~100 ms.
  let breaks = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) breaks += 1;
  for (let i = text.indexOf('\r', from); i !== -1 && i < to; i = text.indexOf('\r', i + 1)) if (text[i + 1] !== '\n') breaks += 1;
  return breaks;
}
