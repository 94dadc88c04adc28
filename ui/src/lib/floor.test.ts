import { describe, expect, it } from 'vitest';
import { announcementRow, floorRows, moveRow, positionRow, remarkProblem, remarkRow, validFloor } from './floor';

const ids = new Set(['aut-eu', 'iv2']);

describe('validFloor', () => {
  it('leaves out rows missing what the record requires, and trims the rest', () => {
    const rows = {
      positions: [
        positionRow({ holders: 'speakers', text: ' called for negotiations ', agenda_item: ' 1 ' }),
        positionRow(),
      ],
      remarks: [
        remarkRow({ kind: 'opening', by: ' the President ', summary: ' Welcome. ', in_reply_to: 'aut-eu' }),
        remarkRow({ kind: 'answer', by: 'the President', summary: '' }),
        remarkRow({ kind: 'closing', by: ' ', summary: 'Closing.' }),
        { ...remarkRow({ kind: 'answer', by: 'the President', summary: 'Yes.' }), in_reply_to: 'iv2', person: ' ' },
      ],
      announcements: [announcementRow({ text: 'the plan would be released', by: ' ' }), announcementRow()],
    };
    expect(validFloor(rows, ids)).toEqual({
      positions: [{ holders: 'speakers', text: 'called for negotiations', agenda_item: '1' }],
      remarks: [
        { kind: 'opening', by: 'the President', summary: 'Welcome.' },
        { kind: 'answer', by: 'the President', in_reply_to: 'iv2', summary: 'Yes.' },
      ].map((r) => ({ person: undefined, agenda_item: undefined, in_reply_to: undefined, ...r })),
      announcements: [{ by: undefined, text: 'the plan would be released', agenda_item: undefined }],
    });
  });

  it('says which field keeps a remark out', () => {
    expect(remarkProblem(remarkRow(), ids)).toBe('by');
    expect(remarkProblem({ ...remarkRow(), by: 'Chair', kind: 'answer', in_reply_to: 'gone' }, ids)).toBe(
      'in_reply_to',
    );
    expect(remarkProblem({ ...remarkRow(), by: 'Chair', kind: 'other', in_reply_to: 'gone' }, ids)).toBeNull();
  });

  it('round-trips a stored floor unchanged', () => {
    const floor = {
      positions: [{ holders: 'several_delegations' as const, text: 'welcomed it', agenda_item: '1' }],
      remarks: [{ kind: 'answer' as const, by: 'the President', in_reply_to: 'aut-eu', summary: 'Soon.' }],
      announcements: [{ by: 'the secretariat', text: 'it would open' }],
    };
    expect(JSON.parse(JSON.stringify(validFloor(floorRows(floor), ids)))).toEqual(floor);
  });
});

describe('moveRow', () => {
  it('moves a row up or down and refuses to leave the list', () => {
    const list = ['a', 'b', 'c'];
    expect(moveRow(list, 2, -1)).toBe(true);
    expect(list).toEqual(['a', 'c', 'b']);
    expect(moveRow(list, 0, -1)).toBe(false);
    expect(moveRow(list, 2, 1)).toBe(false);
    expect(list).toEqual(['a', 'c', 'b']);
  });
});
