import type { Feature } from './feature';
import { archiveNudge } from './archive-nudge';
import { mentionTranslation } from './mention-translation';
import { pageCapture } from './page-capture';
import { personCards } from './person-cards';
import { privateWarning } from './private-warning';
import { thankButtons } from './thank-buttons/thank-buttons';
import { workingHoursHint } from './working-hours-hint';

/**
 * Every feature, as an explicit list (WXT imports entrypoints at build time, so side-effect
 * registration would be fragile, and the compiler can check a list). Features land here with
 * the issues that build them.
 */
export const features: readonly Feature[] = [personCards, mentionTranslation, workingHoursHint, thankButtons, privateWarning, archiveNudge, pageCapture];
