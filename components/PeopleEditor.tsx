import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { t, tn, type MessageKey } from '@/lib/i18n/t';
import { describeIssue } from '@/lib/people/plain-issues';
import { personSchema, type Person } from '@/lib/people/schema';
import { isHandleKey } from '@/lib/people/handle-key';
import { TOOL_IDS } from '@/lib/tools/tool-ids';
import type { TimeField } from '@/lib/people/working-time';
import { Message } from './Message';
import { handleKeyLabel, handleList, handleValue, shortText, splitHandles } from './PeopleModel';

export interface PeopleEditorProps {
  /** The person to edit, or null to add someone. */
  person: Person | null;
  /** Ids already in the directory (a new person needs a new id). */
  takenIds: ReadonlySet<string>;
  onSave: (person: Person) => Promise<void>;
  onClose: () => void;
}

type Draft = Record<string, string>;

const TEXT_FIELDS = [
  { name: 'id', label: 'fieldId' },
  { name: 'name', label: 'fieldName' },
  { name: 'email', label: 'fieldEmail' },
  { name: 'team', label: 'fieldTeam' },
  { name: 'title', label: 'fieldTitle' },
] as const;

const TIME_INPUTS: ReadonlyArray<{ name: TimeField; label: MessageKey; help: MessageKey }> = [
  { name: 'timeZone', label: 'fieldTimeZone', help: 'helpTimeZone' },
  { name: 'workingHours', label: 'fieldWorkingHours', help: 'helpWorkingHours' },
  { name: 'workingDays', label: 'fieldWorkingDays', help: 'helpWorkingDays' },
  { name: 'locale', label: 'fieldLanguage', help: 'helpLanguage' },
];

/** Every zone the browser knows, offered while typing one (older browsers offer none and accept any they know). */
function knownZones(): readonly string[] {
  return typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
}

function draftOf(person: Person | null, keys: readonly string[]): Draft {
  const draft: Draft = {
    id: person?.id ?? '',
    name: person?.name ?? '',
    email: person?.email ?? '',
    team: person?.team ?? '',
    title: person?.title ?? '',
  };
  for (const { name } of TIME_INPUTS) draft[name] = person?.[name] ?? '';
  for (const key of keys) draft[`handles.${key}`] = handleList(person?.handles[key]).join(', ');
  return draft;
}

/**
 * Add or edit one person in a modal dialog. Handles are typed per tool as comma- or `|`-separated
 * lists; the result is checked with the directory's own person schema before it is sent, and each
 * problem is shown by its field (and the first bad field gets focus).
 */
