export * from './sha256-stream';
