/**
 * Policy templates for admins, generated from public/managed_schema.json so they cannot drift from
 * it (whose per-tool part, the `selfHosted` properties, is itself generated from the tools' facts): Chromium/Chrome/Edge on Linux (JSON), Chrome and Edge on Windows (.reg), Chrome and Edge on
 * macOS (.mobileconfig), and Firefox (policies.json). `npm run policy-templates` writes them to
 * docs/policy-templates/ and into docs/admin.md, and the tools' part into public/managed_schema.json;
 * tests/unit/policy-templates.test.ts fails when a schema key is missing from a template or a committed
 * file is stale.
 *
 *   node --import tsx scripts/policy-templates.ts [--id <chrome id>] [--update-url <url>] [--xpi-url <url>] [--out <dir>]
 *
 * With no options the placeholders below are used (what docs/ holds); `npm run package` writes
 * filled-in copies for the id of its key.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { GECKO_ID } from '../lib/extension-ids';
import { TOOL_FACTS, TOOL_IDS } from '../lib/tools/tool-ids';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const TEMPLATE_DIR = path.join(ROOT, 'docs/policy-templates');
export const ADMIN_GUIDE = path.join(ROOT, 'docs/admin.md');
export const SCHEMA_FILE = path.join(ROOT, 'public/managed_schema.json');

export interface SchemaNode {
  type: 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';
  title?: string;
  description?: string;
  sensitiveValue?: boolean;
  enum?: (string | number)[];
  pattern?: string;
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
}
export interface ManagedSchema {
  type: 'object';
  properties: Record<string, SchemaNode>;
}

export function readSchema(): ManagedSchema {
  return JSON.parse(readFileSync(SCHEMA_FILE, 'utf8')) as ManagedSchema;
}

/** The managed schema's per-tool part: one `selfHosted` property per tool, in contract order, named from its facts. */
export function selfHostedProperties(): Record<string, SchemaNode> {
  return Object.fromEntries(
    TOOL_IDS.map((id) => {
      const name = TOOL_FACTS[id].selfHostedName;
      const node: SchemaNode = {
        title: `${name} origins`,
        description: `Origins (scheme://host[:port], no path) of the organisation's own ${name} instances.`,
        type: 'array',
        items: { type: 'string', pattern: '^https?://[^/?#@]+/?$' },
      };
      return [id, node];
    }),
  );
}

/** `schema` with its per-tool part generated from the tools' facts. */
export function withToolProperties(schema: ManagedSchema): ManagedSchema {
  const selfHosted = schema.properties.selfHosted;
  if (!selfHosted) throw new Error('public/managed_schema.json has no selfHosted key');
  return { ...schema, properties: { ...schema.properties, selfHosted: { ...selfHosted, properties: selfHostedProperties() } } };
}

export function schemaText(schema: ManagedSchema): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

export interface TemplateOptions {
  /** The Chrome/Edge extension id (from the signing key); a placeholder by default. */
  chromeId: string;
  updateUrl: string;
  xpiUrl: string;
}

export const PLACEHOLDERS: TemplateOptions = {
  chromeId: 'REPLACE_WITH_EXTENSION_ID',
  updateUrl: 'https://extensions.acme.example/daylight/update.xml',
  xpiUrl: 'https://extensions.acme.example/daylight/daylight-firefox.xpi',
};

/**
 * A realistic value per key. A key without one here still appears in every template, with a value
 * derived from its schema type, so a new schema key can never be left out.
 */
const EXAMPLES: Record<string, unknown> = {
  directoryUrl: 'https://people.acme.example/daylight/directory.json',
  directoryToken: 'REPLACE_WITH_DIRECTORY_TOKEN',
  directoryRefreshMinutes: 360,
  selfHosted: { gitlab: ['https://gitlab.acme.internal'], mattermost: ['https://chat.acme.internal'] },
  privateWarning: 'confirm',
  privateReasons: ['Security', 'HR', 'Legal', 'Personal', 'Customer data'],
  archiveNudge: true,
  kudosWebhookUrl: 'https://chat.acme.internal/hooks/daylight-kudos',
  helpdeskUrl: 'https://help.acme.example/daylight',
  captureExclude: ['https://github.com/acme/security-advisories/*'],
  disabledFeatures: [],
  liveSearch: { slack: false, github: true },
};

function valueFromType(node: SchemaNode): unknown {
  if (node.enum) return node.enum[0];
  switch (node.type) {
    case 'boolean':
      return false;
    case 'integer':
    case 'number':
      return 0;
    case 'string':
      return '';
    case 'array':
      return [];
    case 'object':
      return {};
  }
}

