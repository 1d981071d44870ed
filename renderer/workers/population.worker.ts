/**
 * Reads population spreadsheets off the UI thread: a 50,000-row workbook takes seconds to parse. The last
 * file opened stays here so the import dialog's previews (other columns, another sheet) are quick.
 */
import { buildPopulation, readPopulation, type PopulationFile } from '@shared/import/population';
import type { PopulationChoiceMessage, PopulationRequest, PopulationResponse } from './population-protocol';

interface WorkerScope {
  onmessage: ((event: MessageEvent<PopulationRequest>) => void) | null;
  postMessage(message: PopulationResponse): void;
}
const scope = self as unknown as WorkerScope;
let opened: PopulationFile | null = null;

scope.onmessage = (event) => {
  void handle(event.data).then(
    (response) => scope.postMessage(response),
    (error: unknown) =>
      scope.postMessage({
        id: event.data.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        name: error instanceof Error ? error.name : 'Error',
      }),
  );
};

function build(
  file: PopulationFile,
  choice: PopulationChoiceMessage,
  period: Parameters<typeof buildPopulation>[0]['period'],
) {
  const sheet = file.sheets.find((s) => s.name === choice.sheet);
  if (!sheet) throw new Error(`The sheet "${choice.sheet}" is not in the file.`);
  return buildPopulation({
    grid: sheet.grid,
    headerRow: choice.headerRow,
    keyColumn: choice.keyColumn,
    dateColumn: choice.dateColumn,
    period,
    ...(choice.dayOrder ? { dayOrder: choice.dayOrder } : {}),
  });
}

async function handle(request: PopulationRequest): Promise<PopulationResponse> {
  if (request.op === 'open') {
    opened = await readPopulation(request.bytes, request.fileName);
    return {
      id: request.id,
      ok: true,
      sheets: opened.sheets.map(({ grid: _grid, ...info }) => info),
      suggestedSheet: opened.suggestedSheet,
    };
  }
  if (request.op === 'preview') {
    if (!opened) throw new Error('Choose the file again.');
    const { items, ...rest } = build(opened, request.choice, request.period);
    return {
      id: request.id,
      ok: true,
      preview: { ...rest, problems: rest.problems.slice(0, 200), firstItems: items.slice(0, 5) },
    };
  }
  const file = await readPopulation(request.bytes, request.fileName);
  return { id: request.id, ok: true, population: build(file, request.choice, request.period) };
}
