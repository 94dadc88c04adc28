import { describe, expect, it } from 'vitest';
import { personProblem, personRow, validPersons } from './persons';

describe('validPersons', () => {
  const rows = [
    personRow({ name: ' Ms. Lina Haddad ', function: ' Permanent Representative ', head: true }),
    personRow({ name: '  ', function: 'Adviser' }),
    personRow({ name: 'ms. lina haddad', function: 'a second Lina' }),
    personRow({ name: 'Mr. Karim Ben Salah', head: true }),
  ];

  it('flags blank and repeated names (ignoring case)', () => {
    expect(rows.map((_, i) => personProblem(rows, i))).toEqual([null, 'blank', 'duplicate', null]);
  });

  it('trims, leaves out flagged rows and keeps only the first head', () => {
    expect(validPersons(rows)).toEqual([
      { name: 'Ms. Lina Haddad', function: 'Permanent Representative', head: true },
      { name: 'Mr. Karim Ben Salah' },
    ]);
  });

  it('keeps a later head when the first head row is left out', () => {
    const list = [personRow({ name: '', head: true }), personRow({ name: 'Ms. Ana Ruiz', head: true })];
    expect(validPersons(list)).toEqual([{ name: 'Ms. Ana Ruiz', head: true }]);
  });
});
