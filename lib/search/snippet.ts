import { fold } from './tokenize';

/** A piece of text to show, marked when it is one of the words the query matched. */
export interface TextPiece {
  text: string;
  hit: boolean;
}

const WORD = /[\p{L}\p{N}]+/gu;
const ASCII = /^[a-zA-Z0-9]*$/;
export const SNIPPET_CHARS = 180;
const LEAD = 50;

/** Decides whether a word of the text is one the query matched (a matched term, or a typed prefix). */
export function hitTest(terms: ReadonlySet<string>, prefixes: readonly string[]): (word: string) => boolean {
  return (raw) => {
    const word = ASCII.test(raw) ? raw.toLowerCase() : fold(raw);
    return terms.has(word) || prefixes.some((p) => word.startsWith(p));
  };
}

/** Split `text` into plain and hit pieces. */
export function highlight(text: string, isHit: (word: string) => boolean): TextPiece[] {
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const match of text.matchAll(WORD)) {
    if (!isHit(match[0])) continue;
    if (match.index > at) pieces.push({ text: text.slice(at, match.index), hit: false });
    pieces.push({ text: match[0], hit: true });
    at = match.index + match[0].length;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), hit: false });
  return pieces;
}

/** The stretch of `text` around its first matched word (or its start), about SNIPPET_CHARS long. */
export function snippetWindow(text: string, isHit: (word: string) => boolean): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  let first = -1;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(flat); m !== null; m = WORD.exec(flat)) {
    if (isHit(m[0])) {
      first = m.index;
      break;
    }
  }
  WORD.lastIndex = 0;
  if (first < 0 || flat.length <= SNIPPET_CHARS) return flat.length <= SNIPPET_CHARS ? flat : `${flat.slice(0, SNIPPET_CHARS).replace(/\s\S*$/, '')}…`;
  let start = Math.max(0, first - LEAD);
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space >= 0 && space < first ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + SNIPPET_CHARS);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > first ? space : end;
  }
  return `${start > 0 ? '…' : ''}${flat.slice(start, end)}${end < flat.length ? '…' : ''}`;
}
