import { useState } from 'react';
import type { StoredPerson } from '@/lib/db';
import { publicPerson } from '@/lib/people/directory-store';
import { exportDirectoryCsv, exportDirectoryJson } from '@/lib/people/export';
import { t } from '@/lib/i18n/t';

/** Hand a text file to the browser's downloads: a Blob behind an object URL and a temporary link. */
export function downloadText(text: string, fileName: string, mediaType: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mediaType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by now; give it a moment before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "Export JSON" and "Export CSV" of the active people, in the contract's formats. */
export function PeopleExport({ people }: { people: readonly StoredPerson[] }) {
  const [problem, setProblem] = useState<string>();
  const day = new Date().toISOString().slice(0, 10);
  const active = () => people.filter((p) => p.archivedAt === undefined).map(publicPerson);
  const run = (make: () => void) => {
    try {
      setProblem(undefined);
      make();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <div className="people-export" role="group" aria-label={t('peopleExportLabel')}>
      <button type="button" onClick={() => run(() => downloadText(exportDirectoryJson(active()), `daylight-directory-${day}.json`, 'application/json'))}>
        {t('peopleExportJson')}
      </button>
      <button type="button" onClick={() => run(() => downloadText(exportDirectoryCsv(active()), `daylight-directory-${day}.csv`, 'text/csv'))}>
        {t('peopleExportCsv')}
      </button>
      {problem && (
        <p role="alert" className="error">
          <bdi>{problem}</bdi>
        </p>
      )}
    </div>
  );
}
