/**
 * The documents the coalition signing key vouches for: the key directory and the
 * questionnaire. Their body travels as canonical JSON text and the signature covers
 * purpose || 0x00 || that text (signStatement), so what was signed is exactly what is read.
 *
 * SECURITY: the reporter's browser trusts no public key and no routing entry it was not
 * handed inside a directory signed by the pinned coalition key (DESIGN §2): a server that
 * swaps in its own organisation key would otherwise receive every new alert.
 */
import * as v from 'valibot';
import { PURPOSES, canonicalJson, fromBase64Url, signStatement, toBase64Url, verifyStatement } from '@kenekanko/crypto';
import type { Purpose } from '@kenekanko/crypto';
import { DirectoryBodySchema, QuestionnaireBodySchema, STATISTICS_FIELDS } from '@kenekanko/contracts';
import type { DirectoryBody, QuestionnaireBody, SignedDocument } from '@kenekanko/contracts';
import { ClientError } from './errors.ts';

export type JsonValue = Parameters<typeof canonicalJson>[0];

export function signDocument(purpose: Purpose, body: JsonValue, coalitionPrivate: Uint8Array): SignedDocument {
  return { body: canonicalJson(body), signature: toBase64Url(signStatement(purpose, body, coalitionPrivate)) };
}

/**
 * The coalition key to check documents against: the pinned one when the bundle has it (and
 * then the served one must be identical), else the one the server serves.
 */
export function coalitionKey(served: string, pinned: string | undefined): Uint8Array {
  if (pinned !== undefined && pinned !== served) {
    throw new ClientError('untrusted-directory', 'the server serves a coalition key other than the pinned one');
  }
  return fromBase64Url(pinned ?? served);
}

function verifiedBody(purpose: Purpose, document: SignedDocument, publicKey: Uint8Array, what: string): unknown {
  let body: JsonValue;
  try {
    body = JSON.parse(document.body);
  } catch {
    throw new ClientError('untrusted-directory', `the ${what} is not JSON`);
  }
  // One text for one statement: a body that is not canonical was not produced by signDocument.
  if (canonicalJson(body) !== document.body) throw new ClientError('untrusted-directory', `the ${what} is not canonical JSON`);
  if (!verifyStatement(purpose, body, fromBase64Url(document.signature), publicKey)) {
    throw new ClientError('untrusted-directory', `the ${what} signature does not verify`);
  }
  return body;
}

function parseBody<S extends v.GenericSchema>(schema: S, body: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, body);
  if (!result.success) {
    throw new ClientError('untrusted-directory', `the ${what} does not match its schema`, {
      issues: result.issues.map((issue) => v.getDotPath(issue) ?? '(root)'),
    });
  }
  return result.output;
}

export function verifyDirectory(document: SignedDocument, coalitionPublic: Uint8Array): DirectoryBody {
  const directory = parseBody(DirectoryBodySchema, verifiedBody(PURPOSES.directory, document, coalitionPublic, 'directory'), 'directory');
  if (!directory.organisations.some((org) => org.id === directory.routing.defaultOrgId)) {
    throw new ClientError('untrusted-directory', 'the directory routes alerts to an organisation it does not list');
  }
  return directory;
}

const ALLOWED_STATISTICS: readonly string[] = STATISTICS_FIELDS;

/**
 * SECURITY: statistics fields are stored in clear. A questionnaire, even a signed one, that
 * names any other field a statistics field (free text, an identity) is refused outright,
 * and so is one that lists a field as both, rather than trusting the schema alone.
 */
export function assertSafeQuestionnaire(questionnaire: { readonly statisticsFields: readonly string[]; readonly encryptedFields: readonly string[] }): void {
  const unsafe = questionnaire.statisticsFields.filter((field) => !ALLOWED_STATISTICS.includes(field));
  const both = questionnaire.statisticsFields.filter((field) => questionnaire.encryptedFields.includes(field));
  if (unsafe.length > 0 || both.length > 0) {
    throw new ClientError('unsafe-questionnaire', 'the questionnaire would send a field in clear that must stay encrypted', {
      issues: [...unsafe, ...both],
    });
  }
}

export function verifyQuestionnaire(document: SignedDocument, coalitionPublic: Uint8Array): QuestionnaireBody {
  const body = verifiedBody(PURPOSES.questionnaire, document, coalitionPublic, 'questionnaire');
  // Checked before the schema, so an unsafe questionnaire is named as such, not as malformed.
  const raw = v.safeParse(v.object({ statisticsFields: v.array(v.string()), encryptedFields: v.array(v.string()) }), body);
  if (raw.success) assertSafeQuestionnaire(raw.output);
  return parseBody(QuestionnaireBodySchema, body, 'questionnaire');
}
