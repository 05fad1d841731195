/**
 * Release notes shown once after an update, newest first. A release adds one entry here; the
 * "What's new" page lists the entries newer than the version the user had.
 */
export interface ReleaseNotes {
  version: string;
  notes: readonly string[];
}

export const RELEASES: readonly ReleaseNotes[] = [
  {
    version: '0.1.0',
    notes: [
      'Person cards on every @-mention, resolved against your organisation’s directory.',
      'Mention translation: type @ and a name in any composer to insert that person’s handle for this tool.',
      'Options → Tools lists each tool’s self-hosted instances, and whether Daylight found the tool there on your last visit.',
    ],
  },
];

/** Compare dotted versions numerically (`0.10.0` is newer than `0.9.1`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** The releases after `previous`, up to and including `current`, newest first. */
export function releasesSince(previous: string, current: string): ReleaseNotes[] {
  return RELEASES.filter((r) => compareVersions(r.version, previous) > 0 && compareVersions(r.version, current) <= 0);
}
