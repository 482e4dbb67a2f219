/** Ids are made by browsers: 16 random bytes, base64url (22 characters), as IdSchema expects. */
import { randomBytes, toBase64Url } from '@kenekanko/crypto';

export const ID_BYTES = 16;

export const newId = (): string => toBase64Url(randomBytes(ID_BYTES));
