import { personSchema } from './schema';

const verdicts = new Map<string, boolean>();

/**
 * Whether `key` is a valid handle key (a tool id, or `tool:host`). Asked of the person schema
 * itself, so CSV headers and SCIM `ims` types follow exactly the rule the schema enforces.
 */
export function isHandleKey(key: string): boolean {
  let verdict = verdicts.get(key);
  if (verdict === undefined) {
    verdict = personSchema().safeParse({ id: 'probe', name: 'probe', handles: { [key]: 'probe' } }).success;
    verdicts.set(key, verdict);
  }
  return verdict;
}
