import { kindLabel } from '@/lib/i18n/kind-label';
import { t, uiLanguage } from '@/lib/i18n/t';
import type { LiveItem } from '@/lib/search/live/source';
import { relativeTime } from '@/lib/search/relative-time';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';

interface Props {
  item: LiveItem;
  id: string;
  active: boolean;
  onOpen: (url: string, newTab: boolean) => void;
  onPointer: () => void;
}

/** A result the tool's own search found just now: shown, never stored (it is captured only once opened and seen). */
export function LiveResultItem({ item, id, active, onOpen, onPointer }: Props) {
  return (
    <li role="option" id={id} aria-selected={active} className={active ? 'result active' : 'result'} onPointerEnter={onPointer} data-daylight-source="live" data-key={item.url}>
      <a
        href={item.url}
        tabIndex={-1}
        onClick={(event) => {
          event.preventDefault();
          onOpen(item.url, event.ctrlKey || event.metaKey || event.shiftKey);
        }}
        onAuxClick={(event) => {
          if (event.button !== 1) return;
          event.preventDefault();
          onOpen(item.url, true);
        }}
      >
        <span className="result-head">
          <span className={`tool tool-${item.tool}`}>{TOOL_NAMES[item.tool]}</span>
          <span className="badge">{kindLabel(item.kind)}</span>
          <span className="badge live">{t('liveFoundBadge')}</span>
          {item.private === true && (
            <span className="lock" role="img" aria-label={t('private')} title={t('private')}>
              🔒
            </span>
          )}
        </span>
        <span className="result-title">{item.title}</span>
        {item.snippet !== '' && <span className="snippet">{item.snippet}</span>}
        <span className="result-meta">
          {item.author ? <span>{item.author.name || item.author.handle}</span> : null}
          {item.time !== null ? <span>{relativeTime(item.time, undefined, uiLanguage())}</span> : null}
          {item.container ? <span>{item.container}</span> : null}
        </span>
      </a>
    </li>
  );
}
