/**
 * What the page object needs of a tab: Playwright's page (the Chromium suite) and Puppeteer's
 * (the Firefox suite, tests/firefox/) both are one.
 */
export interface Tab {
  url(): string;
  evaluate<R>(fn: () => R | Promise<R>): Promise<R>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

export interface PageMarkers {
  tool: string | null;
  kind: string | null;
  place: string | null;
}

/** Page object for a host page: reads Daylight's contract markers, including inside open shadow roots. */
export class DaylightPage {
  constructor(readonly page: Tab) {}

  markers(): Promise<PageMarkers> {
    return this.page.evaluate(() => {
      const html = document.documentElement;
      return {
        tool: html.getAttribute('data-daylight-tool'),
        kind: html.getAttribute('data-daylight-kind'),
        place: html.getAttribute('data-daylight-place'),
      };
    });
  }

  /**
   * Read the page the way a person does: bring each post into view in turn, a frame or two each,
   * so that Daylight counts every post as seen (search captures only what has been on screen).
   */
  async readThrough(): Promise<void> {
    await this.page.evaluate(async () => {
      const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      for (const post of document.querySelectorAll('[data-daylight-post]')) {
        post.scrollIntoView({ block: 'center' });
        await frame();
      }
      window.scrollTo(0, 0);
    });
  }

  /**
   * The features Daylight runs on this page, from its content script's page-state answer (what the
   * popup shows), asked from `extension`, any open page of the extension; empty while none answers.
   * A feature listed here has started on the page: what it would show at the start is shown.
   */
  featuresRunning(extension: Tab): Promise<string[]> {
    return extension.evaluate(async (url) => {
      // Without the tabs permission no tab's URL is readable: ask every tab, keep this page's answer.
      const tabs = await chrome.tabs.query({});
      const answers = await Promise.all(
        tabs.map((tab) => chrome.tabs.sendMessage(tab.id!, { daylight: 1, type: 'page-state', payload: {} }).catch(() => null)),
      );
      const mine = answers.find((a) => a?.ok === true && a.data.url === url);
      return mine ? (mine.data.featuresRunning as string[]) : [];
    }, this.page.url());
  }

  /**
   * Note, from now on, when an element matching `selector` first appears in the document; read it
   * with `firstSeen`. A test that something does not happen too early checks that it happened, and
   * when, instead of waiting a while and finding nothing.
   */
  async watchFor(selector: string): Promise<void> {
    await this.page.evaluate((selector) => {
      const seen = ((window as unknown as { daylightTestSeen?: Record<string, number> }).daylightTestSeen ??= {});
      const check = () => {
        if (!(selector in seen) && document.querySelector(selector)) seen[selector] = performance.now();
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
      check();
    }, selector);
  }

  /** When (the page's `performance.now()`) an element matching `selector` first appeared since `watchFor`; null if it has not. */
  firstSeen(selector: string): Promise<number | null> {
    return this.page.evaluate((selector) => (window as unknown as { daylightTestSeen?: Record<string, number> }).daylightTestSeen?.[selector] ?? null, selector);
  }

  /** The page's clock (`performance.now()`), to compare with `firstSeen`. */
  now(): Promise<number> {
    return this.page.evaluate(() => performance.now());
  }

  /** For each marked post, how many Thank hosts it holds itself (not in posts nested in it). */
  thankCounts(): Promise<Record<string, number>> {
    return this.page.evaluate(() => {
      const counts: Record<string, number> = {};
      for (const post of document.querySelectorAll('[data-daylight-post]')) counts[post.getAttribute('data-daylight-post')!] = 0;
      for (const host of document.querySelectorAll('[data-daylight="thank"]')) {
        const owner = host.closest('[data-daylight-post]')?.getAttribute('data-daylight-post');
        if (owner) counts[owner] = (counts[owner] ?? 0) + 1;
      }
      return counts;
    });
  }

  /** Attributes of every element matching `selector`, searching the document and every open shadow root. */
  deepAttributes(selector: string, attribute: string): Promise<Array<string | null>> {
    return this.page.evaluate(
      ({ selector, attribute }) => {
        const found: Array<string | null> = [];
        const visit = (root: Document | ShadowRoot) => {
          for (const el of root.querySelectorAll(selector)) found.push(el.getAttribute(attribute));
          for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
        };
        visit(document);
        return found;
      },
      { selector, attribute },
    );
  }

  /**
   * Navigate the way single-page apps do: push the new URL and swap the page's content, with no
   * document load (as Turbo, React Router and Slack's client do). Back and forward swap the
   * content back, as a router would.
   */
  async navigateInApp(url: string, html: string): Promise<void> {
    await this.page.evaluate(
      ({ url, html }) => {
        const show = (markup: string) => {
          const next = new DOMParser().parseFromString(markup, 'text/html');
          document.title = next.title;
          document.head.replaceWith(document.adoptNode(next.head));
          document.body.replaceWith(document.adoptNode(next.body));
        };
        const router = window as unknown as { __fixtureRouter?: boolean };
        if (!router.__fixtureRouter) {
          router.__fixtureRouter = true;
          const current = document.documentElement.cloneNode(true) as HTMLElement;
          for (const name of [...current.attributes].map((a) => a.name)) current.removeAttribute(name);
          history.replaceState({ fixtureHtml: `<!doctype html>${current.outerHTML}` }, '');
          window.addEventListener('popstate', (event: PopStateEvent) => {
            const state = event.state as { fixtureHtml?: string } | null;
            if (state?.fixtureHtml) show(state.fixtureHtml);
          });
        }
        history.pushState({ fixtureHtml: html }, '', url);
        show(html);
      },
      { url, html },
    );
  }
}