/** Every schema key with its example value, in schema order. */
export function exampleValues(schema: ManagedSchema): [string, unknown, SchemaNode][] {
  return Object.entries(schema.properties).map(([key, node]) => [key, Object.hasOwn(EXAMPLES, key) ? EXAMPLES[key] : valueFromType(node), node]);
}

const examplePolicy = (schema: ManagedSchema) => Object.fromEntries(exampleValues(schema).map(([key, value]) => [key, value]));

function chromiumLinux(schema: ManagedSchema, o: TemplateOptions): string {
  const policy = {
    ExtensionSettings: { [o.chromeId]: { installation_mode: 'force_installed', update_url: o.updateUrl, toolbar_pin: 'force_pinned' } },
    '3rdparty': { extensions: { [o.chromeId]: examplePolicy(schema) } },
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

function firefoxPolicies(schema: ManagedSchema, o: TemplateOptions): string {
  const policy = {
    policies: {
      ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: o.xpiUrl } },
      '3rdparty': { Extensions: { [GECKO_ID]: examplePolicy(schema) } },
    },
  };
  return `${JSON.stringify(policy, null, 2)}\n`;
}

const regString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

/**
 * Windows: one key per browser for ExtensionSettings (a JSON string, as Chrome and Edge accept it),
 * and the extension's own policy under 3rdparty\extensions\<id>\policy. Lists of strings are
 * subkeys with values "1", "2", …; objects are JSON strings (Chromium parses them by the schema).
 */
