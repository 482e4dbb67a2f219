/**
 * Test-only loader for the Wycheproof files in ../test-vectors. Parses the JSON at the
 * boundary (nothing typed `any` leaks into the tests) and fails loudly on a shape it does not
 * expect, so a changed file cannot make a test pass by running nothing.
 */
import { readFileSync } from 'node:fs';

export type WycheproofResult = 'valid' | 'invalid' | 'acceptable';
type Json = { readonly [key: string]: unknown };

export type WycheproofCase = {
  readonly tcId: number;
  readonly comment: string;
  readonly flags: readonly string[];
  readonly result: WycheproofResult;
  readonly raw: Json;
};

export type WycheproofGroup = { readonly index: number; readonly raw: Json; readonly tests: readonly WycheproofCase[] };

export type WycheproofFile = {
  readonly algorithm: string;
  readonly numberOfTests: number;
  readonly groups: readonly WycheproofGroup[];
};

const isJson = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function array(value: unknown, what: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new Error(`${what} is not an array`);
  return value;
}

function parseCase(value: unknown): WycheproofCase {
  if (!isJson(value)) throw new Error('test case is not an object');
  const { tcId, comment, flags, result } = value;
  if (typeof tcId !== 'number' || typeof comment !== 'string') throw new Error('tcId/comment missing');
  if (result !== 'valid' && result !== 'invalid' && result !== 'acceptable') throw new Error(`tcId ${tcId}: bad result`);
  const flagList = array(flags, 'flags').map((f) => {
    if (typeof f !== 'string') throw new Error('flag is not a string');
    return f;
  });
  return { tcId, comment, flags: flagList, result, raw: value };
}

export function loadWycheproof(file: string): WycheproofFile {
  const parsed: unknown = JSON.parse(readFileSync(new URL(`../test-vectors/${file}`, import.meta.url), 'utf8'));
  if (!isJson(parsed)) throw new Error(`${file} is not an object`);
  const { algorithm, numberOfTests, testGroups } = parsed;
  if (typeof algorithm !== 'string' || typeof numberOfTests !== 'number') throw new Error(`${file}: header missing`);
  const groups = array(testGroups, 'testGroups').map((g, index) => {
    if (!isJson(g)) throw new Error('group is not an object');
    return { index, raw: g, tests: array(g.tests, 'tests').map(parseCase) };
  });
  return { algorithm, numberOfTests, groups };
}

/** A hex field of a case or group, as bytes. */
export function hexField(obj: Json, name: string): Uint8Array {
  const value = obj[name];
  if (typeof value !== 'string' || value.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(value)) {
    throw new Error(`field ${name} is not hex`);
  }
  return Uint8Array.from(value.match(/../g) ?? [], (h) => Number.parseInt(h, 16));
}

export function numberField(obj: Json, name: string): number {
  const value = obj[name];
  if (typeof value !== 'number') throw new Error(`field ${name} is not a number`);
  return value;
}

export function objectField(obj: Json, name: string): Json {
  const value = obj[name];
  if (!isJson(value)) throw new Error(`field ${name} is not an object`);
  return value;
}

export const countCases = (file: WycheproofFile): number => file.groups.reduce((n, g) => n + g.tests.length, 0);

export const label = (group: WycheproofGroup): string => `group ${group.index} (${group.tests.length} cases)`;
