/**
 * The storage port every feature uses: repositories for reads, and a transaction in which a
 * feature's checks and writes happen together (a finalize, a state change and its audit
 * entry commit as one or not at all). Adapters implement it over Kysely.
 */
export type Storage<R> = {
  /** Repositories outside any transaction, for plain reads. */
  readonly read: R;
  /** Runs `work` in one transaction; a throw rolls everything back. Never nest. */
  transaction<T>(work: (repos: R) => Promise<T>): Promise<T>;
};
