import { t } from '../i18n/t';
import { TOOL_FACTS, type ToolId } from '../tools/tool-ids';

/** Who is thanked for what, as the thank-you draft names it. */
export interface ThankYouFacts {
  tool: ToolId;
  /** The author's handle on this tool. */
  handle: string | null;
  /** Their name, when the directory knows them. */
  name: string | null;
  permalink: string;
  note: string;
}

/**
 * How the draft mentions someone on a tool (its facts' `mentionStyle`): the tool's own `@handle`
 * where typing it makes a mention; where mentions are chips from the tool's own picker (a typed id
 * stays text), `@Name`, which opens that picker.
 */
export function mentionFor(tool: ToolId, handle: string | null, name: string | null): string {
  if (TOOL_FACTS[tool].mentionStyle === 'picker') return name ? `@${name}` : '';
  return handle ? `@${handle}` : name ?? '';
}

/** A short, editable thank-you: the mention, the note (or a default line), and the post's link. */
export function thankYouText(facts: ThankYouFacts): string {
  const who = mentionFor(facts.tool, facts.handle, facts.name);
  const note = facts.note.replace(/\s+/g, ' ').trim();
  return t(who ? 'thankYouTo' : 'thankYouPlain', ...(who ? [who] : []), note || t('thankYouNote'), facts.permalink);
}
