// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID } from '@/lib/extension-ids';
import { DEFAULT_SETTINGS, parseSettings, USER_ONLY_SETTINGS } from '@/lib/settings';
import {
  ADMIN_GUIDE,
  exampleValues,
  PLACEHOLDERS,
  readSchema,
  renderGuide,
  TEMPLATE_DIR,
  TEMPLATES,
  type ManagedSchema,
  type SchemaNode,
} from '../../scripts/policy-templates';

const ID = PLACEHOLDERS.chromeId;
const render = (file: string, schema: ManagedSchema) => TEMPLATES.find((t) => t.file === file)!.render(schema, PLACEHOLDERS);

/** Chromium's schema subset (components/policy/core/common/schema.cc): what each type may carry. */
const ALLOWED: Record<SchemaNode['type'], string[]> = {
  boolean: [],
  integer: ['enum', 'minimum', 'maximum'],
  number: [],
  string: ['enum', 'pattern'],
  array: ['items'],
  object: ['properties', 'patternProperties', 'additionalProperties', 'required'],
};
const COMMON = ['type', 'title', 'description', 'id', '$ref', 'sensitiveValue'];

function subsetProblems(node: SchemaNode, at: string): string[] {
  const allowed = new Set([...COMMON, ...(ALLOWED[node.type] ?? [])]);
  const problems = Object.keys(node)
    .filter((k) => !allowed.has(k))
    .map((k) => `${at}: "${k}" is not allowed on a ${node.type}`);
  if (!ALLOWED[node.type]) problems.push(`${at}: unknown type ${String(node.type)}`);
  if (node.items) problems.push(...subsetProblems(node.items, `${at}[]`));
  for (const [k, child] of Object.entries(node.properties ?? {})) problems.push(...subsetProblems(child, `${at}.${k}`));
  return problems;
}

/** The keys each template gives Daylight, read back the way the browser would. */
const readBack: Record<string, (text: string) => string[][]> = {
  'chromium-linux.json': (text) => {
    const policy = JSON.parse(text) as { ExtensionSettings: Record<string, unknown>; '3rdparty': { extensions: Record<string, object> } };
    expect(policy.ExtensionSettings[ID]).toMatchObject({ installation_mode: 'force_installed', update_url: PLACEHOLDERS.updateUrl });
    return [Object.keys(policy['3rdparty'].extensions[ID]!)];
  },
  'firefox-policies.json': (text) => {
    const { policies } = JSON.parse(text) as { policies: { ExtensionSettings: Record<string, unknown>; '3rdparty': { Extensions: Record<string, object> } } };
    expect(policies.ExtensionSettings[GECKO_ID]).toMatchObject({ installation_mode: 'force_installed', install_url: PLACEHOLDERS.xpiUrl });
    return [Object.keys(policies['3rdparty'].Extensions[GECKO_ID]!)];
  },
  'chrome-edge-windows.reg': (text) => {
    expect(text.startsWith('Windows Registry Editor Version 5.00\r\n')).toBe(true);
    const roots = ['HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge'];
    return roots.map((root) => {
      const policyKey = `${root}\\3rdparty\\extensions\\${ID}\\policy`;
      const keys: string[] = [];
      let section = '';
      for (const line of text.split('\r\n')) {
        const header = /^\[(.*)\]$/.exec(line);
        if (header) {
          section = header[1]!;
          if (section.startsWith(`${policyKey}\\`)) keys.push(section.slice(policyKey.length + 1));
          continue;
        }
        const value = /^"([^"]+)"=/.exec(line);
        if (value && section === policyKey) keys.push(value[1]!);
        if (value && section === root) expect(value[1]).toBe('ExtensionSettings');
      }
      return keys;
    });
  },
  'chrome-edge-macos.mobileconfig': (text) => {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    const payloads = [...doc.querySelectorAll('plist > dict > array > dict')];
    const keysOf = (dict: Element) => [...dict.children].filter((e) => e.tagName === 'key').map((e) => e.textContent ?? '');
    const types = payloads.map((p) => {
      const keys = [...p.children];
      return keys[keys.findIndex((e) => e.textContent === 'PayloadType') + 1]?.textContent;
    });
    expect(types).toEqual(['com.google.Chrome', `com.google.Chrome.extensions.${ID}`, 'com.microsoft.Edge', `com.microsoft.Edge.extensions.${ID}`]);
    return [payloads[1]!, payloads[3]!].map((p) => keysOf(p).filter((k) => !k.startsWith('Payload')));
  },
};

describe('managed schema', () => {
  const schema = readSchema();

  it('declares exactly the settings keys policy may set, each with a title and a description', () => {
    expect(Object.keys(schema.properties).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).filter((key) => !USER_ONLY_SETTINGS.has(key)).sort());
    for (const [key, node] of Object.entries(schema.properties)) {
      expect(node.title, key).toBeTruthy();
      expect(node.description, key).toBeTruthy();
    }
  });

  it('stays within Chrome’s schema subset (an invalid schema stops the extension loading)', () => {
    expect(schema.type).toBe('object');
    expect(Object.keys(schema).sort()).toEqual(['properties', 'type']);
    expect(Object.entries(schema.properties).flatMap(([k, node]) => subsetProblems(node, k))).toEqual([]);
  });

  it('has example values that Daylight accepts as policy', () => {
    const policy = Object.fromEntries(exampleValues(schema).map(([key, value]) => [key, value]));
    expect(parseSettings(policy, 'Organization policy', { policy: true }).problems).toEqual([]);
  });
});

describe('policy templates', () => {
  const schema = readSchema();
  const keys = Object.keys(schema.properties);

  it.each(TEMPLATES.map((t) => t.file))('%s sets every schema key', (file) => {
    for (const found of readBack[file]!(render(file, schema))) expect(found.sort()).toEqual([...keys].sort());
  });

  it.each(TEMPLATES.map((t) => t.file))('%s picks up a key added to the schema', (file) => {
    const grown: ManagedSchema = { ...schema, properties: { ...schema.properties, newKey: { type: 'string', title: 'New', description: 'New.' } } };
    for (const found of readBack[file]!(render(file, grown))) expect(found).toContain('newKey');
  });

  it.each(TEMPLATES.map((t) => t.file))('docs/policy-templates/%s is up to date (npm run policy-templates)', (file) => {
    expect(readFileSync(path.join(TEMPLATE_DIR, file), 'utf8')).toBe(render(file, schema));
  });

  it('docs/admin.md holds the current key table and templates (npm run policy-templates)', () => {
    const guide = readFileSync(ADMIN_GUIDE, 'utf8');
    expect(renderGuide(guide, schema)).toBe(guide);
    for (const key of keys) expect(guide).toContain(`| \`${key}\` |`);
  });
});
