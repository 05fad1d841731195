import { expect, test } from '@playwright/test';
import { CHROME_BUILD, ROOT } from '../harness/chromium';
import { fixture } from '../harness/fixture-catalog';
import { runWithChromiumPolicy, unpackedExtensionId } from '../harness/policy';

test('a self-hosted GitLab named by managed policy gets Daylight, live, with no prompt', async () => {
  test.setTimeout(150_000);
  const policy = {
    DeveloperToolsAvailability: 1,
    '3rdparty': { extensions: { [unpackedExtensionId(CHROME_BUILD)]: { selfHosted: { gitlab: ['https://gitlab.example.com'] } } } },
  };
  const run = await runWithChromiumPolicy(policy, [process.execPath, '--import', 'tsx', `${ROOT}/tests/e2e/policy/self-hosted.child.ts`]);
  const lastLine = run.stdout.trim().split('\n').at(-1) ?? '';
  expect(run.code, run.stderr).toBe(0);
  const result = JSON.parse(lastLine) as Record<string, unknown>;
  expect(result.error).toBeUndefined();
  expect(result.managed).toEqual({ selfHosted: { gitlab: ['https://gitlab.example.com'] } });
  expect(result.registered).toMatchObject([{ id: 'self-hosted-gitlab', matches: ['https://gitlab.example.com/*'], js: ['content-scripts/gitlab.js'] }]);
  const entry = fixture('gitlab', 'issue-legacy-public.html');
  expect(result.selfHostedMarkers).toEqual({ tool: 'gitlab', kind: entry.kind, place: 'public', handles: entry.mentions });
  expect(result.notGitLabVisit).toBe('mismatch');
  expect(result.notGitLabMarkers).toEqual({ tool: null, kind: null, place: null, handles: [] });
  expect(result.registeredAfterRemoval).toEqual([]);
});