function windowsReg(schema: ManagedSchema, o: TemplateOptions): string {
  const lines = ['Windows Registry Editor Version 5.00', ''];
  const browsers = [
    ['Google Chrome', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Google\\Chrome'],
    ['Microsoft Edge', 'HKEY_LOCAL_MACHINE\\SOFTWARE\\Policies\\Microsoft\\Edge'],
  ];
  const settings = JSON.stringify({ [o.chromeId]: { installation_mode: 'force_installed', update_url: o.updateUrl } });
  for (const [name, root] of browsers) {
    lines.push(`; ${name}: force-install Daylight from your own server`, `[${root}]`, `"ExtensionSettings"=${regString(settings)}`, '');
    const policyKey = `${root}\\3rdparty\\extensions\\${o.chromeId}\\policy`;
    lines.push(`; ${name}: Daylight's settings (remove a value to leave that setting to users)`, `[${policyKey}]`);
    const lists: [string, unknown[]][] = [];
    for (const [key, value, node] of exampleValues(schema)) {
      if (node.type === 'array') lists.push([key, value as unknown[]]);
      else if (node.type === 'boolean') lines.push(`"${key}"=dword:${value ? '00000001' : '00000000'}`);
      else if (node.type === 'integer') lines.push(`"${key}"=dword:${(value as number).toString(16).padStart(8, '0')}`);
      else if (node.type === 'object') lines.push(`"${key}"=${regString(JSON.stringify(value))}`);
      else lines.push(`"${key}"=${regString(String(value))}`);
    }
    lines.push('');
    for (const [key, items] of lists) {
      lines.push(`[${policyKey}\\${key}]`, ...items.map((item, i) => `"${i + 1}"=${regString(String(item))}`), '');
    }
  }
  return lines.join('\r\n');
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function plist(value: unknown, indent: string): string[] {
  if (typeof value === 'boolean') return [`${indent}<${value}/>`];
  if (typeof value === 'number') return [`${indent}<integer>${value}</integer>`];
  if (typeof value === 'string') return [`${indent}<string>${xml(value)}</string>`];
  if (Array.isArray(value)) return value.length === 0 ? [`${indent}<array/>`] : [`${indent}<array>`, ...value.flatMap((v) => plist(v, `${indent}  `)), `${indent}</array>`];
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return [`${indent}<dict/>`];
  return [`${indent}<dict>`, ...entries.flatMap(([k, v]) => [`${indent}  <key>${xml(k)}</key>`, ...plist(v, `${indent}  `)]), `${indent}</dict>`];
}

/** A UUID that stays the same for the same input, so regenerating does not churn the profile. */
function stableUuid(seed: string): string {
  const h = createHash('sha256').update(seed).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`.toUpperCase();
}

/**
 * macOS: a configuration profile for an MDM. Chrome and Edge read ExtensionSettings from their own
 * domain and an extension's policy from `<domain>.extensions.<id>`.
 */
function macosProfile(schema: ManagedSchema, o: TemplateOptions): string {
  const payload = (type: string, content: Record<string, unknown>) => ({
    PayloadType: type,
    PayloadIdentifier: `com.acme.daylight.${type}`,
    PayloadUUID: stableUuid(`${type}:${o.chromeId}`),
    PayloadVersion: 1,
    PayloadDisplayName: `Daylight: ${type}`,
    ...content,
  });
  const settings = { ExtensionSettings: { [o.chromeId]: { installation_mode: 'force_installed', update_url: o.updateUrl } } };
  const profile = {
    PayloadContent: [
      payload('com.google.Chrome', settings),
      payload(`com.google.Chrome.extensions.${o.chromeId}`, examplePolicy(schema)),
      payload('com.microsoft.Edge', settings),
      payload(`com.microsoft.Edge.extensions.${o.chromeId}`, examplePolicy(schema)),
    ],
    PayloadDisplayName: 'Daylight',
    PayloadDescription: 'Installs Daylight in Chrome and Edge and sets its organisation policy.',
    PayloadIdentifier: 'com.acme.daylight',
    PayloadOrganization: 'Acme',
    PayloadScope: 'System',
    PayloadType: 'Configuration',
    PayloadUUID: stableUuid(`profile:${o.chromeId}`),
    PayloadVersion: 1,
  };
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">',
    '<plist version="1.0">',
    ...plist(profile, ''),
    '</plist>',
    '',
  ].join('\n');
}

export interface Template {
  file: string;
  /** Fence language in the admin guide. */
  language: string;
  render(schema: ManagedSchema, options: TemplateOptions): string;
}

export const TEMPLATES: readonly Template[] = [
  { file: 'chromium-linux.json', language: 'json', render: chromiumLinux },
  { file: 'chrome-edge-windows.reg', language: 'reg', render: windowsReg },
  { file: 'chrome-edge-macos.mobileconfig', language: 'xml', render: macosProfile },
  { file: 'firefox-policies.json', language: 'json', render: firefoxPolicies },
];

/** The admin guide's table of keys, from the schema's titles and descriptions. */
export function keyTable(schema: ManagedSchema): string {
  const rows = Object.entries(schema.properties).map(([key, node]) => {
    const type = node.enum ? node.enum.map((v) => `\`${v}\``).join(', ') : node.type;
    return `| \`${key}\` | ${type}${node.sensitiveValue ? ' (sensitive)' : ''} | ${node.title ?? ''} | ${node.description ?? ''} |`;
  });
  return ['| key | type | title | description |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

const block = (name: string) => [`<!-- generated:${name} -->`, `<!-- /generated:${name} -->`] as const;

/** The admin guide with every generated block (key table and templates) rewritten from the schema. */
export function renderGuide(guide: string, schema: ManagedSchema): string {
  const blocks: Record<string, string> = { keys: keyTable(schema) };
  for (const t of TEMPLATES) blocks[t.file] = `\`\`\`${t.language}\n${t.render(schema, PLACEHOLDERS).replace(/\r\n/g, '\n').trimEnd()}\n\`\`\``;
  let out = guide;
  for (const [name, content] of Object.entries(blocks)) {
    const [open, close] = block(name);
    const start = out.indexOf(open);
    const end = out.indexOf(close);
    if (start < 0 || end < start) throw new Error(`docs/admin.md has no ${open} … ${close} block`);
    out = `${out.slice(0, start + open.length)}\n${content}\n${out.slice(end)}`;
  }
  return out;
}

export function writeTemplates(dir: string, options: TemplateOptions, schema = readSchema()): string[] {
  mkdirSync(dir, { recursive: true });
  return TEMPLATES.map((t) => {
    const file = path.join(dir, t.file);
    writeFileSync(file, t.render(schema, options));
    return file;
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const { values } = parseArgs({
    options: { id: { type: 'string' }, 'update-url': { type: 'string' }, 'xpi-url': { type: 'string' }, out: { type: 'string' } },
  });
  const options: TemplateOptions = {
    chromeId: values.id ?? PLACEHOLDERS.chromeId,
    updateUrl: values['update-url'] ?? PLACEHOLDERS.updateUrl,
    xpiUrl: values['xpi-url'] ?? PLACEHOLDERS.xpiUrl,
  };
  const schema = withToolProperties(readSchema());
  if (!values.out) writeFileSync(SCHEMA_FILE, schemaText(schema));
  const written = writeTemplates(values.out ? path.resolve(values.out) : TEMPLATE_DIR, options, schema);
  if (!values.out) writeFileSync(ADMIN_GUIDE, renderGuide(readFileSync(ADMIN_GUIDE, 'utf8'), schema));
  console.log(`Policy templates written:\n${written.join('\n')}`);
}
