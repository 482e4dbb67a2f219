/** The server's own secrets (pepper versions, server secret), kept in files outside the database. */
export { SECRET_LENGTH, SecretsError, loadOrCreateSecrets, readServerSecret, type Secrets } from './secrets.ts';
