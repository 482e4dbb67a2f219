/** The data layer: opening the database, migrations, the schema types and dialect-neutral helpers. */
export { migrateToLatest, openDatabase, type DatabaseHandle, type Db, type Dialect } from './database.ts';
export { isForeignKeyViolation, isUniqueViolation, toCount } from './db-errors.ts';
export { dayOf, instantOf } from './days.ts';
export type { Database } from './schema.ts';
