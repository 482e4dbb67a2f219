/** The server's configuration: the only module that reads the environment. */
export { ConfigError, LOG_LEVELS, loadConfig, type Config, type DatabaseConfig, type LogLevel } from './config.ts';
