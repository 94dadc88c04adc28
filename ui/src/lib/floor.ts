// What was said besides the speakers list, as FloorEditor.svelte edits it: positions of grouped speakers
// ("Several delegations welcomed…"), podium remarks and announcements. The rows hold what is typed; what the
// store can take (the `set_floor` edit, which writes the three lists whole) is decided here, apart from the
// component: a row missing what the record requires is flagged and left out, the rest saved trimmed.

import type { Announcement } from '../bindings/Announcement';
import type { Holders } from '../bindings/Holders';
import type { Position } from '../bindings/Position';
import type { Remark } from '../bindings/Remark';
import type { RemarkKind } from '../bindings/RemarkKind';

export const HOLDERS: Holders[] = [
  'one_delegation',
  'some_delegations',
  'several_delegations',
  'many_delegations',
  'speakers',
  'several_speakers',
];
export const REMARK_KINDS: RemarkKind[] = ['opening', 'answer', 'closing', 'other'];

export interface PositionRow {
  holders: Holders;
  text: string;
  agenda_item: string;
}
export interface RemarkRow {
  kind: RemarkKind;
  by: string;
  person: string;
  in_reply_to: string;
  agenda_item: string;
  summary: string;
}
export interface AnnouncementRow {
  by: string;
  text: string;
  agenda_item: string;
}
export interface FloorRows {
  positions: PositionRow[];
  remarks: RemarkRow[];
  announcements: AnnouncementRow[];
}
export interface Floor {
  positions: Position[];
  remarks: Remark[];
  announcements: Announcement[];
}

export const positionRow = (p?: Position): PositionRow => ({
  holders: p?.holders ?? 'several_delegations',
  text: p?.text ?? '',
  agenda_item: p?.agenda_item ?? '',
});
export const remarkRow = (r?: Remark): RemarkRow => ({
  kind: r?.kind ?? 'opening',
  by: r?.by ?? '',
  person: r?.person ?? '',
  in_reply_to: r?.in_reply_to ?? '',
  agenda_item: r?.agenda_item ?? '',
  summary: r?.summary ?? '',
});
export const announcementRow = (a?: Announcement): AnnouncementRow => ({
  by: a?.by ?? '',
  text: a?.text ?? '',
  agenda_item: a?.agenda_item ?? '',
});

/** The rows of a record's floor, as the editor starts from them. */
export function floorRows(f: Partial<Floor>): FloorRows {
  return {
    positions: (f.positions ?? []).map(positionRow),
    remarks: (f.remarks ?? []).map(remarkRow),
    announcements: (f.announcements ?? []).map(announcementRow),
  };
}

const opt = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Which field of a remark keeps it from being saved: who spoke, or (an answer) the intervention answered,
 *  which must be one of `ids`. */
export function remarkProblem(r: RemarkRow, ids: ReadonlySet<string>): 'by' | 'in_reply_to' | null {
  if (r.by.trim() === '') return 'by';
  if (r.kind === 'answer' && !ids.has(r.in_reply_to)) return 'in_reply_to';
  return null;
}

/** Whether a position's or an announcement's text, which the record requires, is blank. */
export const textMissing = (r: { text: string }) => r.text.trim() === '';

/** The lists the store can take: flagged rows left out, texts trimmed, blanks as absent; an answer keeps the
 *  intervention it answers, other remarks none. `ids`: the interventions' ids. */
export function validFloor(rows: FloorRows, ids: ReadonlySet<string>): Floor {
  return {
    positions: rows.positions
      .filter((p) => !textMissing(p))
      .map((p) => ({ holders: p.holders, text: p.text.trim(), agenda_item: opt(p.agenda_item) })),
    remarks: rows.remarks
      .filter((r) => remarkProblem(r, ids) === null)
      .map((r) => ({
        kind: r.kind,
        by: r.by.trim(),
        person: opt(r.person),
        in_reply_to: r.kind === 'answer' ? r.in_reply_to : undefined,
        agenda_item: opt(r.agenda_item),
        summary: r.summary.trim(),
      })),
    announcements: rows.announcements
      .filter((a) => !textMissing(a))
      .map((a) => ({ by: opt(a.by), text: a.text.trim(), agenda_item: opt(a.agenda_item) })),
  };
}

/** Moves `list[i]` by `by` places (−1 up, +1 down), in place; false when it would leave the list. */
export function moveRow<T>(list: T[], i: number, by: number): boolean {
  const j = i + by;
  if (j < 0 || j >= list.length || i === j) return false;
  const [row] = list.splice(i, 1);
  list.splice(j, 0, row);
  return true;
}
