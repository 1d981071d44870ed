/**
 * The client request list (PBC) as a spreadsheet: exported for the client to fill in, and read back when it
 * returns. Pure functions over bytes; the platform layer opens and saves the files.
 */
export { buildRequestListWorkbook, INSTRUCTIONS } from './build';
export { readReturnedRequestList } from './read';
export { RequestListFileError, type RequestListFileProblem } from './errors';
export { REQUEST_SHEET } from './request-sheet';
export { ABOUT_SHEET } from './about';
export { parseStatus } from './status';
export { parseDateText } from './dates';
export type * from './types';
