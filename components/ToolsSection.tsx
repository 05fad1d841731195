import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { wantedScripts } from '@/lib/background/self-hosted';
import { openDatabase, type PageReportRecord } from '@/lib/db';
import { formatDateTime, formatList, t } from '@/lib/i18n/t';
import { saveUserSettings, type SettingsSnapshot } from '@/lib/settings';
import { TOOL_IDS, TOOL_NAMES, type ToolId } from '@/lib/tools/tool-ids';
import { HostAccess } from './HostAccess';
import { checkOrigin, originStatuses, saasHosts, withOrigin, type OriginStatus, type RegisteredScript } from './ToolsModel';

interface Observed {
  registered: RegisteredScript[];
  reports: PageReportRecord[];
}

async function observe(): Promise<Observed> {
  const db = openDatabase();
  try {
    const [registered, reports] = await Promise.all([browser.scripting.getRegisteredContentScripts(), db.pageReports.toArray()]);
    return { registered, reports };
  } finally {
    db.close();
  }
}

/** The background registers scripts right after a settings change; give it this long before saying it did not. */
const REGISTRATION_GRACE_MS = 5_000;
const RECHECK_MS = 400;

/**
 * Registrations and last visits, read again whenever the origins change; while the registered
 * scripts differ from the wanted ones (the background is still catching up), read again shortly.
 */
function useObserved(snapshot: SettingsSnapshot) {
  const [observed, setObserved] = useState<Observed>();
  const [settledFor, setSettledFor] = useState<string>();
  const [error, setError] = useState<string>();
  const [round, setRound] = useState(0);
  const origins = JSON.stringify(snapshot.effective.selfHosted);
  const key = `${round}:${origins}`;
  useEffect(() => {
    let live = true;
    const until = Date.now() + REGISTRATION_GRACE_MS;
    const wanted = wantedScripts(JSON.parse(origins) as SettingsSnapshot['effective']['selfHosted']);
    const step = () =>
      observe().then(
        (next) => {
          if (!live) return;
          setObserved(next);
          setError(undefined);
          const caughtUp = wanted.every((w) => next.registered.some((s) => s.id === w.id && w.matches.every((m) => s.matches?.includes(m))));
          if (!caughtUp && Date.now() < until) setTimeout(step, RECHECK_MS);
          else setSettledFor(`${round}:${origins}`);
        },
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    void step();
    return () => {
      live = false;
    };
  }, [origins, round]);
  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { observed, settled: settledFor === key, error, refresh };
}

function RegistrationCell({ status, settled }: { status: OriginStatus; settled: boolean }) {
  if (status.registration === 'built-in') return <td>{t('regBuiltIn')}</td>;
  if (status.registration === 'registered') return <td>{t('regRegistered')}</td>;
  return <td className={settled ? 'error' : 'muted'}>{settled ? t('regMissing') : t('regPending')}</td>;
}

function VisitCell({ status }: { status: OriginStatus }) {
  const visit = status.lastVisit;
  if (visit === null) return <td className="muted">{t('notVisited')}</td>;
  const when = formatDateTime(visit.at);
  if (visit.detected) return <td>{t('visitDetected', TOOL_NAMES[status.tool], when)}</td>;
  return (
    <td className="error">
      {t('visitMismatch', visit.path, TOOL_NAMES[status.tool], when)}
    </td>
  );
}

function AddOrigin({ snapshot }: { snapshot: SettingsSnapshot }) {
  const id = useId();
  const [tool, setTool] = useState<ToolId>('gitlab');
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const check = checkOrigin(tool, text, snapshot.effective.selfHosted);
    if (!check.ok) return setError(check.error);
    // Firefox lets the user withdraw host access, and asks again only inside a click: ask now, in
    // this one. Granted already (always in Chrome), it resolves at once; refused, the origin is kept
    // and HostAccess lists it with its own button.
    void browser.permissions.request({ origins: [`${check.origin}/*`] }).catch(() => false);
    saveUserSettings({ selfHosted: withOrigin(snapshot.user.selfHosted, tool, check.origin, true) }).then(
      () => {
        setText('');
        setError(undefined);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <form className="add-origin" aria-label={t('addOriginLabel')} onSubmit={submit} noValidate>
      <label htmlFor={`${id}-tool`}>{t('colTool')}</label>
      <select id={`${id}-tool`} value={tool} onChange={(e) => setTool(e.target.value as ToolId)}>
        {TOOL_IDS.map((t) => (
          <option key={t} value={t}>
            {TOOL_NAMES[t]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-origin`}>{t('origin')}</label>
      <input
        id={`${id}-origin`}
        type="text"
        inputMode="url"
        placeholder={`https://${tool}.acme.internal`}
        value={text}
        aria-invalid={error !== undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="submit">{t('addOrigin')}</button>
      {error && (
        <p role="alert" className="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </form>
  );
}

/**
 * The options Tools section: each tool's SaaS hosts and self-hosted origins (policy ones locked),
 * adding and removing the user's own, and what happened on each origin: registered, detected as
 * the expected tool on the last visit, or mismatched.
 */
export function ToolsSection({ snapshot }: { snapshot: SettingsSnapshot }) {
  const { observed, settled, error, refresh } = useObserved(snapshot);
  const statuses = observed ? originStatuses(snapshot, observed.registered, observed.reports) : [];
  const remove = (status: OriginStatus) =>
    void saveUserSettings({ selfHosted: withOrigin(snapshot.user.selfHosted, status.tool, status.origin, false) });
  return (
    <div className="tools">
      <p className="muted">
        {t('toolsIntro')}
      </p>
      <HostAccess selfHosted={snapshot.effective.selfHosted} />
      {error && (
        <p role="alert" className="error">
          {t('scriptsReadFailed', error)}
        </p>
      )}
      {TOOL_IDS.map((tool) => {
        const mine = statuses.filter((s) => s.tool === tool);
        return (
          <div key={tool} className="tool" data-tool={tool}>
            <h3>{TOOL_NAMES[tool]}</h3>
            <p className="muted" data-testid="saas-hosts">
              {t('builtIn', formatList(saasHosts(tool), 'unit'))}
            </p>
            {mine.length > 0 && (
              <table aria-label={t('selfHostedOrigins', TOOL_NAMES[tool])}>
                <thead>
                  <tr>
                    <th scope="col">{t('origin')}</th>
                    <th scope="col">{t('colSetBy')}</th>
                    <th scope="col">{t('colContentScript')}</th>
                    <th scope="col">{t('colLastVisit')}</th>
                    <th scope="col">{t('colActions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.map((status) => (
                    <tr
                      key={status.origin}
                      data-origin={status.origin}
                      data-source={status.source}
                      data-locked={status.source === 'policy'}
                      data-registration={status.registration}
                      data-visit={status.lastVisit === null ? 'none' : status.lastVisit.detected ? 'detected' : 'mismatch'}
                    >
                      <td>{status.origin}</td>
                      <td className={status.source === 'policy' ? 'locked' : undefined}>
                        {status.source === 'policy' ? t('setByOrg') : t('setByYou')}
                      </td>
                      <RegistrationCell status={status} settled={settled} />
                      <VisitCell status={status} />
                      <td>
                        {status.source === 'user' && (
                          <button type="button" aria-label={t('removeOriginLabel', status.origin, TOOL_NAMES[tool])} onClick={() => remove(status)}>
                            {t('remove')}
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        );
      })}
      <AddOrigin snapshot={snapshot} />
      <button type="button" className="link" onClick={refresh}>
        {t('checkAgain')}
      </button>
    </div>
  );
}
