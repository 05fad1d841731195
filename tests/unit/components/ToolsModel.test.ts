import { describe, expect, it } from 'vitest';
import { accessPatterns, checkOrigin, originStatuses, saasHosts, withOrigin } from '@/components/ToolsModel';
import { TOOL_IDS } from '@/lib/tools/tool-ids';
import type { PageReportRecord } from '@/lib/db';
import { combineSettings, type Settings, type SettingsSnapshot } from '@/lib/settings';

const snapshotOf = (user: Partial<Settings>, managed: Partial<Settings>): SettingsSnapshot => ({
  effective: combineSettings(user, managed),
  user,
  managed,
  problems: [],
});

const report = (origin: string, at: number, detected: boolean, tool: PageReportRecord['tool'] = 'gitlab'): PageReportRecord => ({
  tool,
  origin,
  kind: detected ? 'issue' : 'other',
  place: 'unknown',
  detected,
  path: '/acme/handbook/-/issues/1',
  matched: {},
  at,
});

describe('ToolsModel', () => {
  it('names each tool’s SaaS hosts', () => {
    expect(saasHosts('gitlab')).toEqual(['gitlab.com']);
    expect(saasHosts('slack')).toEqual(['app.slack.com', '*.slack.com']);
  });

  it('accepts an origin and normalises a trailing slash', () => {
    expect(checkOrigin('gitlab', ' https://gitlab.acme.internal/ ', {})).toEqual({ ok: true, origin: 'https://gitlab.acme.internal' });
    expect(checkOrigin('mattermost', 'http://chat.acme.internal:8065', {})).toEqual({ ok: true, origin: 'http://chat.acme.internal:8065' });
  });

  it('refuses what is not an origin, saying what to fix', () => {
    expect(checkOrigin('gitlab', '', {})).toMatchObject({ ok: false, error: expect.stringMatching(/e\.g\. https:\/\/gitlab\.acme\.internal/) });
    expect(checkOrigin('gitlab', 'gitlab.acme.internal', {})).toMatchObject({ ok: false, error: expect.stringMatching(/not an address/) });
    expect(checkOrigin('gitlab', 'ftp://gitlab.acme.internal', {})).toMatchObject({ ok: false, error: expect.stringMatching(/https:\/\//) });
    expect(checkOrigin('gitlab', 'https://gitlab.acme.internal/acme/x', {})).toEqual({
      ok: false,
      error: 'Only the origin, without a path: did you mean https://gitlab.acme.internal?',
    });
    expect(checkOrigin('gitlab', 'https://me:pw@gitlab.acme.internal', {})).toMatchObject({ ok: false });
  });

  it('refuses the tool’s own host and an origin configured already, for this tool or another', () => {
    expect(checkOrigin('gitlab', 'https://gitlab.com', {})).toMatchObject({ ok: false, error: expect.stringMatching(/own host/) });
    expect(checkOrigin('slack', 'https://acme.slack.com', {})).toMatchObject({ ok: false, error: expect.stringMatching(/own host/) });
    const configured = { gitlab: ['https://code.acme.internal'] };
    expect(checkOrigin('gitlab', 'https://code.acme.internal/', configured)).toMatchObject({ error: expect.stringMatching(/already configured for GitLab/) });
    expect(checkOrigin('phabricator', 'https://code.acme.internal', configured)).toMatchObject({ error: expect.stringMatching(/one origin runs one tool/) });
  });

  it('adds and removes one of the user’s origins, dropping an emptied tool', () => {
    const added = withOrigin({ gitlab: ['https://a.example'] }, 'gitlab', 'https://b.example', true);
    expect(added).toEqual({ gitlab: ['https://a.example', 'https://b.example'] });
    expect(withOrigin(added, 'gitlab', 'https://a.example', false)).toEqual({ gitlab: ['https://b.example'] });
    expect(withOrigin({ gitlab: ['https://a.example'] }, 'gitlab', 'https://a.example', false)).toEqual({});
  });

  it('lists policy and user origins together, policy ones as the organisation’s', () => {
    const snapshot = snapshotOf({ selfHosted: { gitlab: ['https://mine.example'] } }, { selfHosted: { gitlab: ['https://gitlab.acme.internal'] } });
    expect(originStatuses(snapshot, [], []).map((s) => [s.origin, s.source])).toEqual([
      ['https://gitlab.acme.internal', 'policy'],
      ['https://mine.example', 'user'],
    ]);
  });

  it('says whether each origin is registered, from the browser’s registrations', () => {
    const snapshot = snapshotOf({ selfHosted: { gitlab: ['https://a.example', 'https://b.example:8443'], mattermost: ['https://chat.example'] } }, {});
    const registered = [
      { id: 'self-hosted-gitlab', matches: ['https://a.example/*', 'https://b.example/*'] },
      { id: 'self-hosted-mattermost', matches: ['https://other.example/*'] },
    ];
    expect(originStatuses(snapshot, registered, []).map((s) => [s.origin, s.registration])).toEqual([
      ['https://a.example', 'registered'],
      ['https://b.example:8443', 'registered'],
      ['https://chat.example', 'not-registered'],
    ]);
  });

  it('reports the latest visit of each origin: detected, mismatched or none', () => {
    const snapshot = snapshotOf({ selfHosted: { gitlab: ['https://a.example', 'https://b.example', 'https://c.example'] } }, {});
    const reports = [
      report('https://a.example', 1, false),
      report('https://a.example', 5, true),
      report('https://b.example', 2, true),
      report('https://b.example', 9, false),
      report('https://c.example', 9, true, 'mattermost'),
    ];
    const visits = originStatuses(snapshot, [], reports).map((s) => [s.origin, s.lastVisit?.detected ?? null, s.lastVisit?.at ?? null]);
    expect(visits).toEqual([
      ['https://a.example', true, 5],
      ['https://b.example', false, 9],
      ['https://c.example', null, null],
    ]);
  });
});

describe('accessPatterns', () => {
  it('lists each tool\'s SaaS patterns and every configured self-hosted origin', () => {
    const patterns = accessPatterns({ gitlab: ['https://gitlab.acme.internal'], mattermost: ['http://chat.lan:8065'] });
    expect(patterns).toContainEqual({ tool: 'github', pattern: 'https://github.com/*' });
    expect(patterns).toContainEqual({ tool: 'slack', pattern: 'https://*.slack.com/*' });
    expect(patterns).toContainEqual({ tool: 'gitlab', pattern: 'https://gitlab.acme.internal/*' });
    expect(patterns).toContainEqual({ tool: 'mattermost', pattern: 'http://chat.lan:8065/*' });
    expect(new Set(patterns.map((p) => p.tool))).toEqual(new Set(TOOL_IDS));
  });
});
