/** The web app's copies of the offices-and-people enumerations equal the server's, and every label exists in both languages. */
import { describe, expect, it } from 'vitest';
import { ABSENCE_KINDS as SERVER_KINDS } from '../../../../modules/remote-work/offices/offices.repo.js';
import { IMPORT_COLUMNS as SERVER_COLUMNS, MAX_IMPORT_BYTES as SERVER_MAX, REQUIRED_COLUMNS as SERVER_REQUIRED } from '../../../../modules/remote-work/offices/employee-csv.js';
import { ABSENCE_KINDS, IMPORT_COLUMNS, MAX_IMPORT_BYTES, REQUIRED_COLUMNS } from './types.js';
import { remoteWorkOfficesIt } from './messages.it.js';
import { remoteWorkOfficesEn } from './messages.en.js';

describe('offices-and-people web contract', () => {
  it('has the server’s absence kinds, import columns and size limit', () => {
    expect([...ABSENCE_KINDS]).toEqual([...SERVER_KINDS]);
    expect([...IMPORT_COLUMNS]).toEqual([...SERVER_COLUMNS]);
    expect([...REQUIRED_COLUMNS]).toEqual([...SERVER_REQUIRED]);
    expect(MAX_IMPORT_BYTES).toBe(SERVER_MAX);
  });

  it('labels every absence kind, import column and weekday in Italian and English', () => {
    const keys = [...ABSENCE_KINDS.map((k) => `rwo.absence.kind.${k}`), ...IMPORT_COLUMNS.map((c) => `rwo.import.col.${c}`), ...[1, 2, 3, 4, 5, 6, 7].flatMap((d) => [`rwo.weekday.${d}`, `rwo.weekdayShort.${d}`])];
    for (const k of keys) {
      expect((remoteWorkOfficesIt as Record<string, string>)[k], k).toBeTruthy();
      expect((remoteWorkOfficesEn as Record<string, string>)[k], k).toBeTruthy();
    }
  });
});
