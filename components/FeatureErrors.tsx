import type { FeatureErrorRecord } from '@/lib/db';
import { TOOL_NAMES } from '@/lib/tools/tool-ids';

/** Features that failed on a page, newest first: what a user or admin needs to report a broken tool. */
export function FeatureErrors({ errors }: { errors: FeatureErrorRecord[] }) {
  if (errors.length === 0) return <p className="muted">No feature has failed on any page.</p>;
  return (
    <table aria-label="Feature errors">
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Feature</th>
          <th scope="col">Tool</th>
          <th scope="col">Page</th>
          <th scope="col">Error</th>
        </tr>
      </thead>
      <tbody>
        {errors.map((e) => (
          <tr key={e.seq}>
            <td>{new Date(e.at).toLocaleString()}</td>
            <td>{e.featureId}</td>
            <td>{TOOL_NAMES[e.tool]}</td>
            <td>{e.page}</td>
            <td>{e.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
