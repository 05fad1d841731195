import type { SearchHit } from '@/lib/search/search';
import { recordTime } from '@/lib/search/stored-record';
import { relativeTime } from '@/lib/search/relative-time';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';
import { HighlightedText } from './HighlightedText';

interface Props {
  hit: SearchHit;
  /** The record's link as lib/tools/links.ts checked it; null when it is not its tool's (shown, never opened). */
  href: string | null;
  id: string;
  active: boolean;
  onOpen: (url: string, newTab: boolean) => void;
  onArchive: (hit: SearchHit) => void;
  onPointer: () => void;
  /** The tool's own search found it just now too. */
  alsoLive?: boolean;
}

/** One search result: tool, kind, title and snippet with the matched words marked, author, date, lock. */
export function SearchResultItem({ hit, href, id, active, onOpen, onArchive, onPointer, alsoLive = false }: Props) {
  const { record } = hit;
  const author = record.authorName ?? record.author;
  return (
    <li role="option" id={id} aria-selected={active} className={active ? 'result active' : 'result'} onPointerEnter={onPointer} data-key={record.key} data-daylight-source="local">
      <a
        href={href ?? undefined}
        tabIndex={-1}
        onClick={(event) => {
          event.preventDefault();
          if (href !== null) onOpen(href, event.ctrlKey || event.metaKey || event.shiftKey);
        }}
        onAuxClick={(event) => {
          if (event.button !== 1 || href === null) return;
          event.preventDefault();
          onOpen(href, true);
        }}
      >
        <span className="result-head">
          <span className={`tool tool-${record.tool}`}>{TOOL_NAMES[record.tool]}</span>
          <span className="badge">{record.type === 'post' ? 'message' : record.kind.replace(/[-_]/g, ' ')}</span>
          {record.private && (
            <span className="lock" role="img" aria-label="Private" title="Private">
              🔒
            </span>
          )}
        </span>
        <span className="result-title">
          <HighlightedText pieces={hit.title} />
        </span>
        {hit.snippet.length > 0 && hit.snippet.some((p) => p.text.trim() !== '') && (
          <span className="snippet">
            <HighlightedText pieces={hit.snippet} />
          </span>
        )}
        <span className="result-meta">
          {author ? <span>{author}</span> : null}
          <span>{relativeTime(recordTime(record))}</span>
          {record.container ? <span>{record.container}</span> : null}
          {alsoLive ? <span className="seen">seen {relativeTime(record.lastSeen)}, also found live</span> : null}
        </span>
      </a>
      <button type="button" className="archive" aria-label={`Archive ${record.title}`} title="Archive: hide from results (restore it in Settings)" onClick={() => onArchive(hit)}>
        Archive
      </button>
    </li>
  );
}
