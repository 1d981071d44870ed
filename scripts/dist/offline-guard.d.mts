// Types for scripts/dist/offline-guard.mjs (plain JavaScript, run by Node; imported by the TypeScript tests).
export function forbidNetwork(): { attempts: string[]; restore(): void };
