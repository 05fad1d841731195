import { useCallback, useEffect, useRef, useState } from 'react';
import { browser, type Browser } from 'wxt/browser';
import type { StoredPerson } from '@/lib/db';
import { LIVE_SEARCH_PORT, liveSearchEventSchema, type LiveSearchRequest, type LiveState } from '@/lib/messaging';
import { peopleNamed } from '@/lib/search/authors';
import type { LiveItem } from '@/lib/search/live/source';
import { parseQuery } from '@/lib/search/query';
import { TOOL_IDS, type ToolId } from '@/lib/tools/tool-ids';

/** A query is sent to the tools this long after the last keystroke (or at once on Enter). */
export const LIVE_SETTLE_MS = 300;
/** Fewer characters than this are not worth a request to anyone. */
const MIN_CHARS = 3;

const NOTHING_YET = { statuses: {}, items: {} };

export interface LiveToolStatus {
  state: LiveState;
  text: string;
  signIn?: string;
  origins?: string[];
  /** The tool has another page for this query. */
  more?: boolean;
}

export interface LiveSearch {
  statuses: Partial<Record<ToolId, LiveToolStatus>>;
  items: Partial<Record<ToolId, LiveItem[]>>;
  /** Send the pending query now (Enter). */
  flush: () => void;
  /** Ask again (after access was granted). */
  retry: () => void;
  /** Ask one tool for its next page of answers to the current query. */
  more: (tool: ToolId) => void;
}

/** The free text of a query as typed (operators left out): each tool's own search does the matching. */
function freeText(text: string): string {
  return text
    .split(/\s+/)
    .filter((piece) => piece !== '' && !/^[a-zA-Z]+:/.test(piece))
    .join(' ');
}

/** `from:` as the people's handle maps; a value the directory does not know is taken as a handle on every tool. */
function fromHandles(values: readonly string[], people: readonly StoredPerson[]): LiveSearchRequest['from'] {
  if (values.length === 0) return null;
  return values.flatMap((value) => {
    const named = peopleNamed(value, people);
    return named.length > 0 ? named.map((p) => p.handles) : [Object.fromEntries(TOOL_IDS.map((tool) => [tool, value.replace(/^@/, '')]))];
  });
}

/**
 * Live search from the popup: a port to the background for the popup's life (closing the popup
 * closes it, which stops every request), one search per settled query, and each tool's state and
 * items as they arrive. Nothing of it is stored.
 */
export function useLiveSearch(text: string, people: () => Promise<readonly StoredPerson[]>): LiveSearch {
  const port = useRef<Browser.runtime.Port | null>(null);
  const current = useRef(0);
  const pending = useRef<(() => void) | null>(null);
  /** The request the current answers are for, and the last page asked of each tool. */
  const sentRequest = useRef<{ request: LiveSearchRequest; pages: Partial<Record<ToolId, number>> } | null>(null);
  const [again, setAgain] = useState(0);
  /** The query (text and retry count) the current search answers: answers to older ones are not shown. */
  const key = `${again} ${text}`;
  const currentKey = useRef(key);
  const [answer, setAnswer] = useState<{ key: string; statuses: LiveSearch['statuses']; items: LiveSearch['items'] }>({ key: '', statuses: {}, items: {} });

  useEffect(() => {
    const connected = browser.runtime.connect({ name: LIVE_SEARCH_PORT });
    port.current = connected;
    connected.onMessage.addListener((raw: unknown) => {
      const event = liveSearchEventSchema().safeParse(raw);
      if (!event.success || event.data.id !== current.current) return;
      const { tool } = event.data;
      const data = event.data;
      setAnswer((before) => {
        const base = before.key === currentKey.current ? before : { key: currentKey.current, statuses: {}, items: {} };
        if (data.type === 'items') return { ...base, items: { ...base.items, [tool]: [...(base.items[tool] ?? []), ...data.items] } };
        return { ...base, statuses: { ...base.statuses, [tool]: { state: data.state, text: data.text, signIn: data.signIn, origins: data.origins, more: data.more } } };
      });
    });
    return () => {
      port.current = null;
      connected.disconnect();
    };
  }, []);

  useEffect(() => {
    const id = ++current.current;
    currentKey.current = `${again} ${text}`;
    const query = parseQuery(text);
    const words = freeText(text);
    sentRequest.current = null;
    if (words.length < MIN_CHARS) {
      pending.current = null;
      return;
    }
    let sent = false;
    const send = () => {
      if (sent) return;
      sent = true;
      pending.current = null;
      void (query.from.length > 0 ? people() : Promise.resolve([])).then((known) => {
        if (id !== current.current) return;
        const request: LiveSearchRequest = { id, text: words, tools: query.tools, from: fromHandles(query.from, known), place: query.place, after: query.after, before: query.before };
        sentRequest.current = { request, pages: {} };
        port.current?.postMessage(request);
      });
    };
    pending.current = send;
    const timer = setTimeout(send, LIVE_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [text, people, again]);

  const flush = useCallback(() => pending.current?.(), []);
  const retry = useCallback(() => setAgain((n) => n + 1), []);
  const more = useCallback((tool: ToolId) => {
    const sent = sentRequest.current;
    if (!sent || sent.request.id !== current.current) return;
    const page = (sent.pages[tool] ?? 1) + 1;
    sent.pages[tool] = page;
    port.current?.postMessage({ ...sent.request, tools: [tool], page } satisfies LiveSearchRequest);
  }, []);
  const shown = answer.key === key ? answer : NOTHING_YET;
  return { statuses: shown.statuses, items: shown.items, flush, retry, more };
}
