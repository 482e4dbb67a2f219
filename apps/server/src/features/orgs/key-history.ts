/**
 * Older organisation key versions, vouched for by the signed directories (issue 3): after a
 * rotation, alerts, packages and messages sealed or signed before it still need the older key.
 * For each older version of an organisation's key this picks the LAST signed directory that
 * listed it; the browser verifies those directories with the coalition key and trusts an older
 * key only as they list it.
 *
 * SECURITY: the server only chooses which signed documents to serve; it cannot make one list
 * a key the coalition never signed, so serving the wrong ones can only fail, never forge.
 */
import * as v from 'valibot';
import { DirectoryBodySchema } from '@kenekanko/contracts';
import type { SignedDocument } from '@kenekanko/contracts';
import type { DirectoryRepo, SignedVersion } from '../shared/records.ts';

/** Directory version → the key version it lists for each organisation id. */
function listedVersions(version: SignedVersion): Map<string, number> {
  const body = v.parse(DirectoryBodySchema, JSON.parse(version.body));
  return new Map(body.organisations.map((o) => [o.id, o.keyVersion]));
}

/**
 * The signed directories that last listed each key version of these organisations other than
 * the one the latest directory lists (every organisation ever listed when `orgIds` is left
 * out); each document once, oldest first.
 */
export async function orgKeyHistory(directory: Pick<DirectoryRepo, 'directoryVersions'>, orgIds?: readonly string[]): Promise<SignedDocument[]> {
  const versions = await directory.directoryVersions();
  const parsed = versions.map((version) => ({ version, listed: listedVersions(version) }));
  const current = parsed.at(-1)?.listed ?? new Map<string, number>();
  const chosen = new Map<number, SignedVersion>();
  for (const orgId of new Set(orgIds ?? parsed.flatMap((p) => [...p.listed.keys()]))) {
    const lastListing = new Map<number, SignedVersion>();
    for (const { version, listed } of parsed) {
      const keyVersion = listed.get(orgId);
      if (keyVersion !== undefined && keyVersion !== current.get(orgId)) lastListing.set(keyVersion, version);
    }
    for (const version of lastListing.values()) chosen.set(version.version, version);
  }
  return [...chosen.values()].sort((a, b) => a.version - b.version).map((d) => ({ body: d.body, signature: d.signature }));
}
