/** Schemas and types for everything that crosses a boundary (HTTP, storage, decryption). */
export * from './vocab.ts';
export * from './vocab-labels.ts';
export * from './primitives.ts';
export * from './errors.ts';
export * from './payloads.ts';
export * from './api.ts';
export * from './workflow.ts';
export * from './routes.ts';
export * from './api-orgs.ts';
export * from './api-security.ts';
export * from './api-cases.ts';
export * from './api-forwarding.ts';
export * from './api-custody.ts';
export * from './api-stats.ts';
export * from './periods.ts';
