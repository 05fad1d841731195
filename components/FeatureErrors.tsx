import type { FeatureErrorRecord } from '@/lib/db';
import { formatDateTime, t } from '@/lib/i18n/t';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';

/** Features that failed on a page, newest first: what a user or admin needs to report a broken tool. */
export function FeatureErrors({ errors }: { errors: FeatureErrorRecord[] }) {
  if (errors.length === 0) return <p className="muted">{t('noFeatureFailed')}</p>;
  return (
    <table aria-label={t('featureErrorsLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('colWhen')}</th>
          <th scope="col">{t('colFeature')}</th>
          <th scope="col">{t('colTool')}</th>
          <th scope="col">{t('colPage')}</th>
          <th scope="col">{t('colError')}</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr key={e.seq}>
            <td>{formatDateTime(e.at)}</td>
            <td>{e.featureId}</td>
            <td>{TOOL_NAMES[e.tool]}</td>
            <td>
              <bdi>{e.page}</bdi>
            </td>
            <td>
              <bdi>{e.message}</bdi>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
