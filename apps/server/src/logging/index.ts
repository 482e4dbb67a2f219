/** The one structured, redacting logger. */
export { createLogger, createSilentLogger, type LogFields, type Logger } from './logger.ts';
