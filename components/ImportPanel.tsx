import { useId, useRef, useState, type FormEvent } from 'react';
import type { StoredPerson } from '@/lib/db';
import { sendToBackground, type Response } from '@/lib/messaging';
import { findConflicts, type Conflict } from '@/lib/people/conflicts';
import { diffDirectory, type DirectoryDiff } from '@/lib/people/diff';
import { fetchDirectory } from '@/lib/people/fetch-directory';
import type { ImportResult, RowError } from '@/lib/people/import-result';
import { parseDirectoryText } from '@/lib/people/parse-text';
import type { Directory } from '@/lib/people/schema';
import { fetchScimDirectory } from '@/lib/people/scim';
import { ImportErrors } from './ImportErrors';
import { ImportPreview } from './ImportPreview';

type Stage =
  | { kind: 'idle' }
  | { kind: 'reading'; what: string; controller?: AbortController; progress?: { done: number; total: number } }
  | { kind: 'failed'; source: string; errors: RowError[] }
  | { kind: 'preview'; source: string; directory: Directory; warnings: string[]; diff: DirectoryDiff; conflicts: Conflict[]; applying: boolean; error?: string }
  | { kind: 'applied'; source: string; change: Response<'directory-replace'>; undo?: Response<'directory-undo'>; undoing?: boolean; error?: string };

export interface ImportPanelProps {
  /** The stored directory, archived people included: what the preview compares against. */
  current: readonly StoredPerson[];
  /** Called after anything was written, so the page reads the database again. */
  onChanged: () => void;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Every way in for a directory (file, pasted text, URL, SCIM), each parsed here in the page, then
 * previewed; only "Apply" sends it to the background, which replaces the directory in one
 * transaction. A refused source lists every bad row and changes nothing.
 */
export function ImportPanel({ current, onChanged }: ImportPanelProps) {
  const ids = useId();
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [pasted, setPasted] = useState('');
  const [url, setUrl] = useState('');
  const [urlToken, setUrlToken] = useState('');
  const [scimUrl, setScimUrl] = useState('');
  const [scimToken, setScimToken] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = stage.kind === 'reading' || (stage.kind === 'preview' && stage.applying);

  const settle = (source: string, result: ImportResult) => {
    if (!result.ok) {
      setStage({ kind: 'failed', source, errors: result.errors });
      return;
    }
    setStage({
      kind: 'preview',
      source,
      directory: result.directory,
      warnings: result.warnings,
      diff: diffDirectory(current, result.directory),
      conflicts: findConflicts(result.directory.people),
      applying: false,
    });
  };

  const readFile = async (file: File) => {
    setStage({ kind: 'reading', what: file.name });
    try {
      const text = await file.text();
      settle(file.name, parseDirectoryText(text, { mediaType: file.type, fileName: file.name }));
    } catch (error) {
      setStage({ kind: 'failed', source: file.name, errors: [{ line: 0, message: `Could not read the file: ${message(error)}` }] });
    } finally {
      // Choosing the same file again (after fixing it) must fire another change.
      if (fileInput.current) fileInput.current.value = '';
    }
  };

  const importPasted = (event: FormEvent) => {
    event.preventDefault();
    if (pasted.trim() === '') {
      setStage({ kind: 'failed', source: 'pasted text', errors: [{ line: 0, message: 'Nothing was pasted: paste a JSON or CSV directory first.' }] });
      return;
    }
    settle('pasted text', parseDirectoryText(pasted));
  };

  const fetchUrl = async (event: FormEvent) => {
    event.preventDefault();
    const address = url.trim();
    const controller = new AbortController();
    setStage({ kind: 'reading', what: address, controller });
    const result = await fetchDirectory({ url: address, ...(urlToken.trim() ? { token: urlToken.trim() } : {}), signal: controller.signal });
    if (!controller.signal.aborted) settle(address, result);
  };

  const fetchScim = async (event: FormEvent) => {
    event.preventDefault();
    const address = scimUrl.trim();
    const controller = new AbortController();
    const what = `SCIM ${address}`;
    setStage({ kind: 'reading', what, controller });
    const result = await fetchScimDirectory({
      baseUrl: address,
      ...(scimToken.trim() ? { token: scimToken.trim() } : {}),
      signal: controller.signal,
      onProgress: (done, total) => {
        if (!controller.signal.aborted) setStage({ kind: 'reading', what, controller, progress: { done, total } });
      },
    });
    if (!controller.signal.aborted) settle(what, result);
  };

  const apply = async () => {
    if (stage.kind !== 'preview') return;
    setStage({ ...stage, applying: true, error: undefined });
    try {
      const change = await sendToBackground('directory-replace', { directory: stage.directory, source: stage.source });
      setStage({ kind: 'applied', source: stage.source, change });
      onChanged();
    } catch (error) {
      setStage({ ...stage, applying: false, error: message(error) });
    }
  };

  const undo = async () => {
    if (stage.kind !== 'applied') return;
    setStage({ ...stage, undoing: true, error: undefined });
    try {
      const result = await sendToBackground('directory-undo', { importId: stage.change.importId });
      setStage({ ...stage, undoing: false, undo: result });
      onChanged();
    } catch (error) {
      setStage({ ...stage, undoing: false, error: message(error) });
    }
  };

  return (
    <div className="import">
      <h3>Import a directory</h3>
      <p className="muted small">
        JSON or CSV files, pasted text, a directory URL or a SCIM 2.0 service. You see what would change before anything is applied; people no longer listed are archived,
        never deleted, and every import can be undone.
      </p>
      <div className="import-grid">
        <div className="import-source">
          <label htmlFor={`${ids}-file`}>Import a directory file</label>
          <input
            ref={fileInput}
            id={`${ids}-file`}
            type="file"
            accept=".json,.csv,application/json,text/csv"
            disabled={busy}
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void readFile(file);
            }}
          />
          <p className="muted small">JSON or CSV, as described in the directory formats.</p>
        </div>

