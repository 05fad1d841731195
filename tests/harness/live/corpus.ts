import type { ToolId } from '../../../lib/tools/tool-ids';
import type { LiveDoc } from './servers';

/** The session cookie each tool authenticates its search with. */
export const SESSION_COOKIES: Record<ToolId, string> = {
  github: 'user_session',
  gitlab: '_gitlab_session',
  slack: 'd',
  mattermost: 'MMAUTHTOKEN',
  asana: 'ticket',
  phabricator: 'phsid',
  gitea: 'i_like_gitea',
};

/** The GitLab fixture page (tests/fixtures/gitlab): visited in a test, so found both locally and live. */
export const VISITED_GITLAB_ISSUE = 'https://gitlab.com/acme/platform/infra-tools/-/issues/31';

const doc = (id: string, title: string, author: string, url?: string): LiveDoc => ({ id, title, text: `${title}: notes on monitoring the rollout.`, author, time: '2026-11-20T10:00:00.000Z', ...(url ? { url } : {}) });

/** What each tool's search holds: items never visited in the browser (and GitLab's visited one). */
export function liveCorpus(): Record<ToolId, LiveDoc[]> {
  return {
    github: [doc('1', 'Terraform monitoring dashboards for the edge fleet', 'kit-gh', 'https://github.com/acme/open-handbook/issues/9001'), doc('2', 'Monitoring alerts runbook', 'lena-k', 'https://github.com/acme/open-handbook/pull/9002')],
    gitlab: [
      doc('#31', 'Terraform drift check fails on the shared VPC module', 'praman', VISITED_GITLAB_ISSUE),
      doc('!77', 'Terraform monitoring module for runners', 'nadia.o', 'https://gitlab.com/acme/platform/infra-tools/-/merge_requests/77'),
    ],
    slack: [doc('1795600000000100', 'Terraform monitoring thread from the outage review', 'U0PRIYA001')],
    mattermost: [
      doc('mmpostterraform0000000001', 'Terraform monitoring handover notes', 'kit.mm'),
      // More than one page (10 a page) for "archive": "more from Mattermost".
      ...Array.from({ length: 12 }, (_, i) => doc(`mmpostarchive${String(i).padStart(12, '0')}`, `Incident archive ${i + 1}`, 'ops.lead')),
    ],
    asana: [doc('1207000000009001', 'Terraform monitoring onboarding task', '1207000000000101')],
    phabricator: [doc('T9001', 'Terraform monitoring for the release train', 'alice'), doc('D9002', 'Add terraform monitoring hooks', 'alice')],
    gitea: [doc('#9001', 'Terraform monitoring for the self-hosted runners', 'lena_kowalski', 'https://gitea.com/acme/tea-runner/issues/9001'), doc('!9002', 'Add terraform monitoring to the runner chart', 'kit_gt', 'https://gitea.com/acme/tea-runner/pulls/9002')],
  };
}
