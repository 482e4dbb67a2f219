/** Ids made by the server (memberships, grants, sessions): 16 random bytes, base64url, like browser-made ids. */
import { randomBytes, toBase64Url } from '@kenekanko/crypto';

export const ID_BYTES = 16;

export function newId(): string {
  return toBase64Url(randomBytes(ID_BYTES));
}
