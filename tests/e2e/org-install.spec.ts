import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import demoDirectory from '../fixtures/directory/demo-directory.json' with { type: 'json' };
import { updateManifest } from '../../scripts/crx3';
import { ROOT } from '../harness/chromium';
import { packBuiltExtension } from '../harness/crx';
import { fixture } from '../harness/fixture-catalog';
import { runWithChromiumPolicy } from '../harness/policy';

const GITLAB_ORIGIN = 'https://gitlab.acme.internal';
const HELPDESK = 'https://help.acme.example/daylight';

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
test.afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

test('force-installed by policy from a local update server: settings locked, directory fetched, policy changes live, self-hosted GitLab marked', async () => {
  test.setTimeout(240_000);
  const requests: string[] = [];
  let files: Record<string, { type: string; body: Buffer | string }> = {};
  server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(pathname);
    const file = files[pathname];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.type ?? 'text/plain' }).end(file?.body ?? 'not found');
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const { id, crx, version } = await packBuiltExtension(`${base}/update.xml`);
  files = {
    '/update.xml': { type: 'text/xml', body: updateManifest(id, version, `${base}/daylight.crx`) },
    '/daylight.crx': { type: 'application/x-chrome-extension', body: crx },
    '/directory.json': { type: 'application/json', body: JSON.stringify(demoDirectory) },
  };
  const managed = {
    directoryUrl: `${base}/directory.json`,
    privateWarning: 'confirm',
    helpdeskUrl: HELPDESK,
    selfHosted: { gitlab: [GITLAB_ORIGIN] },
  };
  const policy = {
    ExtensionInstallForcelist: [`${id};${base}/update.xml`],
    // CDP may attach to a policy-installed extension's pages only with developer tools allowed.
    DeveloperToolsAvailability: 1,
    '3rdparty': { extensions: { [id]: managed } },
  };

  const run = await runWithChromiumPolicy(
    policy,
    [process.execPath, '--import', 'tsx', `${ROOT}/tests/e2e/policy/org-install.child.ts`, id, GITLAB_ORIGIN],
    220_000,
  );
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
  expect(result.error).toBeUndefined();

  // Installed from the local server, by policy, at the built version.
  expect(requests).toEqual(expect.arrayContaining(['/update.xml', '/daylight.crx', '/directory.json']));
  expect(result.installedId).toBe(id);
  expect(result.version).toBe(version);
  expect(result.managed).toEqual(managed);
  expect(result.welcomeOpened).toBe(true);

  // Options shows each managed setting locked, with its control disabled.
  const locked = { locked: 'true', note: '🔒 Set by your organization', disabled: true };
  expect(result.settings).toEqual({
    privateWarning: { ...locked, value: 'confirm' },
    helpdeskUrl: { ...locked, value: HELPDESK },
    directoryUrl: { ...locked, value: `${base}/directory.json` },
    archiveNudge: { locked: 'false', note: null, disabled: false, value: 'on' },
  });
  expect(result.helpLink).toBe(HELPDESK);
  expect(result.toolsRow).toMatchObject({ source: 'policy', registration: 'registered', removable: false });
  expect(result.toolsRow).toMatchObject({ text: expect.stringContaining('Set by your organization') });

  // The policy directory was fetched and resolves mentions on a GitHub page.
  expect(result.peopleCount).toBe('30 people in the directory.');
  const pairs = result.githubPeople as [string, string | null][];
  const entry = fixture('github', 'issue-react-public.html');
  expect(pairs.map(([handle]) => handle)).toEqual(entry.mentions);
  expect(pairs.map(([, person]) => person)).toEqual(entry.mentions.map(githubPerson));
  expect(pairs.some(([, person]) => person !== null)).toBe(true);

  // The admin switches a feature off: the open tab stops it without a reload, and Options locks it off.
  expect(result.cardBeforePolicyChange).toBe(1);
  expect(result.managedAfterChange).toEqual({ ...managed, disabledFeatures: ['person-cards'] });
  expect(result.runningAfterPolicyChange).toEqual(expect.arrayContaining(['mention-translation', 'thank-buttons']));
  expect(result.runningAfterPolicyChange).not.toContain('person-cards');
  expect(result.cardAfterPolicyChange).toBe(0);
  expect(result.featureToggle).toEqual({ checked: false, disabled: true });

  // A GitLab page at the policy's self-hosted origin gets Daylight's markers.
  const gitlab = fixture('gitlab', 'issue-legacy-public.html');
  expect(result.selfHostedMarkers).toEqual({ tool: 'gitlab', kind: gitlab.kind, place: 'public', handles: gitlab.mentions });
  expect(result.toolsVisit).toBe('detected');
});
