import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { browser } from 'wxt/browser';
import { wantedScripts } from '@/lib/background/self-hosted';
import { openDatabase, type PageReportRecord } from '@/lib/db';
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
  if (status.registration === 'built-in') return <td>Covered by the built-in script</td>;
  if (status.registration === 'registered') return <td>Registered</td>;
  return <td className={settled ? 'error' : 'muted'}>{settled ? 'Not registered: Daylight cannot run here (see Diagnostics)' : 'Registering…'}</td>;
}

function VisitCell({ status }: { status: OriginStatus }) {
  const visit = status.lastVisit;
  if (visit === null) return <td className="muted">Not visited yet</td>;
  const when = new Date(visit.at).toLocaleString();
  if (visit.detected) return <td>Detected as {TOOL_NAMES[status.tool]} on the last visit ({when})</td>;
  return (
    <td className="error">
      Mismatch: {visit.path} did not look like {TOOL_NAMES[status.tool]} on the last visit ({when}); Daylight left it alone
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
    saveUserSettings({ selfHosted: withOrigin(snapshot.user.selfHosted, tool, check.origin, true) }).then(
      () => {
        setText('');
        setError(undefined);
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };
  return (
    <form className="add-origin" aria-label="Add a self-hosted instance" onSubmit={submit} noValidate>
      <label htmlFor={`${id}-tool`}>Tool</label>
      <select id={`${id}-tool`} value={tool} onChange={(e) => setTool(e.target.value as ToolId)}>
        {TOOL_IDS.map((t) => (
          <option key={t} value={t}>
            {TOOL_NAMES[t]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-origin`}>Origin</label>
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
      <button type="submit">Add origin</button>
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
        Daylight runs on each tool's own hosts, and on your organisation's self-hosted instances named here or by policy.
      </p>
      <HostAccess selfHosted={snapshot.effective.selfHosted} />
      {error && (
        <p role="alert" className="error">
          Could not read the registered scripts: {error}
        </p>
      )}
      {TOOL_IDS.map((tool) => {
        const mine = statuses.filter((s) => s.tool === tool);
        return (
          <div key={tool} className="tool" data-tool={tool}>
            <h3>{TOOL_NAMES[tool]}</h3>
            <p className="muted" data-testid="saas-hosts">
              Built in: {saasHosts(tool).join(', ')}
            </p>
            {mine.length > 0 && (
              <table aria-label={`${TOOL_NAMES[tool]} self-hosted origins`}>
                <thead>
                  <tr>
                    <th scope="col">Origin</th>
                    <th scope="col">Set by</th>
                    <th scope="col">Content script</th>
                    <th scope="col">Last visit</th>
                    <th scope="col">
                      Actions
                    </th>
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
                        {status.source === 'policy' ? '🔒 Set by your organization' : 'You'}
                      </td>
                      <RegistrationCell status={status} settled={settled} />
                      <VisitCell status={status} />
                      <td>
                        {status.source === 'user' && (
                          <button type="button" aria-label={`Remove ${status.origin} (${TOOL_NAMES[tool]})`} onClick={() => remove(status)}>
                            Remove
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
        Check again
      </button>
    </div>
  );
}