        <form className="import-source" onSubmit={importPasted}>
          <label htmlFor={`${ids}-paste`}>Paste</label>
          <textarea
            id={`${ids}-paste`}
            rows={4}
            value={pasted}
            placeholder={'id,name,email,team,title,github,slack\npriya,Priya Raman,priya@acme.example,Platform,,priya-r,U0PRIYA001'}
            spellCheck={false}
            onChange={(e) => setPasted(e.target.value)}
          />
          <button type="submit" disabled={busy}>
            Import
          </button>
        </form>

        <form className="import-source" onSubmit={(e) => void fetchUrl(e)}>
          <label htmlFor={`${ids}-url`}>Directory URL</label>
          <input id={`${ids}-url`} type="url" required value={url} placeholder="https://intranet.acme.example/people.json" onChange={(e) => setUrl(e.target.value)} />
          <label htmlFor={`${ids}-url-token`}>Bearer token (optional)</label>
          <input id={`${ids}-url-token`} type="password" autoComplete="off" value={urlToken} onChange={(e) => setUrlToken(e.target.value)} />
          <button type="submit" disabled={busy}>
            Fetch
          </button>
        </form>

        <form className="import-source" onSubmit={(e) => void fetchScim(e)}>
          <label htmlFor={`${ids}-scim`}>SCIM base URL</label>
          <input id={`${ids}-scim`} type="url" required value={scimUrl} placeholder="https://idp.acme.example/scim/v2" onChange={(e) => setScimUrl(e.target.value)} />
          <label htmlFor={`${ids}-scim-token`}>SCIM token</label>
          <input id={`${ids}-scim-token`} type="password" autoComplete="off" value={scimToken} onChange={(e) => setScimToken(e.target.value)} />
          <button type="submit" disabled={busy}>
            Import from SCIM
          </button>
        </form>
      </div>

      {stage.kind === 'reading' && (
        <div className="import-progress" role="status" data-testid="import-progress">
          {stage.progress ? (
            <>
              <label htmlFor={`${ids}-progress`}>
                Reading <bdi>{stage.what}</bdi>: {stage.progress.done.toLocaleString('en')} of {stage.progress.total.toLocaleString('en')} users
              </label>
              <progress id={`${ids}-progress`} value={stage.progress.done} max={Math.max(1, stage.progress.total)} />
            </>
          ) : (
            <span>
              Reading <bdi>{stage.what}</bdi>…
            </span>
          )}
          {stage.controller && (
            <button
              type="button"
              onClick={() => {
                stage.controller?.abort();
                setStage({ kind: 'idle' });
              }}
            >
              Stop
            </button>
          )}
        </div>
      )}

      {stage.kind === 'failed' && <ImportErrors source={stage.source} errors={stage.errors} onDismiss={() => setStage({ kind: 'idle' })} />}

      {stage.kind === 'preview' && (
        <>
          <ImportPreview
            source={stage.source}
            count={stage.directory.people.length}
            diff={stage.diff}
            conflicts={stage.conflicts}
            warnings={stage.warnings}
            applying={stage.applying}
            onApply={() => void apply()}
            onCancel={() => setStage({ kind: 'idle' })}
          />
          {stage.error && (
            <p role="alert" className="error">
              Could not apply the import: {stage.error}
            </p>
          )}
        </>
      )}

      {stage.kind === 'applied' && (
        <div className="import-status" role="status" data-testid="import-status">
          {stage.undo ? (
            <span>
              Undid the import of <bdi>{stage.source}</bdi>: {stage.undo.restored.toLocaleString('en')} restored, {stage.undo.archived.toLocaleString('en')} archived.
            </span>
          ) : (
            <>
              <span>
                Imported <bdi>{stage.source}</bdi>: {stage.change.added.toLocaleString('en')} added, {stage.change.changed.toLocaleString('en')} changed,{' '}
                {stage.change.archived.toLocaleString('en')} archived.
              </span>{' '}
              <button type="button" onClick={() => void undo()} disabled={stage.undoing}>
                Undo
              </button>
            </>
          )}
          {stage.error && (
            <span role="alert" className="error">
              {' '}
              Could not undo: {stage.error}
            </span>
          )}
        </div>
      )}
    </div>
  );
}
