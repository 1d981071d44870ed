/**
 * The population reader, off the UI thread: one worker for the import dialog (open once, preview many
 * choices) and for re-reading the stored file when a sample is selected or expanded. Where no Worker
 * exists (the Node test environment) the same shared functions run in-thread.
 */
import type { Population, PopulationFile, PopulationPeriod } from '@shared/import/population';
import { ImportError } from '@shared/import/errors';
import {
  toPreview,
  type PopulationChoiceMessage,
  type PopulationPreview,
  type PopulationRequest,
  type PopulationResponse,
  type SheetInfo,
} from '../../workers/population-protocol';

type Pending = { resolve(r: PopulationResponse): void; reject(e: Error): void };
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();
let inThreadFile: PopulationFile | null = null;

/** Omit that keeps each member of a union apart. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

function call(request: WithoutId<PopulationRequest>): Promise<PopulationResponse> {
  if (!worker) {
    worker = new Worker(new URL('../../workers/population.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (event: MessageEvent<PopulationResponse>) => {
      const p = pending.get(event.data.id);
      pending.delete(event.data.id);
      p?.resolve(event.data);
    };
    worker.onerror = (event) => {
      for (const p of pending.values())
        p.reject(new Error(`The population reader stopped: ${event.message || 'unknown error'}.`));
      pending.clear();
      worker?.terminate();
      worker = null;
    };
  }
  const id = nextId++;
  const message = { ...request, id } as PopulationRequest;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    worker?.postMessage(message);
  });
}

function unwrap(response: PopulationResponse): PopulationResponse & { ok: true } {
  if (!response.ok) {
    // Keep the auditor's wording and the kind of error (an ImportError is a file problem, not a bug).
    if (response.name === 'ImportError') throw new ImportError(response.message);
    throw Object.assign(new Error(response.message), { name: response.name });
  }
  return response;
}

const hasWorker = () => typeof Worker !== 'undefined';

export async function openPopulationFile(
  bytes: Uint8Array,
  fileName: string,
): Promise<{ sheets: SheetInfo[]; suggestedSheet: number }> {
  if (!hasWorker()) {
    const { readPopulation } = await import('@shared/import/population');
    inThreadFile = await readPopulation(bytes, fileName);
    return {
      sheets: inThreadFile.sheets.map(({ grid: _grid, ...info }) => info),
      suggestedSheet: inThreadFile.suggestedSheet,
    };
  }
  const r = unwrap(await call({ op: 'open', bytes, fileName }));
  if (!('sheets' in r)) throw new Error('unexpected reply');
  return r;
}

export async function previewPopulation(
  choice: PopulationChoiceMessage,
  period: PopulationPeriod | null,
): Promise<PopulationPreview> {
  if (!hasWorker()) {
    if (!inThreadFile) throw new Error('Choose the file again.');
    const { buildChosenPopulation } = await import('@shared/import/population');
    return toPreview(buildChosenPopulation(inThreadFile, choice, period));
  }
  const r = unwrap(await call({ op: 'preview', choice, period }));
  if (!('preview' in r)) throw new Error('unexpected reply');
  return r.preview;
}

/** Every item of the population read from the file with the recorded choices, in file order. */
export async function populationItems(
  bytes: Uint8Array,
  fileName: string,
  choice: PopulationChoiceMessage,
  period: PopulationPeriod | null,
): Promise<Population> {
  if (!hasWorker()) {
    const { buildChosenPopulation, readPopulation } = await import('@shared/import/population');
    return buildChosenPopulation(await readPopulation(bytes, fileName), choice, period);
  }
  const r = unwrap(await call({ op: 'items', bytes, fileName, choice, period }));
  if (!('population' in r)) throw new Error('unexpected reply');
  return r.population;
}
