/**
 * A client's population export as they arrive: a title row, headings, one change ticket per row with its
 * approval date spread over the period, a couple dated outside it, and a totals row at the bottom.
 */
import ExcelJS from 'exceljs';

export interface PopulationSpec {
  rows: number;
  start: string;
  end: string;
  /** Rows dated a few days after the period end (flagged on import). */
  outside?: number;
}

export function populationRows(spec: PopulationSpec): { key: string; summary: string; date: Date }[] {
  const start = Date.parse(`${spec.start}T00:00:00Z`);
  const end = Date.parse(`${spec.end}T00:00:00Z`);
  const day = 86_400_000;
  const span = Math.max(1, Math.round((end - start) / day));
  const out = [];
  for (let i = 0; i < spec.rows; i += 1) {
    const late = i >= spec.rows - (spec.outside ?? 0);
    const offset = late ? span + 3 + (i % 5) : Math.floor((i * span) / spec.rows);
    out.push({ key: `CHG-${10001 + i}`, summary: `Change ${i + 1}`, date: new Date(start + offset * day) });
  }
  return out;
}

export async function populationXlsx(spec: PopulationSpec): Promise<Uint8Array<ArrayBuffer>> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Changes');
  ws.addRow(['Production changes — export from ServiceDesk']);
  ws.addRow(['Change ID', 'Summary', 'Requested by', 'Approved on']);
  for (const r of populationRows(spec)) ws.addRow([r.key, r.summary, 'dev team', r.date]);
  ws.addRow(['Total', `${spec.rows} changes`]);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
