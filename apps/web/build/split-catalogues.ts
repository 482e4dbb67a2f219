/**
 * Build step for the reporter's catalogues (issue 4's 60 KB, counted strictly): each language
 * file is served in two parts. `languages/xx.ts` loses, in the reporter's build only, the
 * messages of the views that come later and load on demand (the follow-up, the voice recorder,
 * the outbox, the alert states the follow-up shows); `languages/xx.ts?later` holds exactly
 * those, as a chunk of its own that src/i18n/lazy-catalogues.ts fetches with those views. The
 * desk, the tests and the dev server's desk keep whole catalogues, and adding a language is
 * still one file: the split is by key prefix, read from the file's own source.
 *
 * Only plain text may be moved (a later message that is an expression stops the build), so
 * the later part is self-contained.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

/** Keys that only the lazily loaded views show. A key the form shows must not start with one of these. */
export const LATER_PREFIXES = ['follow.', 'voice.', 'outbox.', 'state.'] as const;

export const LATER_QUERY = '?later';

const CATALOGUE_FILE = /\/src\/i18n\/languages\/[a-z]{2,3}\.ts$/;

export const isLaterKey = (key: string): boolean => LATER_PREFIXES.some((prefix) => key.startsWith(prefix));

type Moved = { readonly start: number; readonly end: number; readonly text: string };

const isPlainString = (node: ts.Node): boolean => ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node);

/** A string, or plural forms made of strings: data that needs nothing else in the file. */
const isPlainMessage = (node: ts.Expression): boolean =>
  isPlainString(node) || (ts.isObjectLiteralExpression(node) && node.properties.every((p) => ts.isPropertyAssignment(p) && isPlainString(p.initializer)));

/** The later messages' properties in `source`, with the span each takes (its trailing comma included). */
function laterProperties(source: string, fileName: string): Moved[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const moved: Moved[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isPropertyAssignment(node) && ts.isStringLiteral(node.name) && isLaterKey(node.name.text)) {
      if (!isPlainMessage(node.initializer)) {
        throw new Error(`${fileName}: the later message '${node.name.text}' must be plain text (or plural forms of plain text)`);
      }
      // The whole line goes when the property is alone on it: its indent, its comma, its line break.
      const start = node.getStart(file);
      const indent = /(^|\n)([ \t]*)$/.exec(source.slice(0, start))?.[2]?.length ?? 0;
      const after = /^\s*,[ \t]*\n?/.exec(source.slice(node.end))?.[0].length ?? 0;
      moved.push({ start: start - indent, end: node.end + after, text: node.getText(file) });
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return moved;
}

/** The catalogue file without its later messages (the form's part). */
export function firstPart(source: string, fileName: string): string {
  let out = source;
  for (const { start, end } of laterProperties(source, fileName).reverse()) out = out.slice(0, start) + out.slice(end);
  return out;
}

/** A module exporting only the later messages, `{ messages }`. */
export function laterPart(source: string, fileName: string): string {
  const texts = laterProperties(source, fileName).map((property) => `  ${property.text},`);
  return `export const messages = {\n${texts.join('\n')}\n};\n`;
}

/** In the reporter's build ('client' environment): the form's part at the plain path, the rest at `?later`. */
export function splitCatalogues(): Plugin {
  // The dev server serves the desk from the same environment: it keeps whole catalogues there.
  let building = false;
  return {
    name: 'kenekanko-split-catalogues',
    enforce: 'pre',
    configResolved: (config) => void (building = config.command === 'build'),
    transform(code, id) {
      const [path = '', query = ''] = id.split('?');
      if (!CATALOGUE_FILE.test(path)) return null;
      if (`?${query}` === LATER_QUERY) return { code: laterPart(code, path), map: null };
      if (query !== '' || !building || this.environment.name !== 'client') return null;
      return { code: firstPart(code, path), map: null };
    },
  };
}
