import { PAGE_KINDS, type PageKind } from '../tools/page';
import { TOOL_IDS, TOOL_NAMES, type ToolId } from '../tools/tool-ids';
import { tokenize } from './tokenize';
import { t } from '../i18n/t';

/**
 * The popup's query language (docs/contract.md section 3): free words plus `tool:`, `kind:`, `from:`,
 * `is:private`, `is:public`, `before:YYYY-MM-DD`, `after:YYYY-MM-DD`. Nothing a user types is an
 * error: an unknown operator or a value that is not one is searched as words, and a note says so.
 */
export interface ParsedQuery {
  /** Folded words to search for, in order. */
  words: string[];
  /** True when the last word is still being typed (no space after it): it matches as a prefix too. */
  typing: boolean;
  tools: ToolId[];
  kinds: PageKind[];
  /** `from:` values, as typed: resolved against the directory by the caller. */
  from: string[];
  place: 'private' | 'public' | null;
  /** Local midnight of the dates, in ms. */
  after: number | null;
  before: number | null;
  /** What was understood differently from how it was typed, in words for the user. */
  notes: string[];
}

export const OPERATORS = ['tool:', 'kind:', 'from:', 'is:private', 'is:public', 'before:', 'after:'] as const;
const OPERATOR_LIST = OPERATORS.join(' ');

const KIND_ALIASES: Record<string, PageKind> = {
  pr: 'pull_request',
  pull: 'pull_request',
  mr: 'merge_request',
  revision: 'differential_revision',
  diff: 'differential_revision',
  message: 'channel',
  private: 'private-channel',
  groupdm: 'group-dm',
};

function toolOf(value: string): ToolId | undefined {
  const v = value.toLowerCase();
  return TOOL_IDS.find((id) => id === v || TOOL_NAMES[id].toLowerCase() === v);
}

function kindOf(value: string): PageKind | undefined {
  const v = value.toLowerCase().replace(/-/g, '_');
  return PAGE_KINDS.find((k) => k.replace(/-/g, '_') === v) ?? KIND_ALIASES[v.replace(/_/g, '')];
}

/** `YYYY-MM-DD` as local midnight, or null when it is not a real date. */
function dateOf(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const date = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getMonth() === Number(m[2]) - 1 && date.getDate() === Number(m[3]) ? date.getTime() : null;
}

/** Split on spaces, keeping "quoted values" (from:"Lena K") together. */
function pieces(text: string): string[] {
  return [...text.matchAll(/(?:[^\s"]+|"[^"]*"?)+/g)].map((m) => m[0]);
}

const unquote = (value: string) => value.replace(/"/g, '');

export function parseQuery(text: string): ParsedQuery {
  const query: ParsedQuery = { words: [], typing: text.length > 0 && !/\s$/.test(text), tools: [], kinds: [], from: [], place: null, after: null, before: null, notes: [] };
  const asWords = (piece: string) => query.words.push(...tokenize(unquote(piece)));
  for (const piece of pieces(text)) {
    const m = /^([a-zA-Z]+):(.*)$/s.exec(piece);
    if (!m) {
      asWords(piece);
      continue;
    }
    const operator = m[1]!.toLowerCase();
    const value = unquote(m[2]!);
    if (value === '') {
      // An operator still being typed ("tool:") filters nothing yet.
      if (!['tool', 'kind', 'from', 'is', 'before', 'after'].includes(operator)) asWords(piece);
      continue;
    }
    switch (operator) {
      case 'tool': {
        const tool = toolOf(value);
        if (tool) query.tools.push(tool);
        else {
          query.notes.push(t('noteNoTool', value, TOOL_IDS.join(', ')));
          asWords(value);
        }
        break;
      }
      case 'kind': {
        const kind = kindOf(value);
        if (kind) query.kinds.push(kind);
        else {
          query.notes.push(t('noteNoKind', value, PAGE_KINDS.join(', ')));
          asWords(value);
        }
        break;
      }
      case 'from':
        query.from.push(value);
        break;
      case 'is':
        if (value.toLowerCase() === 'private' || value.toLowerCase() === 'public') query.place = value.toLowerCase() as 'private' | 'public';
        else {
          query.notes.push(t('noteIsValue', value));
          asWords(value);
        }
        break;
      case 'before':
      case 'after': {
        const date = dateOf(value);
        if (date === null) {
          query.notes.push(t('noteDate', operator, value));
          asWords(value);
        } else if (operator === 'before') query.before = date;
        else query.after = date;
        break;
      }
      default:
        // Addresses (https://…) are text, not a misspelled operator.
        if (!value.startsWith('/')) query.notes.push(t('noteNotOperator', operator, OPERATOR_LIST));
        asWords(piece);
    }
  }
  return query;
}
