/**
 * exceljs, loaded on first use so that importing this module costs nothing until a file is built or read.
 * exceljs is CommonJS: Node's ESM loader exposes it as `default`, bundlers sometimes as the namespace.
 */
import type * as ExcelJsModule from 'exceljs';

export type ExcelModule = typeof ExcelJsModule;

export async function loadExcelJs(): Promise<ExcelModule> {
  const mod: ExcelModule & { default?: ExcelModule } = await import('exceljs');
  return mod.default ?? mod;
}
