import type { Feature } from './feature';
import { mentionTranslation } from './mention-translation';
import { pageCapture } from './page-capture';
import { personCards } from './person-cards';

/**
 * Every feature, as an explicit list (WXT imports entrypoints at build time, so side-effect
 * registration would be fragile, and the compiler can check a list). Features land here with
 * the issues that build them.
 */
export const features: readonly Feature[] = [personCards, mentionTranslation, pageCapture];
