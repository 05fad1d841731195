import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { GECKO_ID } from '../../lib/extension-ids';
import { ROOT } from '../harness/chromium';
import { fixture } from '../harness/fixture-catalog';
import { FIREFOX_BUILD } from '../harness/firefox';
import { runWithFirefoxPolicy } from '../harness/policy';

const GITLAB_ORIGIN = 'https://gitlab.acme.internal';
const HELPDESK = 'https://help.acme.example/daylight';

/** The Firefox build as an .xpi (a zip of the build folder, manifest at its root). */
async function packXpi(file: string): Promise<void> {
  const zip = new JSZip();
  const add = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) add(full);
      else zip.file(path.relative(FIREFOX_BUILD, full), readFileSync(full));
    }
  };
  add(FIREFOX_BUILD);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The GitHub login's person in the demo directory (logins match case-insensitively), or null. */
function githubPerson(handle: string): string | null {
  const same = (h: string) => h.toLowerCase() === handle.toLowerCase();
  const person = demoDirectory.people.find((p) => {
    const value = (p.handles as Record<string, string | string[] | undefined>).github;
    return value !== undefined && (Array.isArray(value) ? value : [value]).some(same);
  });
  return person?.id ?? null;
}

let server: Server | undefined;
let workDir: string | undefined;
test.afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

test('force-installed by policies.json from a local .xpi: storage.managed, settings locked, policy directory resolving mentions, self-hosted GitLab marked', async () => {
  test.setTimeout(120_000);
  workDir = mkdtempSync(path.join(tmpdir(), 'daylight-firefox-policy-'));
  const xpi = path.join(workDir, 'daylight.xpi');
  await packXpi(xpi);
  server = createServer((req, res) => {
    const wanted = new URL(req.url ?? '/', 'http://127.0.0.1').pathname === '/directory.json';
    res.writeHead(wanted ? 200 : 404, { 'content-type': 'application/json' }).end(wanted ? JSON.stringify(demoDirectory) : '{}');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const managed = { directoryUrl: `${base}/directory.json`, privateWarning: 'confirm', helpdeskUrl: HELPDESK, selfHosted: { gitlab: [GITLAB_ORIGIN] } };
  const policies = {
    ExtensionSettings: { [GECKO_ID]: { installation_mode: 'force_installed', install_url: pathToFileURL(xpi).href } },
    '3rdparty': { Extensions: { [GECKO_ID]: managed } },
  };

  const run = await runWithFirefoxPolicy(policies, [process.execPath, '--import', 'tsx', `${ROOT}/tests/firefox/policy/org-install.child.ts`, GITLAB_ORIGIN], 110_000);
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  expect(result.error).toBeUndefined();

  // Installed by the policy (the harness installed nothing), unsigned, on ESR.
  expect(result.installed).toBe(true);
  expect(result.addon).toMatchObject({ id: GECKO_ID });
  expect(result.managed).toEqual(managed);

  const locked = { locked: 'true', note: '🔒 Set by your organization', disabled: true };
  expect(result.settings).toEqual({
    privateWarning: { ...locked, value: 'confirm' },
    helpdeskUrl: { ...locked, value: HELPDESK },
    directoryUrl: { ...locked, value: `${base}/directory.json` },
    archiveNudge: { locked: 'false', note: null, disabled: false, value: 'on' },
  });
  expect(result.toolsRow).toMatchObject({ source: 'policy', registration: 'registered', removable: false, text: expect.stringContaining('Set by your organization') });

  // The policy's directory was fetched and resolves mentions on a GitHub page.
  expect(result.peopleCount).toBe('30 people in the directory.');
  const pairs = result.githubPeople as [string, string | null][];
  const entry = fixture('github', 'issue-react-public.html');
  expect(pairs.map(([handle]) => handle)).toEqual(entry.mentions);
  expect(pairs.map(([, person]) => person)).toEqual(entry.mentions.map(githubPerson));

  const gitlab = fixture('gitlab', 'issue-legacy-public.html');
  expect(result.selfHostedMarkers).toEqual({ tool: 'gitlab', kind: gitlab.kind, place: 'public', handles: gitlab.mentions });
});
