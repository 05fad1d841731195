import type { Feature, PageContext } from './feature';

export interface FeatureFailure {
  featureId: string;
  message: string;
}

/**
 * Runs features against a page, one abort scope per feature per navigation. A feature that throws
 * (synchronously or asynchronously) is isolated: the others still run, and the failure is
 * reported under the feature's id.
 */
export class FeatureRunner {
  private controllers = new Map<string, AbortController>();
  /** Features whose start finished, without failing, for the current navigation. */
  private readonly started = new Set<string>();
  readonly failures: FeatureFailure[] = [];

  constructor(
    private readonly features: readonly Feature[],
    private readonly report: (failure: FeatureFailure) => void,
  ) {}

  /** Stop what ran for the previous navigation, then start every enabled feature for `page`. */
  async run(page: PageContext, parent: AbortSignal): Promise<void> {
    this.stop();
    this.failures.length = 0;
    const disabled = new Set(page.settings.disabledFeatures);
    const starts = this.features
      .filter((f) => !disabled.has(f.id) && (f.tools === undefined || f.tools.includes(page.adapter.id)))
      .map(async (feature) => {
        const controller = new AbortController();
        this.controllers.set(feature.id, controller);
        const abort = () => controller.abort();
        parent.addEventListener('abort', abort, { once: true });
        controller.signal.addEventListener('abort', () => parent.removeEventListener('abort', abort), { once: true });
        try {
          await feature.init(page, controller.signal);
          if (!controller.signal.aborted) this.started.add(feature.id);
        } catch (error) {
          const failure = { featureId: feature.id, message: error instanceof Error ? error.message : String(error) };
          this.failures.push(failure);
          this.report(failure);
        }
      });
    await Promise.all(starts);
  }

  /** Abort every running feature's scope. */
  stop(): void {
    for (const controller of this.controllers.values()) controller.abort();
    this.controllers.clear();
    this.started.clear();
  }

  /**
   * Ids of features running on the page: started (their start finished without failing) and their
   * scope live. The popup's page-state answer lists them, so support, and tests, can see that
   * Daylight ran on a page instead of waiting a while and looking for nothing.
   */
  get running(): string[] {
    return this.features.map((f) => f.id).filter((id) => this.started.has(id) && this.controllers.get(id)?.signal.aborted === false);
  }
}
