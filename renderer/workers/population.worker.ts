/**
 * Reads population spreadsheets off the UI thread: a 50,000-row workbook takes seconds to parse. The last
 * file opened stays here so the import dialog's previews (other columns, another sheet) are quick.
 */
import { buildChosenPopulation, readPopulation, type PopulationFile } from '@shared/import/population';
import { toPreview, type PopulationRequest, type PopulationResponse } from './population-protocol';

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
    return {
      id: request.id,
      ok: true,
      preview: toPreview(buildChosenPopulation(opened, request.choice, request.period)),
    };
  }
  const file = await readPopulation(request.bytes, request.fileName);
  return {
    id: request.id,
    ok: true,
    population: buildChosenPopulation(file, request.choice, request.period),
  };
}
