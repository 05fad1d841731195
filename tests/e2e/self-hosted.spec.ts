import { expect, test } from '@playwright/test';
import type { ToolId } from '../../lib/tools/tool-ids';
import { CHROME_BUILD, ROOT } from '../harness/chromium';
import { fixture } from '../harness/fixture-catalog';
import { runWithChromiumPolicy, unpackedExtensionId } from '../harness/policy';

/** A saved page served at a self-hosted origin: GitLab's moved off gitlab.com, Forgejo's saved at its own instance (under /forge). */
const CASES: Array<{ tool: ToolId; name: string; origin: string; file: string }> = [
  { tool: 'gitlab', name: 'GitLab', origin: 'https://gitlab.example.com', file: 'issue-legacy-public.html' },
  { tool: 'gitea', name: 'Forgejo', origin: 'https://git.acme.example', file: 'issue-self-hosted.html' },
];

for (const { tool, name, origin, file } of CASES) {
  test(`a self-hosted ${name} named by managed policy gets Daylight, live, with no prompt`, async () => {
    test.setTimeout(150_000);
    const policy = {
      DeveloperToolsAvailability: 1,
      '3rdparty': { extensions: { [unpackedExtensionId(CHROME_BUILD)]: { selfHosted: { [tool]: [origin] } } } },
    };
    const run = await runWithChromiumPolicy(policy, [process.execPath, '--import', 'tsx', `${ROOT}/tests/e2e/policy/self-hosted.child.ts`, tool, origin, file]);
    const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(lastLine) as Record<string, unknown>;
    expect(result.error).toBeUndefined();
    expect(result.managed).toEqual({ selfHosted: { [tool]: [origin] } });
    expect(result.registered).toMatchObject([{ id: `self-hosted-${tool}`, matches: [`${origin}/*`], js: [`content-scripts/${tool}.js`] }]);
    const entry = fixture(tool, file);
    expect(result.selfHostedMarkers).toEqual({ tool, kind: entry.kind, place: entry.place, handles: entry.mentions });
    expect(result.notToolVisit).toBe('mismatch');
    expect(result.notToolMarkers).toEqual({ tool: null, kind: null, place: null, handles: [] });
    expect(result.registeredAfterRemoval).toEqual([]);
  });
}
