import type { TextPiece } from '@/lib/search/snippet';

/** Page text with the matched words marked, as text nodes only (page text is never HTML). */
export function HighlightedText({ pieces }: { pieces: readonly TextPiece[] }) {
  return (
    <>
      {pieces.map((piece, i) => (piece.hit ? <mark key={i}>{piece.text}</mark> : <span key={i}>{piece.text}</span>))}
    </>
  );
}
