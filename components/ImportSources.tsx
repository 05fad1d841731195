import { useId, useRef, useState, type FormEvent } from 'react';
import { t } from '@/lib/i18n/t';

/** Examples of the formats themselves (column names, addresses): the same in every language. */
const EXAMPLES = {
  csv: 'id,name,email,team,title,github,slack\npriya,Priya Raman,priya@acme.example,Platform,,priya-r,U0PRIYA001',
  url: 'https://intranet.acme.example/people.json',
  scim: 'https://idp.acme.example/scim/v2',
};

export interface ImportSourcesProps {
  busy: boolean;
  onFile: (file: File) => void;
  onPasted: (text: string) => void;
  onUrl: (url: string, token: string) => void;
  onScim: (baseUrl: string, token: string) => void;
}

/** The four ways in for a directory: a file, pasted text, a directory URL and a SCIM service. */
export function ImportSources({ busy, onFile, onPasted, onUrl, onScim }: ImportSourcesProps) {
  const ids = useId();
  const [pasted, setPasted] = useState('');
  const [url, setUrl] = useState('');
  const [urlToken, setUrlToken] = useState('');
  const [scimUrl, setScimUrl] = useState('');
  const [scimToken, setScimToken] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const submit = (event: FormEvent, run: () => void) => {
    event.preventDefault();
    run();
  };

  return (
    <div className="import-grid">
      <div className="import-source">
        <label htmlFor={`${ids}-file`}>{t('importFileLabel')}</label>
        <input
          ref={fileInput}
          id={`${ids}-file`}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          disabled={busy}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Choosing the same file again (after fixing it) must fire another change.
            e.target.value = '';
            if (file) onFile(file);
          }}
        />
        <p className="muted small">{t('importFileHelp')}</p>
      </div>

      <form className="import-source" onSubmit={(e) => submit(e, () => onPasted(pasted))}>
        <label htmlFor={`${ids}-paste`}>{t('importPasteLabel')}</label>
        <textarea
          id={`${ids}-paste`}
          rows={4}
          value={pasted}
          placeholder={EXAMPLES.csv}
          spellCheck={false}
          onChange={(e) => setPasted(e.target.value)}
        />
        <button type="submit" disabled={busy}>
          {t('importPasteButton')}
        </button>
      </form>

      <form className="import-source" onSubmit={(e) => submit(e, () => onUrl(url.trim(), urlToken.trim()))}>
        <label htmlFor={`${ids}-url`}>{t('importUrlLabel')}</label>
        <input id={`${ids}-url`} type="url" required value={url} placeholder={EXAMPLES.url} onChange={(e) => setUrl(e.target.value)} />
        <label htmlFor={`${ids}-url-token`}>{t('importUrlToken')}</label>
        <input id={`${ids}-url-token`} type="password" autoComplete="off" value={urlToken} onChange={(e) => setUrlToken(e.target.value)} />
        <button type="submit" disabled={busy}>
          {t('importUrlButton')}
        </button>
      </form>

      <form className="import-source" onSubmit={(e) => submit(e, () => onScim(scimUrl.trim(), scimToken.trim()))}>
        <label htmlFor={`${ids}-scim`}>{t('importScimLabel')}</label>
        <input id={`${ids}-scim`} type="url" required value={scimUrl} placeholder={EXAMPLES.scim} onChange={(e) => setScimUrl(e.target.value)} />
        <label htmlFor={`${ids}-scim-token`}>{t('importScimToken')}</label>
        <input id={`${ids}-scim-token`} type="password" autoComplete="off" value={scimToken} onChange={(e) => setScimToken(e.target.value)} />
        <button type="submit" disabled={busy}>
          {t('importScimButton')}
        </button>
      </form>
    </div>
  );
}
