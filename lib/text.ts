/** Text bounds shared by adapters, the ledger and the extension pages. */

/** `text` cut to at most `max` characters, an ellipsis marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Runs of whitespace collapsed to one space, trimmed, then clipped. */
export function flatClip(text: string, max: number): string {
  return clip(text.replace(/\s+/g, ' ').trim(), max);
}
