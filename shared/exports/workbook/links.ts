/**
 * Links between the workbook's sheets, written as Excel itself writes them.
 *
 * exceljs 4.4 writes a link to `#'Tests'!A12` both as an external relationship (target `#'Tests'!A12`)
 * and as a `location`, and spreadsheet programs join the two: LibreOffice opens such a link as
 * `<this file>#'Tests'!A12##'Tests'!A12`, which goes nowhere, and Excel is reported to do the same
 * (exceljs issue #3027). A link inside the workbook needs only `location="'Tests'!A12"`. exceljs has no
 * option for that, so while it writes the sheets their XML is corrected on the way into the package:
 * internal hyperlinks lose the relationship and the `#`, and the relationships themselves are dropped.
 */
import type { Workbook } from 'exceljs';

/** The part of exceljs's package writer this relies on (exceljs 4.4, `lib/xlsx/xlsx.js`). */
interface PackageWriter {
  append(data: unknown, options: { name: string; base64?: boolean }): unknown;
}
interface SheetWriter {
  addWorksheets(zip: PackageWriter, model: unknown): Promise<void>;
}

const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/u;
const SHEET_RELS_PART = /^xl\/worksheets\/_rels\/sheet\d+\.xml\.rels$/u;
const HYPERLINK = /<hyperlink ([^>]*?)\/>/gu;
const INTERNAL_RELATIONSHIP = /<Relationship [^>]*Target="#[^"]*"[^>]*\/>/gu;

/** `<hyperlink ref r:id location="#…"/>` → `<hyperlink ref location="…"/>`; other links unchanged. */
export function fixHyperlinks(xml: string): string {
  const start = xml.lastIndexOf('<hyperlinks>');
  if (start < 0) return xml;
  const end = xml.indexOf('</hyperlinks>', start);
  const block = xml.slice(start, end).replace(HYPERLINK, (whole: string, attributes: string) => {
    const location = /location="#([^"]*)"/u.exec(attributes);
    const ref = /ref="([^"]*)"/u.exec(attributes);
    if (!location || !ref) return whole;
    return `<hyperlink ref="${ref[1]}" location="${location[1]}"/>`;
  });
  return xml.slice(0, start) + block + xml.slice(end);
}

/** A sheet's relationships without the ones exceljs made for links inside the workbook. */
export function dropInternalRelationships(xml: string): string {
  return xml.replace(INTERNAL_RELATIONSHIP, '');
}

function fixPart(data: unknown, name: string): unknown {
  if (typeof data !== 'string') return data;
  if (SHEET_PART.test(name)) return fixHyperlinks(data);
  if (SHEET_RELS_PART.test(name)) return dropInternalRelationships(data);
  return data;
}

function isSheetWriter(value: unknown): value is SheetWriter {
  return (
    typeof value === 'object' &&
    value !== null &&
    'addWorksheets' in value &&
    typeof value.addWorksheets === 'function'
  );
}

/**
 * Makes `workbook` write its links to other sheets as internal links. Throws if exceljs changed so that
 * this is no longer possible (the tests would fail too): a file with broken links is not written quietly.
 */
export function writeInternalLinksAsLocations(workbook: Workbook): void {
  const xlsx: unknown = workbook.xlsx;
  if (!isSheetWriter(xlsx)) throw new Error('exceljs no longer writes sheets as expected (links.ts).');
  const original = xlsx.addWorksheets.bind(xlsx);
  xlsx.addWorksheets = (zip, model) =>
    original(
      {
        append: (data, options) => {
          const fixed = fixPart(data, options.name);
          // A sheet whose only relationships were internal links needs no relationships part.
          if (
            SHEET_RELS_PART.test(options.name) &&
            typeof fixed === 'string' &&
            !fixed.includes('<Relationship ')
          )
            return undefined;
          return zip.append(fixed, options);
        },
      },
      model,
    );
}
