import { useId, useState, type ReactNode } from 'react';
import { FEATURE_CATALOG, type FeatureId } from '@/lib/features/catalog';
import { formatList, t, type MessageKey } from '@/lib/i18n/t';
import { liveSearchOn } from '@/lib/search/live/sources';
import { resetUserSettings, saveUserSettings, type SettingKey, type Settings, type SettingsSnapshot } from '@/lib/settings';
import { TOOL_IDS, TOOL_NAMES } from '@/lib/tools/tool-ids';
import { Message } from './Message';

const FEATURE_TEXT: Record<FeatureId, MessageKey> = {
  'person-cards': 'featurePersonCards',
  'mention-translation': 'featureMentionTranslation',
  'working-hours-hint': 'featureWorkingHoursHint',
  'thank-buttons': 'featureThankButtons',
  'private-warning': 'featurePrivateWarning',
  'archive-nudge': 'featureArchiveNudge',
  'page-capture': 'featurePageCapture',
};

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l !== '');

interface FieldProps<K extends SettingKey> {
  snapshot: SettingsSnapshot;
  name: K;
  label: string;
  help: string;
  children: (props: { id: string; value: Settings[K]; disabled: boolean; save: (value: Settings[K]) => void }) => ReactNode;
}

/** One setting: its control, its help, and "Set by your organization" when policy owns it. */
function Field<K extends SettingKey>({ snapshot, name, label, help, children }: FieldProps<K>) {
  const id = useId();
  const [problem, setProblem] = useState<string>();
  const locked = Object.hasOwn(snapshot.managed, name);
  const overridden = !locked && Object.hasOwn(snapshot.user, name);
  const save = (value: Settings[K]) => {
    saveUserSettings({ [name]: value } as Partial<Settings>).then(
      () => setProblem(undefined),
      (error: unknown) => setProblem(error instanceof Error ? error.message : String(error)),
    );
  };
  return (
    <div className="field" data-setting={name} data-locked={locked}>
      <label htmlFor={id}>{label}</label>
      {children({ id, value: snapshot.effective[name], disabled: locked, save })}
      <p className="muted" id={`${id}-help`}>
        {help}
      </p>
      {locked && <p className="locked">{t('setByOrg')}</p>}
      {overridden && (
        <button type="button" className="link" onClick={() => void resetUserSettings([name])}>
          {t('resetToDefault')}
        </button>
      )}
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}

/** A text field that saves when the user leaves it or presses Enter, so typing never saves half a URL. */
function TextSetting(props: { id: string; value: string; disabled: boolean; type?: string; save: (v: string) => void }) {
  const [draft, setDraft] = useState(props.value);
  return (
    <input
      id={props.id}
      type={props.type ?? 'text'}
      value={props.disabled ? props.value : draft}
      disabled={props.disabled}
      aria-describedby={`${props.id}-help`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => draft !== props.value && props.save(draft.trim())}
      onKeyDown={(e) => e.key === 'Enter' && props.save(draft.trim())}
    />
  );
}

function LinesSetting(props: { id: string; value: string[]; disabled: boolean; save: (v: string[]) => void }) {
  const [draft, setDraft] = useState(props.value.join('\n'));
  return (
    <textarea
      id={props.id}
      rows={3}
      value={props.disabled ? props.value.join('\n') : draft}
      disabled={props.disabled}
      aria-describedby={`${props.id}-help`}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => props.save(lines(draft))}
    />
  );
}

/**
 * One checkbox per feature ("on" when not switched off). Ids a policy names that this version does
 * not know are listed too, so an admin's typo is visible rather than silently ignored.
 */
function FeatureToggles(props: { id: string; value: string[]; disabled: boolean; save: (v: string[]) => void }) {
  const known = new Set<string>(FEATURE_CATALOG.map((f) => f.id));
  const unknown = props.value.filter((id) => !known.has(id));
  const set = (featureId: string, on: boolean) =>
    props.save(on ? props.value.filter((v) => v !== featureId) : [...props.value, featureId]);
  return (
    <fieldset id={props.id} className="feature-toggles" aria-label={t('featuresLabel')} aria-describedby={`${props.id}-help`}>
      {FEATURE_CATALOG.map((feature) => (
        <label key={feature.id} data-feature={feature.id}>
          <input
            type="checkbox"
            checked={!props.value.includes(feature.id)}
            disabled={props.disabled}
            onChange={(e) => set(feature.id, e.target.checked)}
          />{' '}
          <code>{feature.id}</code>: {t(FEATURE_TEXT[feature.id])}
        </label>
      ))}
      {unknown.length > 0 && <p className="error">{t('unknownFeatures', formatList(unknown, 'unit'))}</p>}
    </fieldset>
  );
}

