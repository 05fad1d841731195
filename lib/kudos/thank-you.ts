import type { ToolId } from '../tools/tool-ids';

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
 * How the draft mentions someone on each tool: the tool's own `@handle` where typing it makes a
 * mention (GitHub, GitLab, Mattermost, Phabricator); on Slack and Asana, whose mentions are chips
 * from their own picker (a typed member id or gid stays text), `@Name`, which opens that picker.
 */
export function mentionFor(tool: ToolId, handle: string | null, name: string | null): string {
  if (tool === 'slack' || tool === 'asana') return name ? `@${name}` : '';
  return handle ? `@${handle}` : name ?? '';
}

/** A short, editable thank-you: the mention, the note (or a default line), and the post's link. */
export function thankYouText(facts: ThankYouFacts): string {
  const who = mentionFor(facts.tool, facts.handle, facts.name);
  const note = facts.note.replace(/\s+/g, ' ').trim();
  return `Thank you${who ? ` ${who}` : ''}! ${note || 'This really helped.'} ${facts.permalink}`;
}
