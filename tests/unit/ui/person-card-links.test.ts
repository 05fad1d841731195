// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { toolLink } from '@/lib/tools/links';
import { PersonCardView } from '@/lib/ui/person-card';

afterEach(() => document.body.replaceChildren());

describe('a person card', () => {
  it('links only profiles on their tool’s site, whatever the background sent', () => {
    const view = new PersonCardView('slack', (tool, href) => toolLink(tool, href, {}));
    const anchor = document.body.appendChild(document.createElement('span'));
    view.show(
      {
        id: 'priya', name: 'Priya Raman',
        profiles: [
          { tool: 'github', key: 'github', handle: 'priya-r', url: 'https://github.com/priya-r' },
          { tool: 'mattermost', key: 'mattermost', handle: 'priya.raman', url: 'javascript:alert(1)' },
          { tool: 'phabricator', key: 'phabricator', handle: 'priya', url: 'https://evil.example/p/priya/' },
        ],
      },
      anchor,
    );
    const root = document.querySelector('[data-daylight="person-card"]')!.shadowRoot!;
    expect([...root.querySelectorAll('a.handle')].map((a) => a.getAttribute('href'))).toEqual(['https://github.com/priya-r']);
    expect([...root.querySelectorAll('.handle')].map((h) => h.textContent)).toEqual(['priya-r', 'priya.raman', 'priya']);
  });
});
