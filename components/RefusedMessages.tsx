import { useEffect, useState } from 'react';
import { refusalsItem, type Refusal } from '@/lib/refused-messages';
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
  if (refusals.length === 0) return <p className="muted">No page has sent Daylight what was not its own.</p>;
  return (
    <table aria-label="Refused messages">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Message</th>
          <th scope="col">Tool</th>
          <th scope="col">Page</th>
          <th scope="col">Why</th>
        </tr>
      </thead>
      <tbody>
        {refusals.map((r, i) => (
          <tr key={`${r.at}-${i}`}>
            <td>{new Date(r.at).toLocaleString()}</td>
            <td>{r.type}</td>
            <td>{TOOL_NAMES[r.tool]}</td>
            <td>{r.page}</td>
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
