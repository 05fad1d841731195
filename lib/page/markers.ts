import type { PageKind, Place } from '../tools/page';
import type { ToolId } from '../tools/tool-ids';

/** Page markers on `<html>` (docs/contract.md section 2): the stable hooks for tests, support and other extensions. */
export const PAGE_MARKERS = {
  tool: 'data-daylight-tool',
  kind: 'data-daylight-kind',
  place: 'data-daylight-place',
} as const;
export const PAGE_MARKER_NAMES: string[] = Object.values(PAGE_MARKERS);

export interface PageMarkers {
  tool: ToolId;
  kind: PageKind;
  place: Place;
}

/** Write the markers, touching only attributes whose value differs (so observers see no churn). */
export function writePageMarkers(root: Element, markers: PageMarkers): boolean {
  let changed = false;
  for (const key of Object.keys(PAGE_MARKERS) as Array<keyof PageMarkers>) {
    const name = PAGE_MARKERS[key];
    if (root.getAttribute(name) !== markers[key]) {
      root.setAttribute(name, markers[key]);
      changed = true;
    }
  }
  return changed;
}

export function clearPageMarkers(root: Element): void {
  for (const name of PAGE_MARKER_NAMES) root.removeAttribute(name);
}
