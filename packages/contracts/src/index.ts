/** Schemas and types for everything that crosses a boundary (HTTP, storage, decryption). */
export * from './vocab.ts';
export * from './primitives.ts';
export * from './errors.ts';
export * from './payloads.ts';
export * from './api.ts';
export * from './workflow.ts';
export * from './routes.ts';
