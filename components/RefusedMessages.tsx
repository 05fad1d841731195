import { useEffect, useState } from 'react';
import { refusalsItem, type Refusal } from '@/lib/refused-messages';
import { formatDateTime, t } from '@/lib/i18n/t';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';

/**
 * Messages the background refused because a tab named what is not its own (another site, another
 * tool, a javascript: link): a sign of a hostile or broken page, kept for an admin to see.
 */
export function RefusedMessages() {
  const [refusals, setRefusals] = useState<Refusal[]>();
  useEffect(() => {
    void refusalsItem().getValue().then(setRefusals);
    return refusalsItem().watch((next) => setRefusals(next));
  }, []);
  if (refusals === undefined) return null;
  if (refusals.length === 0) return <p className="muted">{t('noRefusals')}</p>;
  return (
    <table aria-label={t('refusedLabel')}>
      <thead>
        <tr>
          <th scope="col">{t('colWhen')}</th>
          <th scope="col">{t('colMessage')}</th>
          <th scope="col">{t('colTool')}</th>
          <th scope="col">{t('colPage')}</th>
          <th scope="col">{t('colWhy')}</th>
        </tr>
      </thead>
      <tbody>
        {refusals.map((r, i) => (
          <tr key={`${r.at}-${i}`}>
            <td>{formatDateTime(r.at)}</td>
            <td>{r.type}</td>
            <td>{TOOL_NAMES[r.tool]}</td>
            <td>
              <bdi>{r.page}</bdi>
            </td>
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
