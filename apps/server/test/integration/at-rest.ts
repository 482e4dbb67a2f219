/**
 * The plaintext-at-rest check: after the whole protocol has run, nothing a person typed or
 * sent, and no secret that opens anything, may be found in any row of any table or in any
 * stored file. Values are searched as text in the database dump (case-insensitively) and as
 * UTF-8 bytes in the blob files.
 */
import { expect } from 'vitest';
import { PURPOSES, formatReceipt, fromBase64Url, toHex } from '@kenekanko/crypto';
import { ROUTES } from '@kenekanko/contracts';
import { dumpDatabase, dumpFiles } from './harness.ts';
import type { Harness } from './harness.ts';
import * as f from './fixtures.ts';

type Needle = { readonly label: string; readonly text: string };

/** Values of `key` in the JSON bodies the client sent to `path`. */
function sentValues(h: Harness, path: string, pick: (body: Record<string, unknown>) => unknown): string[] {
  return h.sent
    .filter((r) => r.path === path && r.body !== '')
    .map((r) => pick(JSON.parse(r.body) as Record<string, unknown>))
    .filter((value): value is string => typeof value === 'string');
}

function secretNeedles(h: Harness, receipt: string): Needle[] {
  const coordinator = (body: Record<string, unknown>) => (body['coordinator'] as Record<string, unknown> | undefined)?.['loginKey'];
  const loginKeys = [...sentValues(h, ROUTES.setup, coordinator), ...sentValues(h, ROUTES.authLogin, (b) => b['loginKey'])];
  const lookupTokens = [...sentValues(h, ROUTES.reporterAlert, (b) => b['lookupToken']), ...h.sent.filter((r) => r.path.endsWith('/finalize')).map((r) => String((JSON.parse(r.body) as Record<string, unknown>)['lookupToken']))];
  expect(loginKeys.length).toBeGreaterThanOrEqual(2);
  expect(lookupTokens.length).toBeGreaterThanOrEqual(2);
  return [
    { label: 'receipt', text: receipt },
    { label: 'formatted receipt', text: formatReceipt(receipt) },
    { label: 'password', text: f.PASSWORD },
    { label: 'setup token', text: h.setupToken },
    ...loginKeys.flatMap((key) => [
      { label: 'login key', text: key },
      { label: 'login key (hex)', text: toHex(fromBase64Url(key)) },
    ]),
    ...lookupTokens.flatMap((token) => [
      { label: 'lookup token', text: token },
      { label: 'lookup token (hex)', text: toHex(fromBase64Url(token)) },
    ]),
  ];
}

function contentNeedles(): Needle[] {
  const texts = [f.DESCRIPTION, f.INSTITUTION, f.IDENTITY.name, f.STAFF_MESSAGE, f.REPLY_TEXT, f.NOTE_TEXT, ...f.REASONS];
  const words = texts.flatMap((text) => f.distinctiveWords(text)).map((word) => ({ label: 'a word typed', text: word }));
  const names = [f.PHOTO_NAME, f.LEDGER_NAME, f.REPLY_FILE_NAME].flatMap((name) => [
    { label: 'a file name', text: name },
    { label: 'a file name stem', text: name.replace(/\.[a-z]+$/, '') },
  ]);
  return [
    ...words,
    ...names,
    { label: 'phone', text: f.IDENTITY.phone },
    { label: 'phone digits', text: f.IDENTITY.phone.replace(/\D/g, '') },
    { label: 'phone number', text: '76543210' },
  ];
}

export async function assertNothingInClear(h: Harness, seen: { readonly receipt: string; readonly alertId: string; readonly files: f.Attachments; readonly replyBytes: Uint8Array }): Promise<void> {
  const needles = [...contentNeedles(), ...secretNeedles(h, seen.receipt)];
  expect(needles.length).toBeGreaterThan(40);
  const dump = (await dumpDatabase(h.database)).toLowerCase();
  // Controls: the search finds what is stored in clear on purpose (ids, the staff login, the
  // organisation's name), so a miss below means absence, not a broken search.
  for (const stored of [seen.alertId, f.LOGIN, f.ORGANISATION]) expect(dump).toContain(stored.toLowerCase());
  for (const needle of needles) expect(dump.includes(needle.text.toLowerCase()), `${needle.label} found in the database`).toBe(false);

  const stored = await dumpFiles(h.blobDir);
  expect(stored.length).toBe(1 + 3 + 1);
  const middle = (bytes: Uint8Array) => bytes.slice(bytes.length >> 1, (bytes.length >> 1) + 48);
  const byteNeedles = [
    ...needles.map((n) => ({ label: n.label, bytes: new TextEncoder().encode(n.text) })),
    { label: 'photo bytes', bytes: middle(seen.files.photo.bytes) },
    { label: 'ledger bytes', bytes: middle(seen.files.ledger.bytes) },
    { label: 'reply file bytes', bytes: middle(seen.replyBytes) },
  ];
  for (const file of stored) {
    const buffer = Buffer.from(file.bytes);
    // Control: every chunk file is an envelope, whose header names its purpose in clear.
    expect(buffer.includes(Buffer.from(PURPOSES.attachmentChunk))).toBe(true);
    for (const needle of byteNeedles) expect(buffer.includes(Buffer.from(needle.bytes)), `${needle.label} found in a stored file`).toBe(false);
  }
}
