/**
 * Does a post thank someone? A pure classifier over the post's text, tested on a table of real
 * phrasings and look-alikes (tests/unit/kudos/classify.test.ts). Look-alikes are removed first
 * ("no thanks", "thanks in advance", "thanks to the outage", "thank goodness", "Thanksgiving"), then
 * what is left must still say thanks. Callers add the second condition: the post mentions the person.
 */

/** Phrases that contain a thanks word without thanking anyone for work done. */
const LOOK_ALIKES: readonly RegExp[] = [
  /\bthanks,?\s+but\s+no\s+thanks\b/giu,
  /\bno,?\s+thank(?:s|\s+you)\b/giu,
  /\bthank(?:s|\s+you)\s+(?:in\s+advance|ahead\s+of\s+time)\b/giu,
  /\b(?:tia|tyia)\b/giu,
  /\bthanks\s+for\s+nothing\b/giu,
  /\bthank\s+(?:god|goodness|heavens?|the\s+lord)\b/giu,
  // Causal "thanks to": "thanks to the outage", "thanks to which".
  /\bthanks\s+to\s+(?:the|a|an|this|that|these|those|which|its|their|our|my|bad|poor|no)\b/giu,
  /\b(?:no\s+need\s+to|don'?t|do\s+not|never)\s+thank\b/giu,
  /\bwithout\s+(?:a\s+)?thanks\b/giu,
  /\b(?:say|said|says|saying)\s+thanks\s+(?:to|for)\s+(?:him|her|them)\b/giu,
  /\bthank(?:s|ful)?(?:giving|less|lessly)\b/giu,
  /\bthankfully\b/giu,
];

/** Ways people thank each other at work, in a few languages, with the emoji people use for it. */
const THANKS: readonly RegExp[] = [
  /\bthanks?\b/iu,
  /\bthank\s+(?:you|u|ya|y'all|yall|everyone|all|both)\b/iu,
  /\b(?:thx|thnx|thnks|tnx|ty|tysm|tyvm|thanku)\b/iu,
  /\bmany\s+thanks\b/iu,
  /\b(?:much|really|truly|greatly)\s+appreciated\b/iu,
  /\bappreciate\s+(?:it|you|this|that|the|your|all|how|y'all)\b/iu,
  /\bi\s+(?:really\s+)?appreciate\b/iu,
  /\bkudos\b/iu,
  /\bprops\s+to\b/iu,
  /\bshout[\s-]?outs?\s+to\b/iu,
  /\bhats\s+off\b/iu,
  /\b(?:so|very|really|super)\s+grateful\b/iu,
  /\bgrateful\s+(?:to|for)\b/iu,
  /\bcheers\s+for\b/iu,
  /\b(?:great|nice|good|awesome|amazing|excellent|fantastic)\s+(?:job|work|catch)\b/iu,
  // Word edges by Unicode letters: `\b` only knows ASCII, so "dziękuję" never ended a word.
  /(?<![\p{L}\p{N}_])(?:merci|danke|gracias|grazie|obrigad[oa]|dankjewel|dank\s+je|dank\s+u|tusen\s+takk|kiitos|dziękuję|děkuji)(?![\p{L}\p{N}_])/iu,
  /(?:спасибо|ありがとう|谢谢|謝謝|감사합니다|شكرا|תודה|धन्यवाद)/iu,
  /[🙏🙇]/u,
];

/**
 * A word every pattern of `THANKS` needs (none holds a space, so removing look-alikes, which leaves
 * spaces, never makes one appear): a text without any cannot thank anyone, and most messages are
 * told so with one test instead of thirty.
 */
const CUES = /thank|thx|thn|tnx|ty|appreciat|kudos|props|shout|hats|grateful|cheers|job|work|catch|merci|danke|gracias|grazie|obrigad|dank|takk|kiitos|dziękuję|děkuji|спасибо|ありがとう|谢谢|謝謝|감사합니다|شكرا|תודה|धन्यवाद|🙏|🙇/iu;

/** Whether `text` thanks someone (see the module comment for what does not count). */
export function isThanks(text: string): boolean {
  let rest = text.normalize('NFKC').replace(/[\u2018\u2019]/g, "'");
  if (!CUES.test(rest)) return false;
  for (const pattern of LOOK_ALIKES) rest = rest.replace(pattern, ' ');
  return THANKS.some((pattern) => pattern.test(rest));
}
