import { useCallback, useEffect, useRef, useState } from 'react';
import { t } from '@/lib/i18n/t';
import type { Response } from '@/lib/messaging';
import { fetchDirectory } from '@/lib/people/fetch-directory';
import type { ImportInput, PreviewSummary } from '@/lib/people/import-protocol';
import type { RowError } from '@/lib/people/import-result';
import { fetchScimDirectory } from '@/lib/people/scim';
import { ImportApplied } from './ImportApplied';
import { ImportErrors } from './ImportErrors';
import { ImportOutcomeNotice } from './ImportOutcomeNotice';
import { ImportPreview } from './ImportPreview';
import { ImportProgress } from './ImportProgress';
import { ImportSources } from './ImportSources';
import { Cancelled, ImportWorker, LostWhileStoring, type Progress } from './importWorker';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; what: string; progress?: Progress; cancel: () => void }
  | { kind: 'failed'; source: string; total: number; first: RowError[]; paged: boolean }
  | { kind: 'preview'; source: string; summary: PreviewSummary; applying: boolean; progress?: Progress; error?: string }
  | { kind: 'applied'; source: string; change: Response<'directory-replace'> };

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Every way in for a directory (file, pasted text, URL, SCIM). Reading, checking and comparing run
 * in the import worker (components/importWorker.ts), so a 200,000-person file never blocks this page;
 * the page shows progress, a preview or a page of errors, and only "Apply" sends the people to the
 * background, which replaces the directory in one transaction. A refused source changes nothing.
 */
export function ImportPanel({ onChanged }: { onChanged: () => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const worker = useRef<ImportWorker | null>(null);
  const workerOf = () => (worker.current ??= new ImportWorker());
  useEffect(() => () => worker.current?.dispose(), []);
  const busy = stage.kind === 'reading' || (stage.kind === 'preview' && stage.applying);

  const cancel = useCallback(() => {
    worker.current?.cancel();
    setStage({ kind: 'idle' });
  }, []);

  const check = async (source: string, input: ImportInput, what = source) => {
    setStage({ kind: 'reading', what, cancel });
    try {
      const result = await workerOf().preview(input, (progress) => setStage({ kind: 'reading', what, progress, cancel }));
      if (result.ok) setStage({ kind: 'preview', source, summary: result.summary, applying: false });
      else setStage({ kind: 'failed', source, total: result.total, first: result.first, paged: true });
    } catch (error) {
      if (error instanceof Cancelled) return;
      setStage({ kind: 'failed', source, total: 1, first: [{ line: 0, message: message(error) }], paged: false });
    }
  };

  const fetched = async (what: string, run: (signal: AbortSignal, progress: (p: Progress) => void) => ReturnType<typeof fetchDirectory>) => {
    const controller = new AbortController();
    const stop = () => {
      controller.abort();
      cancel();
    };
    setStage({ kind: 'reading', what, cancel: stop });
    const result = await run(controller.signal, (progress) => {
      if (!controller.signal.aborted) setStage({ kind: 'reading', what, progress, cancel: stop });
    });
    if (!controller.signal.aborted) await check(what, { kind: 'result', result });
  };

  const apply = async () => {
    if (stage.kind !== 'preview') return;
    const previewed = stage;
    setStage({ ...previewed, applying: true, error: undefined });
    try {
      const change = await workerOf().apply(previewed.source, (progress) => setStage({ ...previewed, applying: true, progress }));
      setStage({ kind: 'applied', source: previewed.source, change });
      onChanged();
    } catch (error) {
      if (error instanceof LostWhileStoring) {
        // All or nothing was stored; the outcome notice above says which once the background is back.
        setStage({ kind: 'idle' });
        onChanged();
        return;
      }
      setStage({ ...previewed, applying: false, error: error instanceof Cancelled ? t('importApplyStopped') : message(error) });
    }
  };

  return (
    <div className="import">
      <h3>{t('importTitle')}</h3>
      <p className="muted small">{t('importIntro')}</p>
      <ImportOutcomeNotice />
      <ImportSources
        busy={busy}
        onFile={(file) => void check(file.name, { kind: 'file', file })}
        onPasted={(text) =>
          text.trim() === ''
            ? setStage({ kind: 'failed', source: t('importPastedSource'), total: 1, first: [{ line: 0, message: t('importNothingPasted') }], paged: false })
            : void check(t('importPastedSource'), { kind: 'text', text })
        }
        onUrl={(url, token) => void fetched(url, (signal) => fetchDirectory({ url, ...(token ? { token } : {}), signal }))}
        onScim={(baseUrl, token) =>
          void fetched(`SCIM ${baseUrl}`, (signal, progress) =>
            fetchScimDirectory({ baseUrl, ...(token ? { token } : {}), signal, onProgress: (done, total) => progress({ phase: 'users', done, total }) }),
          )
        }
      />

      {stage.kind === 'reading' && <ImportProgress what={stage.what} progress={stage.progress} onCancel={stage.cancel} />}

      {stage.kind === 'failed' && (
        <ImportErrors
          source={stage.source}
          total={stage.total}
          first={stage.first}
          page={stage.paged ? (from, count) => workerOf().errors(from, count) : undefined}
          onDismiss={() => setStage({ kind: 'idle' })}
        />
      )}

      {stage.kind === 'preview' && (
        <>
          <ImportPreview source={stage.source} summary={stage.summary} applying={stage.applying} onApply={() => void apply()} onCancel={() => setStage({ kind: 'idle' })} />
          {stage.applying && <ImportProgress what={stage.source} progress={stage.progress} onCancel={() => worker.current?.cancel()} />}
          {stage.error && (
            <p role="alert" className="error">
              {t('importApplyFailed', stage.error)}
            </p>
          )}
        </>
      )}

      {stage.kind === 'applied' && <ImportApplied source={stage.source} change={stage.change} onChanged={onChanged} />}
    </div>
  );
}
