import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { CHROME_BUILD } from '../harness/chromium';
import { adapters } from '../../lib/tools/registry';

interface Manifest {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  background?: { service_worker?: string };
  action?: { default_popup?: string };
  options_ui?: { page?: string };
  storage?: { managed_schema?: string };
  content_scripts?: Array<{ matches: string[]; js: string[] }>;
}

const manifest = () => JSON.parse(readFileSync(path.join(CHROME_BUILD, 'manifest.json'), 'utf8')) as Manifest;

test.describe('built Chrome manifest', () => {
  test('has the background, popup, options, welcome page and managed schema', () => {
    const m = manifest();
    expect(m.manifest_version).toBe(3);
    expect(m.background?.service_worker).toBe('background.js');
    expect(m.action?.default_popup).toBe('popup.html');
    expect(m.options_ui?.page).toBe('options.html');
    expect(m.storage?.managed_schema).toBe('managed_schema.json');
    for (const file of ['background.js', 'popup.html', 'options.html', 'welcome.html', 'managed_schema.json']) {
      expect(() => readFileSync(path.join(CHROME_BUILD, file))).not.toThrow();
    }
  });

  test('declares one content script per tool, on exactly that tool’s SaaS hosts', () => {
    const scripts = manifest().content_scripts ?? [];
    expect(scripts).toHaveLength(adapters.length);
    for (const adapter of adapters) {
      const script = scripts.find((s) => s.js.includes(`content-scripts/${adapter.id}.js`));
      expect(script?.matches.sort()).toEqual([...adapter.matches].sort());
    }
  });

  test('requests only the permissions it uses (each is documented in the README)', () => {
    const m = manifest();
    expect(m.permissions ?? []).toEqual(['storage', 'scripting', 'alarms', 'cookies']);
    // Broad host access for self-hosted origins named by policy (see docs/architecture.md, "Permissions: why broad host access").
    expect(m.host_permissions ?? []).toEqual(['https://*/*', 'http://*/*']);
    expect(m.optional_permissions ?? []).toEqual([]);
    const readme = readFileSync(path.join(CHROME_BUILD, '../../README.md'), 'utf8');
    for (const permission of [...(m.permissions ?? []), ...(m.host_permissions ?? [])]) {
      expect(readme).toContain(`| \`${permission}\` |`);
    }
  });
});
