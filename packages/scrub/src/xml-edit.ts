// A small, tolerant XML tokenizer and editor for the XML parts of office documents. It does
// not build a tree or resolve entities: it finds tags (quotes respected), lets a rule drop an
// element with everything inside it, rewrite its attributes or replace its text, and copies
// every other byte of the document exactly as it was. Broken markup passes through unchanged.

export type XmlAttribute = { readonly name: string; readonly local: string; readonly value: string; readonly quote: string };

export type XmlElement = { readonly name: string; readonly local: string; readonly attributes: readonly XmlAttribute[] };

export type ElementEdit =
  | { readonly kind: 'drop' }
  | {
      readonly kind: 'edit';
      readonly attributes: readonly XmlAttribute[];
      /** New text content (replacing all the element holds); `onTextChange` is called if it differs. */
      readonly text?: string;
      readonly onTextChange?: () => void;
    };

/** Returns what to do with an element, or undefined to keep it as it is. */
export type XmlRule = (element: XmlElement) => ElementEdit | undefined;

type Token =
  | { readonly kind: 'open' | 'empty'; readonly start: number; readonly end: number; readonly element: XmlElement }
  | { readonly kind: 'close' | 'other'; readonly start: number; readonly end: number };

const ATTRIBUTE = /([^\s=/>]+)\s*=\s*("[^"]*"|'[^']*')/g;

function localName(name: string): string {
  return name.slice(name.indexOf(':') + 1);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The entity-decoded value of an attribute (the five predefined entities and character references). */
export function attributeValue(attribute: XmlAttribute): string {
  return attribute.value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|lt|gt|quot|apos);/gi, (_, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (ref[0] !== '#') return named[ref.toLowerCase()] ?? '';
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function parseTag(raw: string): XmlElement {
  const name = /^<([^\s/>]+)/.exec(raw)?.[1] ?? '';
  const attributes: XmlAttribute[] = [];
  for (const m of raw.slice(name.length + 1).matchAll(ATTRIBUTE)) {
    const [attrName, quoted] = [m[1] ?? '', m[2] ?? '""'];
    attributes.push({ name: attrName, local: localName(attrName), value: quoted.slice(1, -1), quote: quoted[0] ?? '"' });
  }
  return { name, local: localName(name), attributes };
}

function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let j = from; j < xml.length; j++) {
    const c = xml[j];
    if (quote !== '') quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return j + 1;
  }
  return -1;
}

function* tokens(xml: string): Generator<Token> {
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf('<', i);
    if (lt < 0) return;
    const skipTo = (marker: string, from: number): number => {
      const e = xml.indexOf(marker, from);
      return e < 0 ? xml.length : e + marker.length;
    };
    let end: number;
    if (xml.startsWith('<!--', lt)) end = skipTo('-->', lt + 4);
    else if (xml.startsWith('<![CDATA[', lt)) end = skipTo(']]>', lt + 9);
    else if (xml.startsWith('<?', lt)) end = skipTo('?>', lt + 2);
    else end = tagEnd(xml, lt + 1);
    if (end < 0) return; // an unterminated tag: the rest is copied as it is
    const raw = xml.slice(lt, end);
    if (raw.startsWith('<!') || raw.startsWith('<?')) yield { kind: 'other', start: lt, end };
    else if (raw.startsWith('</')) yield { kind: 'close', start: lt, end };
    else yield { kind: raw.endsWith('/>') ? 'empty' : 'open', start: lt, end, element: parseTag(raw) };
    i = end;
  }
}

/** Every element's start tag, in document order. */
export function xmlElements(xml: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const t of tokens(xml)) if (t.kind === 'open' || t.kind === 'empty') out.push(t.element);
  return out;
}

function startTag(element: XmlElement, attributes: readonly XmlAttribute[], empty: boolean): string {
  const attrs = attributes.map((a) => ` ${a.name}=${a.quote}${a.value}${a.quote}`).join('');
  return `<${element.name}${attrs}${empty ? '/>' : '>'}`;
}

/** Applies `rule` to every element of `xml`; what the rule keeps is copied byte for byte. */
export function editXml(xml: string, rule: XmlRule): string {
  const out: string[] = [];
  let copied = 0;
  let skipping: { depth: number; text: string | undefined; from: number; onChange: (() => void) | undefined } | undefined;
  for (const t of tokens(xml)) {
    if (skipping !== undefined) {
      if (t.kind === 'open') skipping.depth++;
      if (t.kind !== 'close' || --skipping.depth > 0) continue;
      if (skipping.text !== undefined) {
        out.push(skipping.text, xml.slice(t.start, t.end));
        if (xml.slice(skipping.from, t.start) !== skipping.text) skipping.onChange?.();
      }
      copied = t.end;
      skipping = undefined;
      continue;
    }
    if (t.kind !== 'open' && t.kind !== 'empty') continue;
    const edit = rule(t.element);
    if (edit === undefined) continue;
    out.push(xml.slice(copied, t.start));
    copied = t.end;
    if (edit.kind === 'drop') {
      if (t.kind === 'open') skipping = { depth: 1, text: undefined, from: t.end, onChange: undefined };
      continue;
    }
    out.push(startTag(t.element, edit.attributes, t.kind === 'empty'));
    if (edit.text !== undefined && t.kind === 'open') skipping = { depth: 1, text: escapeXml(edit.text), from: t.end, onChange: edit.onTextChange };
  }
  // An element left open to the end: what it held was to go, so it goes.
  if (skipping === undefined) out.push(xml.slice(copied));
  else if (skipping.text !== undefined) out.push(skipping.text);
  return out.join('');
}

/** True when every tag is terminated and start and end tags pair up by name (no DTD check). */
export function isBalancedXml(xml: string): boolean {
  const stack: string[] = [];
  let end = 0;
  for (const t of tokens(xml)) {
    end = t.end;
    if (t.kind === 'open') stack.push(t.element.name);
    if (t.kind === 'close' && stack.pop() !== /^<\/\s*([^\s>]+)/.exec(xml.slice(t.start, t.end))?.[1]) return false;
  }
  return stack.length === 0 && xml.indexOf('<', end) < 0;
}
