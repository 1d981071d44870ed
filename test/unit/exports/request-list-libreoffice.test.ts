/**
 * The exported file as LibreOffice reads it: the conversion must succeed without repair, and every request
 * row must show exactly the text typed, hostile and non-ASCII text included. Needs `soffice`
 * (Debian: libreoffice-calc-nogui).
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../shared/formats/csv';
import { readReturnedRequestList } from '../../../shared/exports/request-list';
import { convert, CSV_FILTER, hasLibreOffice, XLSX_FILTER } from './libreoffice';
import { exportFixture, HOSTILE, makeFixture } from './request-list-fixture';

const SKIP_REASON = 'LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui';

// CI installs LibreOffice (.ci/run) and sets FIELDWORK_REQUIRE_LIBREOFFICE, so there the test can never be skipped.
if (!hasLibreOffice && process.env.FIELDWORK_REQUIRE_LIBREOFFICE) throw new Error(SKIP_REASON);

describe.skipIf(!hasLibreOffice)(
  `request list in LibreOffice${hasLibreOffice ? '' : ` (skipped: ${SKIP_REASON})`}`,
  () => {
    it('converts to CSV showing every request row exactly as typed', async () => {
      const fixture = makeFixture();
      const files = convert(await exportFixture(fixture), 'xlsx', CSV_FILTER);
      const csv = files.get('input-Requests.csv');
      expect(csv, [...files.keys()].join(', ')).toBeDefined();
      const rows = parseCsv(new TextDecoder('utf-8', { fatal: true }).decode(csv));
      const header = rows.findIndex((r) => r[0] === 'Request #');
      const byNumber = new Map(
        rows
          .slice(header + 1)
          .filter((r) => r[0])
          .map((r) => [r[0], r]),
      );
      expect([...byNumber.keys()]).toEqual([
        'PBC-001',
        'PBC-002',
        'PBC-003',
        'PBC-004',
        'PBC-005',
        'PBC-006',
        'PBC-008',
      ]);
      expect(byNumber.get('PBC-001')).toEqual([
        'PBC-001',
        'Information security policy',
        'The current policy, its approval by management and the date it was last reviewed.',
        'Policy / document',
        'CC6.1-01, CC6.2-01',
        'Jordan Lee',
        'Sam Ortega',
        '2026-02-02',
        '2026-03-13',
        'Overdue',
        'Normal',
        'Open',
        '',
        '',
      ]);
      expect(byNumber.get('PBC-002')?.slice(2, 3)).toEqual([
        `System-generated list of everyone hired 2026-01-01 to 2026-09-30, with the query used.\nOffice: ${HOSTILE.polish}`,
      ]);
      expect(byNumber.get('PBC-003')?.[13]).toBe('2026-03-18');
      expect(byNumber.get('PBC-004')?.[2]).toBe(HOSTILE.formula);
      expect(byNumber.get('PBC-004')?.[12]).toBe(HOSTILE.minus);
      expect(byNumber.get('PBC-005')?.slice(1, 3)).toEqual([HOSTILE.plus, HOSTILE.at]);
      expect(byNumber.get('PBC-005')?.[5]).toBe(HOSTILE.tab);
      expect(byNumber.get('PBC-005')?.[12]).toBe(HOSTILE.cr);
      expect(byNumber.get('PBC-006')?.slice(1, 3)).toEqual([HOSTILE.zeros, HOSTILE.dateLike]);
      expect(byNumber.get('PBC-006')?.[6]).toBe(HOSTILE.escapeLike);
      expect(byNumber.get('PBC-002')?.[5]).toBe(HOSTILE.polish);
    });

    it('reads back a file saved by LibreOffice with nothing to import', async () => {
      const fixture = makeFixture();
      const files = convert(await exportFixture(fixture), 'xlsx', XLSX_FILTER);
      const saved = files.get('input.xlsx');
      expect(saved).toBeDefined();
      const result = await readReturnedRequestList(new Uint8Array(saved ?? []), {
        engagementId: fixture.engagement.id,
        requests: fixture.requests,
        controls: fixture.controls,
      });
      expect(result).toMatchObject({
        warnings: [],
        updates: [],
        clientEdits: [],
        problems: [],
        rowsMatched: 7,
      });
      expect(result.exportedAt).toBe('2026-03-20T14:05:00.000Z');
    });
  },
);
