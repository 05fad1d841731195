/**
 * A seeded synthetic corpus of realistic search records, and four classes of queries with their
 * ground truth, shaped like what a browser captures over months of work: tools
 * in realistic proportions, titles of 5–15 words, bodies of 20–300 words skewed short, Zipfian
 * function words, collaboration words in topics (Zipf-like within a topic, and sometimes inflected:
 * "deploys", "labeled", "rollouts" are the rare completions and one-edit neighbours an exact word
 * competes with), code identifiers in camelCase and snake_case (some built from topic words:
 * `restoreBackup`, `canary_rollout`), handles, a long tail of rare words, commit hashes, issue
 * numbers.
 */
import type { ExportedRecord } from '../../lib/search/export';
import { tokenize } from '../../lib/search/tokenize';
import type { PageKind } from '../../lib/tools/page';
import { TOOL_FACTS, TOOL_IDS, type ToolId } from '../../lib/tools/tool-ids';

export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FUNCTION_WORDS = 'the a to of and in is for on that it with this be we as at by not are or from have but can if will so all should our when there'.split(' ');
export const TOPICS = [
  'deploy pipeline rollout canary staging production release artifact rollback build',
  'kubernetes cluster node pod container helm ingress namespace scheduler autoscaler',
  'payment invoice refund ledger billing checkout currency settlement chargeback reconciliation',
  'incident outage postmortem pager oncall escalation severity mitigation timeline alerting',
  'database migration schema index postgres replica backup restore query vacuum',
  'frontend component render layout accessibility stylesheet browser bundle hydration keyboard',
  'security vulnerability token secret rotation permission audit encryption certificate firewall',
  'handbook documentation onboarding process template checklist policy guideline meeting retrospective',
  'terraform provider module drift infrastructure network subnet gateway loadbalancer dns',
  'analytics dashboard metric report funnel retention cohort experiment tracking warehouse',
  'mobile android ios release crash notification permission store review gesture',
  'search relevance ranking typo prefix tokenizer synonym latency recall precision',
  'customer support ticket escalation feedback churn renewal contract onboarding account',
  'design review prototype mockup usability research persona wireframe feedback iteration',
  'hiring interview candidate recruiter offer onboarding mentor feedback panel calibration',
  'observability tracing logging prometheus grafana metrics exporter sampling cardinality retention',
].map((t) => t.split(' '));
const CODE_PARTS = ['get', 'set', 'fetch', 'update', 'create', 'delete', 'user', 'invoice', 'items', 'by', 'id', 'order', 'payment', 'retry', 'handler', 'config', 'cache', 'token', 'session', 'queue'];
const SYLLABLES = 'ka lo mi ne ru sa to vi ze bo da fe gu hi jo pe qua ri su ty wo xe ya zu an el in on ur'.split(' ');
export const TOOL_SHARE: Array<[ToolId, number]> = [['github', 0.28], ['gitlab', 0.14], ['slack', 0.25], ['mattermost', 0.1], ['asana', 0.12], ['phabricator', 0.07], ['gitea', 0.04]];
const KINDS: Record<ToolId, PageKind[]> = {
  github: ['issue', 'pull_request', 'discussion'],
  gitlab: ['issue', 'merge_request'],
  slack: ['channel', 'private-channel', 'dm', 'thread'],
  mattermost: ['channel', 'private-channel', 'thread'],
  asana: ['task'],
  phabricator: ['task', 'differential_revision'],
  gitea: ['issue', 'pull_request'],
};

export interface Corpus {
  records: ExportedRecord[];
  /** Every distinct word of the corpus (the index's tokenizer). */
  vocabulary: Set<string>;
}

/** Each tool's first public host: the background stores only links on the tool's own site (lib/background/bounds.ts). */
const HOME = Object.fromEntries(TOOL_IDS.map((tool) => [tool, TOOL_FACTS[tool].matches.find((pattern) => !pattern.includes('*.'))!.replace(/\/\*$/, '')])) as Record<ToolId, string>;

