/**
 * Progress and cancellation while the workbook is built: work is counted in rows, the event loop gets a
 * turn every few hundred rows (so a cancel message reaches the Worker) and a cancelled export stops at
 * the next row.
 */
import { throwIfCancelled, yielder } from '../progress';

const REPORT_EVERY = 500;

export class Pace {
  private done = 0;
  private readonly pause = yielder(250);

  /** `total` units of work in all; `onProgress` hears fractions from 0 to 1. */
  constructor(
    private readonly total: number,
    private readonly signal: AbortSignal | undefined,
    private readonly onProgress: ((fraction: number) => void) | undefined,
  ) {}

  /** Throws `ExportCancelledError` if the export was cancelled. */
  check(): void {
    throwIfCancelled(this.signal);
  }

  /** One unit done: lets the event loop run now and then, and stops when cancelled. */
  async step(units = 1): Promise<void> {
    this.done += units;
    if (this.done % REPORT_EVERY < units) this.report();
    await this.pause();
    this.check();
  }

  /** Marks `units` done at once (a part that cannot report as it goes, such as writing the file). */
  advance(units: number): void {
    this.done += units;
    this.report();
  }

  finish(): void {
    this.done = this.total;
    this.onProgress?.(1);
  }

  private report(): void {
    this.onProgress?.(Math.min(0.999, this.total > 0 ? this.done / this.total : 0));
  }
}