/** One checkbox per tool: whether the popup also asks that tool's own search, with the user's session. */
function LiveSearchToggles(props: { id: string; value: Settings['liveSearch']; disabled: boolean; save: (v: Settings['liveSearch']) => void }) {
  return (
    <fieldset id={props.id} className="feature-toggles" aria-label={t('liveSearchLabel')} aria-describedby={`${props.id}-help`}>
      {TOOL_IDS.map((tool) => (
        <label key={tool} data-live-tool={tool}>
          <input
            type="checkbox"
            checked={liveSearchOn(tool, props.value)}
            disabled={props.disabled}
            onChange={(e) => props.save({ ...props.value, [tool]: e.target.checked })}
          />{' '}
          {TOOL_NAMES[tool]}
        </label>
      ))}
    </fieldset>
  );
}

export function SettingsPanel({ snapshot }: { snapshot: SettingsSnapshot }) {
  return (
    <div className="settings">
      {snapshot.problems.length > 0 && (
        <ul role="alert" className="error" data-testid="settings-problems">
          {snapshot.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <Field snapshot={snapshot} name="privateWarning" label={t('setPrivateWarning')} help={t('helpPrivateWarning')}>
        {({ id, value, disabled, save }) => (
          <select id={id} value={value} disabled={disabled} onChange={(e) => save(e.target.value as Settings['privateWarning'])}>
            <option value="off">{t('optDoNothing')}</option>
            <option value="warn">{t('optWarn')}</option>
            <option value="confirm">{t('optConfirm')}</option>
          </select>
        )}
      </Field>
      <Field snapshot={snapshot} name="privateWarningUnknown" label={t('setWarnUnknown')} help={t('helpWarnUnknown')}>
        {({ id, value, disabled, save }) => (
          <input id={id} type="checkbox" checked={value} disabled={disabled} onChange={(e) => save(e.target.checked)} />
        )}
      </Field>
      <Field snapshot={snapshot} name="privateReasons" label={t('setPrivateReasons')} help={t('helpOnePerLine')}>
        {(p) => <LinesSetting key={p.value.join('\n')} {...p} />}
      </Field>
      <Field snapshot={snapshot} name="archiveNudge" label={t('setArchiveNudge')} help={t('helpArchiveNudge')}>
        {({ id, value, disabled, save }) => (
          <input id={id} type="checkbox" checked={value} disabled={disabled} onChange={(e) => save(e.target.checked)} />
        )}
      </Field>
      <Field snapshot={snapshot} name="directoryUrl" label={t('setDirectoryUrl')} help={t('helpDirectoryUrl')}>
        {(p) => <TextSetting key={p.value} {...p} type="url" />}
      </Field>
      <Field snapshot={snapshot} name="directoryToken" label={t('setDirectoryToken')} help={t('helpDirectoryToken')}>
        {(p) => <TextSetting key={p.value} {...p} type="password" />}
      </Field>
      <Field snapshot={snapshot} name="directoryRefreshMinutes" label={t('setRefreshMinutes')} help={t('helpRefreshMinutes')}>
        {({ id, value, disabled, save }) => (
          <input id={id} type="number" min={5} max={10080} defaultValue={value} key={value} disabled={disabled} onBlur={(e) => save(Number(e.target.value))} />
        )}
      </Field>
      <Field snapshot={snapshot} name="helpdeskUrl" label={t('setHelpdesk')} help={t('helpHelpdesk')}>
        {(p) => <TextSetting key={p.value} {...p} type="url" />}
      </Field>
      <Field snapshot={snapshot} name="kudosWebhookUrl" label={t('setWebhook')} help={t('helpWebhook')}>
        {(p) => <TextSetting key={p.value} {...p} type="url" />}
      </Field>
      <Field snapshot={snapshot} name="captureExclude" label={t('setCaptureExclude')} help={t('helpCaptureExclude', 'https://github.com/acme/secret/*')}>
        {(p) => <LinesSetting key={p.value.join('\n')} {...p} />}
      </Field>
      <Field
        snapshot={snapshot}
        name="liveSearch"
        label={t('setLiveSearch')}
        help={t('helpLiveSearch')}
      >
        {(p) => <LiveSearchToggles {...p} />}
      </Field>
      <Field snapshot={snapshot} name="disabledFeatures" label={t('setDisabledFeatures')} help={t('helpDisabledFeatures')}>
        {(p) => <FeatureToggles {...p} />}
      </Field>
      <p className="muted">
        <Message id="selfHostedUnder" values={[<a key="tools" href="#tools">{t('sectionTools')}</a>]} />
      </p>
    </div>
  );
}
