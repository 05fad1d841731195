import { openDatabase } from '../db';
import { loadPeople } from './directory-store';
import { directoryParts, previewJob, type ImportJob } from './import-job';
import { ERROR_PAGE, type FromWorker, type ImportInput, type ToWorker } from './import-protocol';
import type { ImportResult } from './import-result';
import { parseDirectoryText } from './parse-text';

/**
 * The options page's import worker: reading, parsing, validating and comparing a directory of any
 * size happen here, off the page's main thread (components/useImportWorker.ts starts and stops it).
 * It reads the stored directory itself (read only, like the page) and keeps the checked import, so
 * the page gets only counts, the first entries of each list and pages of errors.
 */
const scope = self as unknown as { postMessage: (message: FromWorker) => void; onmessage: ((event: MessageEvent<ToWorker>) => void) | null };
const post = (message: FromWorker) => scope.postMessage(message);

let kept: { job: number; import: ImportJob } | null = null;

async function readText(job: number, file: File): Promise<string> {
  const decoder = new TextDecoder();
  const reader = file.stream().getReader();
  const pieces: string[] = [];
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    pieces.push(decoder.decode(chunk.value, { stream: true }));
    post({ type: 'progress', job, phase: 'reading', done, total: file.size });
  }
  pieces.push(decoder.decode());
  return pieces.join('');
}

async function resultOf(job: number, input: ImportInput): Promise<ImportResult> {
  if (input.kind === 'result') return input.result;
  if (input.kind === 'text') {
    post({ type: 'progress', job, phase: 'checking' });
    return parseDirectoryText(input.text, input.hint);
  }
  let text: string;
  try {
    text = await readText(job, input.file);
  } catch (error) {
    return { ok: false, errors: [{ line: 0, message: `Could not read the file: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  post({ type: 'progress', job, phase: 'checking' });
  return parseDirectoryText(text, { mediaType: input.file.type, fileName: input.file.name });
}

async function preview(job: number, input: ImportInput): Promise<void> {
  kept = null;
  const result = await resultOf(job, input);
  if (!result.ok) {
    kept = { job, import: { ok: false, errors: result.errors } };
    post({ type: 'refused', job, total: result.errors.length, first: result.errors.slice(0, ERROR_PAGE) });
    return;
  }
  post({ type: 'progress', job, phase: 'comparing' });
  const db = openDatabase();
  try {
    const checked = previewJob(result, await loadPeople(db));
    kept = { job, import: checked };
    if (checked.ok) post({ type: 'preview', job, summary: checked.summary });
  } finally {
    db.close();
  }
}

scope.onmessage = ({ data }) => {
  const run = async () => {
    if (data.type === 'preview') return preview(data.job, data.input);
    if (kept?.job !== data.job) throw new Error('That import is no longer held: choose the file again.');
    if (data.type === 'errors') {
      const errors = kept.import.ok ? [] : kept.import.errors.slice(data.from, data.from + data.count);
      return post({ type: 'errors', job: data.job, from: data.from, errors });
    }
    if (!kept.import.ok) throw new Error('A refused import cannot be applied.');
    post({ type: 'parts', job: data.job, parts: directoryParts(kept.import.directory) });
  };
  run().catch((error: unknown) => post({ type: 'crashed', job: data.job, message: error instanceof Error ? error.message : String(error) }));
};