export function PeopleEditor({ person, takenIds, onSave, onClose }: PeopleEditorProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const headingId = useId();
  const idPrefix = useId();
  // Self-hosted keys (tool:host) the person already has are edited alongside the tool ids.
  const [handleKeys, setHandleKeys] = useState(() => [...TOOL_IDS, ...Object.keys(person?.handles ?? {}).filter((k) => !(TOOL_IDS as readonly string[]).includes(k)).sort()]);
  const [draft, setDraft] = useState<Draft>(() => draftOf(person, handleKeys));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string>();
  const [saving, setSaving] = useState(false);
  const [newKey, setNewKey] = useState('');
  const [newKeyProblem, setNewKeyProblem] = useState<string>();
  /** Handles on a self-hosted instance are keyed `tool:host` (`gitlab:gitlab.acme.internal`). */
  const addInstance = () => {
    const key = newKey.trim().toLowerCase();
    if (!key.includes(':') || !isHandleKey(key)) return setNewKeyProblem(t('instanceKeyProblem'));
    if (handleKeys.includes(key)) return setNewKeyProblem(t('instanceKeyTaken'));
    setHandleKeys([...handleKeys, key]);
    setNewKey('');
    setNewKeyProblem(undefined);
  };

  useEffect(() => {
    const element = dialog.current;
    const opener = document.activeElement instanceof HTMLElement && !element?.contains(document.activeElement) ? document.activeElement : null;
    if (element && typeof element.showModal === 'function' && !element.open) element.showModal();
    // Start where the typing is: the name when editing (the id cannot change), the id when adding.
    element?.querySelector<HTMLInputElement>(`#${CSS.escape(`${idPrefix}-${person ? 'name' : 'id'}`)}`)?.focus();
    // Focus goes back to the button that opened the form (the Save button may have been disabled
    // meanwhile, which leaves focus nowhere, so the dialog's own restoring is not enough).
    return () => {
      if (element?.open) element.close();
      if (opener?.isConnected) opener.focus();
    };
  }, [idPrefix, person]);

  // A close event can arrive after the dialog was shown again (React's development double effects).
  const closed = () => {
    if (!dialog.current?.open) onClose();
  };

  const fieldId = (name: string) => `${idPrefix}-${name.replace(/[^a-z0-9]/gi, '-')}`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const handles: Record<string, string | string[]> = {};
    for (const key of handleKeys) {
      const value = handleValue(splitHandles(draft[`handles.${key}`] ?? ''));
      if (value !== undefined) handles[key] = value;
    }
    const optional = (name: string) => {
      const text = (draft[name] ?? '').trim();
      return text === '' ? {} : { [name]: text };
    };
    const input = {
      id: (draft.id ?? '').trim(),
      name: draft.name ?? '',
      ...optional('email'),
      ...optional('team'),
      ...optional('title'),
      ...Object.assign({}, ...TIME_INPUTS.map(({ name }) => optional(name))),
      handles,
    };
    const found: Record<string, string> = {};
    const parsed = personSchema().safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const { field, message } = describeIssue(issue, input);
        found[field || 'name'] ??= message;
      }
    }
    if (person === null && input.id !== '' && takenIds.has(input.id)) found.id ??= t('idTaken', shortText(input.id, 60));
    setErrors(found);
    setFailure(undefined);
    if (!parsed.success || Object.keys(found).length > 0) {
      const firstBad = [...TEXT_FIELDS.map((f) => f.name as string), ...TIME_INPUTS.map((f) => f.name as string), ...handleKeys.map((k) => `handles.${k}`)].find((name) => found[name]);
      if (firstBad) form.current?.querySelector<HTMLElement>(`#${CSS.escape(fieldId(firstBad))}`)?.focus();
      return;
    }
    setSaving(true);
    onSave(parsed.data).then(
      () => {
        setSaving(false);
        onClose();
      },
      (error: unknown) => {
        setSaving(false);
        setFailure(error instanceof Error ? error.message : String(error));
      },
    );
  };

  const field = (name: string, label: string, options: { type?: string; readOnly?: boolean; help?: string; list?: string } = {}) => {
    const id = fieldId(name);
    const error = errors[name];
    const describedBy = [options.help ? `${id}-help` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          name={name}
          type={options.type ?? 'text'}
          value={draft[name] ?? ''}
          readOnly={options.readOnly}
          list={options.list}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          dir="auto"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setDraft((d) => ({ ...d, [name]: e.target.value }))}
        />
        {options.help && (
          <p className="muted small" id={`${id}-help`}>
            {options.help}
          </p>
        )}
        {error && (
          <p className="error small" id={`${id}-error`}>
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <dialog ref={dialog} className="person-dialog" aria-labelledby={headingId} onClose={closed}>
      <form ref={form} onSubmit={submit} noValidate>
        <h3 id={headingId} className="clip">
          {person ? <Message id="editPersonTitle" values={[<bdi key="name">{shortText(person.name, 120)}</bdi>]} /> : t('addPersonTitle')}
        </h3>
        <div className="person-form">
          {TEXT_FIELDS.map((f) =>
            field(f.name, t(f.label), {
              type: f.name === 'email' ? 'email' : 'text',
              readOnly: f.name === 'id' && person !== null,
              ...(f.name === 'id' ? { help: t(person ? 'idCannotChange' : 'idHelp') } : {}),
            }),
          )}
          <fieldset className="handles">
            <legend>{t('timeAndHours')}</legend>
            {TIME_INPUTS.map((f) => field(f.name, t(f.label), { help: t(f.help), ...(f.name === 'timeZone' ? { list: `${idPrefix}-zones` } : {}) }))}
            <datalist id={`${idPrefix}-zones`}>
              {knownZones().map((zone) => (
                <option key={zone} value={zone} />
              ))}
            </datalist>
          </fieldset>
          <fieldset className="handles">
            <legend>{t('handlesLegend')}</legend>
            {handleKeys.map((key) => field(`handles.${key}`, t('toolHandles', handleKeyLabel(key))))}
            <div className="add-instance">
              <label htmlFor={`${idPrefix}-instance`}>{t('selfHostedInstance')}</label>
              <input
                id={`${idPrefix}-instance`}
                value={newKey}
                placeholder="gitlab:gitlab.acme.internal"
                aria-describedby={newKeyProblem ? `${idPrefix}-instance-problem` : undefined}
                onChange={(e) => setNewKey(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    addInstance();
                  }
                }}
              />
              <button type="button" onClick={addInstance}>
                {t('addInstance')}
              </button>
              {newKeyProblem && (
                <p id={`${idPrefix}-instance-problem`} role="alert" className="error">
                  {newKeyProblem}
                </p>
              )}
            </div>
          </fieldset>
        </div>
        {Object.keys(errors).length > 0 && (
          <p role="alert" className="error">
            {tn('fieldsNeedFixing', Object.keys(errors).length)}
          </p>
        )}
        {failure && (
          <p role="alert" className="error">
            {t('couldNotSave', failure)}
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={saving}>
            {saving ? t('saving') : t('save')}
          </button>
          <button type="button" onClick={onClose} disabled={saving}>
            {t('cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
