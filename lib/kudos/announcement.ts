import { TOOL_NAMES, type ToolId } from '../tools/tool-ids';

/** What an announcement says about one public thanks. */
export interface AnnouncementFacts {
  /** The idempotency key (the thanks' id). */
  key: string;
  giver: string;
  receiver: string;
  tool: ToolId;
  /** The thanked post's link, checked against the tool's site (lib/tools/links.ts); null: announced without one. */
  permalink: string | null;
  note: string;
  /** Given in a private place: announced without content or link. */
  private: boolean;
}

/** Slack's message text escapes these three; Mattermost reads the same text. */
const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The JSON body POSTed to the organisation's webhook: `text` for Slack and Mattermost incoming
 * webhooks, the same facts as attachment fields (both render them), and as plain top-level fields
 * for any other receiver, with the idempotency key. Thanks from a private place carry no link and
 * no note: only who thanked whom, "for work in a private space".
 */
export function announcementPayload(facts: AnnouncementFacts): Record<string, unknown> {
  const tool = TOOL_NAMES[facts.tool];
  const note = facts.private ? '' : facts.note.replace(/\s+/g, ' ').trim();
  const permalink = facts.private ? null : facts.permalink;
  const head = `${escapeText(facts.giver)} thanked ${escapeText(facts.receiver)} on ${tool}`;
  const text = facts.private
    ? `:pray: ${head} for work in a private space.`
    : `:pray: ${head}${note ? `: “${escapeText(note)}”` : '.'}${permalink ? ` ${permalink}` : ''}`;
  const fields = [
    { title: 'Giver', value: facts.giver, short: true },
    { title: 'Receiver', value: facts.receiver, short: true },
    { title: 'Tool', value: tool, short: true },
    ...(permalink ? [{ title: 'Permalink', value: permalink, short: false }] : []),
    ...(note ? [{ title: 'Note', value: note, short: false }] : []),
  ];
  return {
    text,
    attachments: [{ fallback: text, color: '#f2b705', fields }],
    giver: facts.giver,
    receiver: facts.receiver,
    tool: facts.tool,
    permalink,
    note,
    private: facts.private,
    idempotency_key: facts.key,
  };
}
