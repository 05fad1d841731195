/**
 * Every feature's id and what it does, in the order they run: the options page lists them from here,
 * so it does not bundle the features' own code (which belongs in the content scripts). Each feature
 * takes its description from here; a test checks the catalogue and the registry agree.
 */
export const FEATURE_CATALOG = [
  { id: 'person-cards', description: 'Shows who a mention is (name, team, handles on every tool) on hover or focus, from the directory.' },
  { id: 'mention-translation', description: 'Suggests people from the directory while you type @ in a composer, and inserts their handle on this tool.' },
  { id: 'working-hours-hint', description: 'When a draft mentions someone outside their working hours, says so quietly beside the composer, with their local time.' },
  { id: 'thank-buttons', description: 'Adds a Thank button to posts by others: thank publicly in the composer, react, or just record it in your kudos ledger.' },
  { id: 'private-warning', description: 'Before you post in a private place, says who can see it and suggests an open one; asks for a reason in confirm mode.' },
  { id: 'archive-nudge', description: 'Before you delete, offers the tool’s archive, close or hide instead, and lets you delete anyway.' },
  { id: 'page-capture', description: 'Remembers the pages you open and the messages you have had on screen, on this device, so the toolbar popup can find them again.' },
] as const;

export type FeatureId = (typeof FEATURE_CATALOG)[number]['id'];

export const FEATURE_DESCRIPTIONS = Object.fromEntries(FEATURE_CATALOG.map((f) => [f.id, f.description])) as Record<FeatureId, string>;
