import type { Feature } from './feature';

/**
 * Every feature, as an explicit list (WXT imports entrypoints at build time, so side-effect
 * registration would be fragile, and the compiler can check a list). Features land here with
 * the issues that build them: person cards, mention translation, thank buttons, page capture,
 * private warning, archive nudge.
 */
export const features: readonly Feature[] = [];
