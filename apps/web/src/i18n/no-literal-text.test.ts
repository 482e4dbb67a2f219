/**
 * Every word a reporter reads comes from a catalogue: this reads the reporter's components
 * with the TypeScript parser and fails on any text written into the markup (a JSX text node,
 * a string child, or a text-bearing attribute such as aria-label) instead of coming from t().
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const SCANNED = ['reporter', 'shared/components', 'public-stats', 'shared/charts'];
const TEXT_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'legend', 'hint', 'error', 'subtitle']);
/** Letters of any script: punctuation, digits and symbols (· — ✕) need no translation. */
const WORDS = /\p{L}/u;

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return tsxFiles(full);
    return full.endsWith('.tsx') ? [full] : [];
  });
}

function literalTexts(fileName: string, source: string): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    if (WORDS.test(text)) found.push(`${path.basename(fileName)}:${file.getLineAndCharacterOfPosition(node.getStart()).line + 1} ${JSON.stringify(text.trim())}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node)) report(node, node.text);
    if (ts.isJsxExpression(node) && node.expression !== undefined && ts.isStringLiteralLike(node.expression) && !ts.isJsxAttribute(node.parent)) {
      report(node, node.expression.text);
    }
    if (ts.isJsxAttribute(node) && TEXT_ATTRIBUTES.has(node.name.getText(file)) && node.initializer !== undefined) {
      const { initializer } = node;
      const value = ts.isStringLiteral(initializer) ? initializer : ts.isJsxExpression(initializer) ? initializer.expression : undefined;
      if (value !== undefined && ts.isStringLiteralLike(value)) report(node, value.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no literal text in the reporter’s components', () => {
  it('catches text written into markup (the check itself works)', () => {
    const sample = `const a = <p>Bonjour</p>; const b = <b>{'Envoyer'}</b>; const c = <i aria-label="Fermer" />; const d = <p>{t('x')} · {' '}</p>;`;
    expect(literalTexts('sample.tsx', sample)).toEqual(['sample.tsx:1 "Bonjour"', 'sample.tsx:1 "Envoyer"', 'sample.tsx:1 "Fermer"']);
  });

  const files = SCANNED.flatMap((dir) => tsxFiles(path.join(SRC, dir)));

  it('scans every component of the reporter’s pages', () => {
    expect(files.map((file) => path.relative(SRC, file))).toEqual(expect.arrayContaining(['reporter/home-page.tsx', 'reporter/alert-form/kind-field.tsx', 'shared/components/field.tsx']));
  });

  it.each(files.map((file) => [path.relative(SRC, file), file]))('%s has none', (_name, file) => {
    expect(literalTexts(file, readFileSync(file, 'utf8'))).toEqual([]);
  });
});
