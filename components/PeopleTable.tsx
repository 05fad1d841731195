import type { StoredPerson } from '@/lib/db';
import { TOOL_IDS, TOOL_NAMES } from '@/lib/tools/tool-ids';

/** The directory as a plain table; names and handles render as text, never as HTML. */
export function PeopleTable({ people }: { people: StoredPerson[] }) {
  if (people.length === 0) return <p className="muted">No one in the directory yet.</p>;
  return (
    <table aria-label="People">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Team</th>
          {TOOL_IDS.map((tool) => (
            <th scope="col" key={tool}>
              {TOOL_NAMES[tool]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {people.map((person) => (
          <tr key={person.id} data-person={person.id}>
            <td>
              <bdi>{person.name}</bdi>
              {person.title && <div className="muted">{person.title}</div>}
            </td>
            <td>{person.team}</td>
            {TOOL_IDS.map((tool) => {
              const value = person.handles[tool];
              return <td key={tool}>{Array.isArray(value) ? value.join(', ') : value}</td>;
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