export function makeCorpus(count: number, seed = 42, now = Date.UTC(2026, 5, 1)): Corpus {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const zipf = <T>(list: readonly T[]) => list[Math.floor(list.length * rnd() ** 2.5)]!;
  // Topic words: the first of a topic is the most common (about 1/rank, not as steep as function words).
  const topicWord = (topic: readonly string[]) => {
    const w = topic[Math.floor(topic.length * rnd() ** 1.6)]!;
    const r = rnd();
    const stem = w.endsWith('e') ? w.slice(0, -1) : w;
    return r < 0.05 ? `${w}s` : r < 0.07 ? `${stem}ed` : r < 0.09 ? `${stem}ing` : w;
  };
  const longTail = Array.from({ length: 40_000 }, () => Array.from({ length: 2 + Math.floor(rnd() * 3) }, () => pick(SYLLABLES)).join(''));
  const identifiers = Array.from({ length: 6_000 }, () => {
    const parts = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => (rnd() < 0.3 ? pick(pick(TOPICS)) : pick(CODE_PARTS)));
    return rnd() < 0.5 ? parts.map((p, i) => (i === 0 ? p : p[0]!.toUpperCase() + p.slice(1))).join('') : parts.join('_');
  });
  const handles = Array.from({ length: 2_000 }, (_, i) => `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(['', '-', '.'])}${pick(SYLLABLES)}${i % 10}`);
  const word = (topic: string[]): string => {
    const r = rnd();
    if (r < 0.45) return zipf(FUNCTION_WORDS);
    if (r < 0.8) return topicWord(topic);
    if (r < 0.85) return topicWord(pick(TOPICS));
    if (r < 0.9) return pick(identifiers);
    if (r < 0.95) return zipf(longTail);
    if (r < 0.97) return `@${pick(handles)}`;
    if (r < 0.985) return `#${Math.floor(rnd() * 5000)}`;
    return Math.floor(rnd() * 2 ** 32).toString(16).padStart(8, '0') + Math.floor(rnd() * 2 ** 32).toString(16).padStart(8, '0');
  };
  const words = (n: number, topic: string[]) => Array.from({ length: n }, () => word(topic)).join(' ');
  const toolOf = () => {
    let r = rnd();
    for (const [tool, share] of TOOL_SHARE) if ((r -= share) < 0) return tool;
    return 'github';
  };
  const records: ExportedRecord[] = [];
  for (let i = 0; i < count; i += 1) {
    const tool = toolOf();
    const kind = pick(KINDS[tool]);
    const topic = pick(TOPICS);
    const place = rnd() < 0.7 ? 'public' : rnd() < 0.8 ? 'private' : 'unknown';
    const bodyWords = 20 + Math.floor(280 * rnd() ** 3);
    const seen = now - Math.floor(rnd() * 730 * 86_400_000);
    const author = pick(handles);
    const key = `${HOME[tool]}/bench/${i}`;
    records.push({
      key,
      type: rnd() < 0.1 ? 'page' : 'post',
      tool,
      kind,
      place,
      private: place === 'private',
      container: `acme/${pick(topic)}-${pick(SYLLABLES)}`,
      title: words(5 + Math.floor(rnd() * 11), topic),
      text: words(bodyWords, topic),
      author,
      participants: [author],
      mentions: [],
      mentionIds: [],
      time: new Date(seen).toISOString(),
      url: key,
      firstSeen: seen,
      lastSeen: seen,
      timesSeen: 1,
    });
  }
  const vocabulary = new Set<string>();
  for (const r of records) for (const w of tokenize(`${r.title} ${r.text}`)) vocabulary.add(w);
  return { records, vocabulary };
}

export type QueryClass = 'one word' | 'several words' | 'prefix as typed' | 'misspelled';
export interface BenchQuery {
  kind: QueryClass;
  text: string;
  /** For misspelled queries: the word meant. */
  intended?: string;
}

export function makeQueries(corpus: Corpus, perClass = 50, seed = 7): BenchQuery[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  const domain = [...new Set(TOPICS.flat())];
  const queries: BenchQuery[] = [];
  for (let i = 0; i < perClass; i += 1) queries.push({ kind: 'one word', text: pick(domain) });
  for (let i = 0; i < perClass; i += 1) {
    const topic = pick(TOPICS);
    const n = 2 + Math.floor(rnd() * 2);
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(pick(topic));
    queries.push({ kind: 'several words', text: [...chosen].join(' ') });
  }
  for (let i = 0; i < perClass; i += 1) {
    const w = pick(domain.filter((d) => d.length >= 6));
    queries.push({ kind: 'prefix as typed', text: w.slice(0, 3 + Math.floor(rnd() * 4)) });
  }
  const long = domain.filter((d) => d.length >= 6);
  const known = [...corpus.vocabulary];
  while (queries.filter((q) => q.kind === 'misspelled').length < perClass) {
    const w = pick(long);
    const at = 1 + Math.floor(rnd() * (w.length - 1));
    const edit = Math.floor(rnd() * 4);
    const letter = 'abcdefghijklmnopqrstuvwxyz'[Math.floor(rnd() * 26)]!;
    const typo =
      edit === 0 ? w.slice(0, at) + w.slice(at + 1)
      : edit === 1 ? w.slice(0, at) + letter + w.slice(at)
      : edit === 2 ? w.slice(0, at) + letter + w.slice(at + 1)
      : at < w.length - 1 ? w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2) : w;
    if (typo === w || corpus.vocabulary.has(typo) || known.some((k) => k.startsWith(typo))) continue;
    queries.push({ kind: 'misspelled', text: typo, intended: w });
  }
  return queries;
}
