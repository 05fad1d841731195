/**
 * Words as the search index sees them: lower case, accents folded, split on anything that is not a
 * letter or a digit, with the parts of code identifiers (`getUserById`, `fetch_invoice_items`) as
 * words of their own. The index and the query go through the same function.
 */
const WORD = /[\p{L}\p{N}]+/gu;
const CAMEL = /[\p{Lu}]?[\p{Ll}\p{N}]+|[\p{Lu}]+(?![\p{Ll}])/gu;
const MARKS = /\p{M}+/gu;
/** Longer tokens (hashes, encoded blobs) are not words anyone types. */
export const MAX_TOKEN = 40;

/** Lower case without accents, so "Café" and "cafe" are the same word. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase();
}

const NON_ASCII = /[^\u0020-\u007e\s]/;

/** The words of `text` (with repeats), each folded; camel-case parts follow their identifier. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  // Most captured text is ASCII: a plain character scan gives the same words several times faster
  // than normalising and matching Unicode classes (it dominates an index build from scratch).
  if (!NON_ASCII.test(text)) {
    asciiWords(text, out);
    return out;
  }
  for (const match of text.normalize('NFKD').replace(MARKS, '').matchAll(WORD)) push(match[0], out);
  return out;
}

function push(raw: string, out: string[]): void {
  if (raw.length > MAX_TOKEN) return;
  const word = raw.toLowerCase();
  out.push(word);
  if (word !== raw) {
    // Mixed case: `getUserById` also yields get, user, by, id.
    const parts = raw.match(CAMEL);
    if (parts && parts.length > 1) for (const part of parts) out.push(part.toLowerCase());
  }
}

/** `tokenize` for ASCII text: runs of letters and digits. */
function asciiWords(text: string, out: string[]): void {
  let start = -1;
  let upper = false;
  for (let i = 0; i <= text.length; i += 1) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const isUpper = c >= 65 && c <= 90;
    if (isUpper || (c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) {
        start = i;
        upper = false;
      }
      upper ||= isUpper;
    } else if (start >= 0) {
      if (upper) push(text.slice(start, i), out);
      else if (i - start <= MAX_TOKEN) out.push(text.slice(start, i));
      start = -1;
    }
  }
}

