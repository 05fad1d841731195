import type { Conflict } from '@/lib/people/conflicts';
import { Message } from './Message';

/** Conflicts with their fixes, as text (names and handles are data, never markup). */
export function ConflictList({ conflicts, limit }: { conflicts: readonly Conflict[]; limit: number }) {
  return (
    <ul>
      {conflicts.slice(0, limit).map((conflict, i) => (
        <li key={i} data-kind={conflict.kind}>
          <bdi>{conflict.message}</bdi>
          <br />
          <span className="muted">
            <Message id="conflictFix" values={[<bdi key="fix">{conflict.fix}</bdi>]} />
          </span>
        </li>
      ))}
    </ul>
  );
}
