import { describe, expect, it } from 'vitest';
import { ImportError, MAX_FILE_BYTES, readSpreadsheet } from '../../../shared/import';
import { buildEmptyWorkbook, buildXlsx, utf8 } from './fixtures';

/** The ImportError a read fails with (the test fails if it succeeds or fails otherwise). */
async function failure(bytes: Uint8Array, name: string): Promise<ImportError> {
  const error: unknown = await readSpreadsheet(bytes, name).then(
    () => new Error('the file was read'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportError);
  if (!(error instanceof ImportError)) throw error;
  expect(error.message).not.toMatch(/JSZip|zip:|central directory|undefined|\n\s+at /i);
  return error;
}

function randomBytes(length: number, seed = 7): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = (x >> 16) & 0xff;
  }
  return bytes;
}

describe('files Fieldwork cannot read', () => {
  it('random bytes', async () => {
    const error = await failure(randomBytes(4096), 'controls.xlsx');
    expect(error.message).toMatch(/^This file is not a spreadsheet Fieldwork can read/);
    expect(error.message).toMatch(/Choose an Excel workbook \(\.xlsx\) or a CSV file/);
  });

  it('an image, even when named .csv', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...randomBytes(100)]);
    expect((await failure(png, 'controls.csv')).message).toMatch(/not a spreadsheet .*\(it is an image\)/);
  });

  it('a text file pretending to be .xlsx', async () => {
    const error = await failure(utf8('Ref,Description\nAC-01,x\n'), 'controls.xlsx');
    expect(error.message).toMatch(/named \.xlsx but is not an Excel workbook/);
    expect(error.message).toMatch(/rename it to \.csv/);
  });

  it('an old .xls or a password-protected workbook (OLE2)', async () => {
    const ole2 = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...randomBytes(1000)]);
    const error = await failure(ole2, 'controls.xlsx');
    expect(error.message).toMatch(/older Excel workbook \(\.xls\) or a password-protected workbook/);
    expect(error.message).toMatch(/save it as \.xlsx \(Excel Workbook\) without a password and try again/);
  });

  it('a truncated workbook', async () => {
    const bytes = await buildXlsx([
      {
        name: 'S',
        rows: [
          ['Ref', 'Description'],
          ['AC-01', 'x'],
        ],
      },
    ]);
    for (const cut of [bytes.length - 30, Math.floor(bytes.length / 2), 200]) {
      const error = await failure(bytes.slice(0, cut), 'controls.xlsx');
      expect(error.message).toMatch(
        /not a spreadsheet Fieldwork can read \(the workbook is damaged or incomplete\)/,
      );
    }
  });

  it('a corrupted workbook keeps the technical cause for logs', async () => {
    const bytes = await buildXlsx([{ name: 'S', rows: [['Ref']] }]);
    const broken = bytes.slice();
    broken.fill(0x41, 60, 400);
    const error = await failure(broken, 'controls.xlsx');
    expect(error.message).toMatch(/damaged or incomplete/);
    expect(error.cause).toBeDefined();
  });

  it('a workbook without sheets, or with only empty sheets', async () => {
    expect((await failure(await buildEmptyWorkbook(), 'c.xlsx')).message).toMatch(
      /no data: all of its sheets are empty/,
    );
    const blank = await buildXlsx([
      { name: 'A', rows: [] },
      { name: 'B', rows: [[null, '  ']] },
    ]);
    expect((await failure(blank, 'c.xlsx')).message).toMatch(/no data/);
  });

  it('an empty file and an empty CSV', async () => {
    expect((await failure(new Uint8Array(), 'c.csv')).message).toMatch(/This file is empty/);
    expect((await failure(utf8('\n\n ,, \n'), 'c.csv')).message).toMatch(/This file has no data/);
  });

  it('a zip that is not a workbook', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('word/document.xml'), ...randomBytes(200)]);
    expect((await failure(zip, 'c.docx')).message).toMatch(/zip archive, such as a Word document/);
  });

  it('a file over 50 MB', async () => {
    const error = await failure(new Uint8Array(MAX_FILE_BYTES + 1), 'big.csv');
    expect(error.message).toMatch(/This file is 50\.0 MB; Fieldwork imports spreadsheets of up to 50 MB/);
  });

  it('a sheet over 20,000 rows', async () => {
    const text = `Ref,Description\n${Array.from({ length: 20_000 }, (_, i) => `C-${i},x`).join('\n')}\n`;
    const error = await failure(utf8(text), 'huge.csv');
    expect(error.message).toMatch(/Sheet "huge" has 20,001 rows; Fieldwork imports at most 20,000 rows/);
  });
});
