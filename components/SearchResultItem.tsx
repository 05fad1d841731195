import { kindLabel } from '@/lib/i18n/kind-label';
import { t, uiLanguage } from '@/lib/i18n/t';
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
          <span className="badge">{record.type === 'post' ? t('kindMessage') : kindLabel(record.kind)}</span>
          {record.private && (
            <span className="lock" role="img" aria-label={t('private')} title={t('private')}>
              🔒
            </span>
          )}
        </span>
        <bdi className="result-title">
          <HighlightedText pieces={hit.title} />
        </bdi>
        {hit.snippet.length > 0 && hit.snippet.some((p) => p.text.trim() !== '') && (
          <bdi className="snippet">
            <HighlightedText pieces={hit.snippet} />
          </bdi>
        )}
        <span className="result-meta">
          {author ? <bdi>{author}</bdi> : null}
          <span>{relativeTime(recordTime(record), undefined, uiLanguage())}</span>
          {record.container ? <bdi>{record.container}</bdi> : null}
          {alsoLive ? <span className="seen">{t('seenAlsoLive', relativeTime(record.lastSeen, undefined, uiLanguage()))}</span> : null}
        </span>
      </a>
      <button type="button" className="archive" aria-label={t('archiveResultLabel', record.title)} title={t('archiveResultTitle')} onClick={() => onArchive(hit)}>
        {t('archive')}
      </button>
    </li>
  );
}
