import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PUBLIC_CATALOGUES } from '../src/i18n/all-catalogues.ts';
import { firstPart, isLaterKey, laterPart } from './split-catalogues.ts';

const LANGUAGES_DIR = fileURLToPath(new URL('../src/i18n/languages/', import.meta.url));
const REPORTER_DIR = fileURLToPath(new URL('../src/reporter/', import.meta.url));
const CODES = ['fr', 'en', 'bm'] as const;

const sourceOf = (code: string) => readFileSync(path.join(LANGUAGES_DIR, `${code}.ts`), 'utf8');

/** Every string-named property of the file's object literals, and whether it parses. */
function keysOf(source: string): { readonly keys: string[]; readonly errors: number } {
  const file = ts.createSourceFile('x.ts', source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const keys: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name)) keys.push(node.name.text);
    ts.forEachChild(node, visit);
  };
  visit(file);
  const diagnostics = (file as unknown as { readonly parseDiagnostics: readonly unknown[] }).parseDiagnostics;
  return { keys, errors: diagnostics.length };
}

async function evaluate(code: string): Promise<Record<string, unknown>> {
  const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { readonly messages: Record<string, unknown> };
  return module.messages;
}

describe.each(CODES)('the %s catalogue split in two for the reporter', (code) => {
  const whole = PUBLIC_CATALOGUES[code].messages as Readonly<Record<string, unknown>>;
  const laterKeys = Object.keys(whole).filter(isLaterKey);

  it('moves the follow-up, voice recorder, outbox and state messages, word for word, to the later part', async () => {
    expect(laterKeys.length).toBeGreaterThan(80);
    const later = await evaluate(laterPart(sourceOf(code), `${code}.ts`));
    expect(later).toEqual(Object.fromEntries(laterKeys.map((key) => [key, whole[key]])));
  });

  it('keeps every other message in the first part, which still parses', () => {
    const first = keysOf(firstPart(sourceOf(code), `${code}.ts`));
    expect(first.errors).toBe(0);
    expect(first.keys.filter(isLaterKey)).toEqual([]);
    // The api.* texts of French and English are spread from the contracts' error table (fold-api-errors.ts).
    const kept = Object.keys(whole).filter((key) => !isLaterKey(key) && !(code !== 'bm' && key.startsWith('api.')));
    for (const key of kept) expect(first.keys, key).toContain(key);
  });
});

describe('what may be split', () => {
  it('refuses a later message that is not plain text: the later part must stand alone', () => {
    const source = "const m = { 'form.title': x, 'follow.title': `A ${x}`, 'voice.ok': 'ok' };";
    expect(() => laterPart(source, 'xx.ts')).toThrow(/'follow\.title' must be plain text/);
  });

  it('moves plural forms and leaves the rest of the file as it was', () => {
    const source = "const m = {\n  'form.a': 'A',\n  'voice.n': { one: '{count} s', other: '{count} s' },\n  'form.b': f('B'),\n};";
    expect(firstPart(source, 'xx.ts')).toBe("const m = {\n  'form.a': 'A',\n  'form.b': f('B'),\n};");
    expect(laterPart(source, 'xx.ts')).toBe("export const messages = {\n  'voice.n': { one: '{count} s', other: '{count} s' },\n};\n");
  });
});

/** The reporter's files, recursively, without tests. */
function reporterFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return reporterFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.includes('.test.') ? [full] : [];
  });
}

// The views whose code loads with the later messages (withLaterMessages in lazy-catalogues.ts).
const LATER_VIEWS = [/^follow-up\//, /^voice\/voice-(panel|stages)\.tsx$/, /^offline\/outbox-notice\.tsx$/];

describe('the form never shows a later message', () => {
  it('uses follow.*, voice.*, outbox.* and state.* keys only in the views loaded with them', () => {
    const users = reporterFiles(REPORTER_DIR)
      .filter((file) => /['`](follow|voice|outbox|state)\.[\w.${}-]*['`]/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(REPORTER_DIR, file).split(path.sep).join('/'));
    expect(users.length).toBeGreaterThan(5);
    expect(users.filter((file) => !LATER_VIEWS.some((view) => view.test(file)))).toEqual([]);
  });
});
