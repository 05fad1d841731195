import type { ContentBatch, PageContext } from '../features/feature';
import type { FeatureRunner } from '../features/runner';
import type { Settings } from '../settings';
import { DEFAULT_SETTINGS } from '../settings-defaults';
import type { Adapter } from '../tools/adapter';
import type { PageKind } from '../tools/page';
import type { ContentListeners } from './content-listeners';
import { post } from './messages';
import type { PeopleCache } from './people-cache';
import type { ResolvedPlace } from './place-resolver';

/** The page the features run on, as the page session last read it. */
export interface ReadPage {
  url: URL;
  kind: PageKind;
  resolved: ResolvedPlace;
}

/**
 * Starts the features once per page: again when the page they run on changed (URL, kind or place),
 * or when the settings did. Nothing runs until the background has answered with the settings (it
 * validates them and the policy): never on defaults it did not confirm.
 */
export class FeatureStarter {
  private settings: Settings = DEFAULT_SETTINGS;
  private settingsLoaded = false;
  private current: PageContext | undefined;

  constructor(
    private readonly adapter: Adapter,
    private readonly win: Window,
    private readonly runner: FeatureRunner,
    private readonly people: PeopleCache,
    private readonly listeners: ContentListeners,
    /** What the last pass over the whole document read, when nothing changed since; else a lazy batch. */
    private readonly wholeDocument: () => ContentBatch,
    /** The page as last read and marked, once it was. */
    private readonly readPage: () => ReadPage | undefined,
    private readonly signal: AbortSignal,
  ) {
    signal.addEventListener('abort', () => runner.stop(), { once: true });
  }

  /** Start the features for `page` unless they run on it already (or `force`). */
  start({ url, kind, resolved }: ReadPage, force: boolean): void {
    if (!this.settingsLoaded) return;
    const { current } = this;
    if (!force && current?.url.href === url.href && current.kind === kind && current.place === resolved.place && current.audience === resolved.audience) return;
    const { adapter, people, win } = this;
    this.current = { adapter, url, doc: win.document, win, kind, place: resolved.place, audience: resolved.audience, settings: this.settings, people, onContent: this.listeners.add };
    void this.runner.run(this.current, this.signal).then(() => {
      // Features that started late still see what is already on the page.
      this.listeners.deliverEach(this.wholeDocument());
    });
  }

  /** Ask the background for the settings (again, when it says they changed), then restart the features. */
  fetchSettings(): void {
    void post('settings-get', {}).then(
      (next) => this.signal.aborted || this.apply(next),
      () => this.signal.aborted || this.apply(DEFAULT_SETTINGS),
    );
  }

  private apply(next: Settings): void {
    this.settings = next;
    this.settingsLoaded = true;
    const page = this.readPage();
    if (page) this.start(page, true);
  }
}
