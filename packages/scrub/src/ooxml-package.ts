// The package layer of OOXML (ECMA-376 Part 2, Open Packaging Conventions): the content types
// list and the relationship parts. When a part is removed, its relationships and its content
// type entry go too, so Office finds no dangling reference. [Content_Types].xml is always
// written afresh from the entries we can read in it: that is how a document whose content
// types part is broken (malformed XML after valid entries) comes out well-formed.

import { attributeValue, editXml, escapeXml, xmlElements, type XmlAttribute } from './xml-edit.ts';

export type ContentTypes = {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
};

const TYPES_NAMESPACE = 'http://schemas.openxmlformats.org/package/2006/content-types';

function attr(attributes: readonly XmlAttribute[], name: string): string | undefined {
  const a = attributes.find((x) => x.local === name);
  return a === undefined ? undefined : attributeValue(a);
}

export function readContentTypes(xml: string): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const e of xmlElements(xml)) {
    const type = attr(e.attributes, 'ContentType');
    if (type === undefined) continue;
    const extension = attr(e.attributes, 'Extension');
    const part = attr(e.attributes, 'PartName');
    if (e.local === 'Default' && extension !== undefined) defaults.set(extension.toLowerCase(), type);
    if (e.local === 'Override' && part !== undefined) overrides.set(part.replace(/^\//, ''), type);
  }
  return { defaults, overrides };
}

/** A well-formed content types part listing the defaults and the overrides of `kept` parts. */
export function writeContentTypes(types: ContentTypes, kept: ReadonlySet<string>): string {
  const defaults = new Map(types.defaults);
  // Every package has relationship parts and XML parts: declare them if the original forgot.
  if (!defaults.has('rels')) defaults.set('rels', 'application/vnd.openxmlformats-package.relationships+xml');
  if (!defaults.has('xml')) defaults.set('xml', 'application/xml');
  const lines = [...defaults].map(([ext, type]) => `<Default Extension="${escapeXml(ext)}" ContentType="${escapeXml(type)}"/>`);
  for (const [part, type] of types.overrides) {
    if (kept.has(part)) lines.push(`<Override PartName="/${escapeXml(part)}" ContentType="${escapeXml(type)}"/>`);
  }
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${TYPES_NAMESPACE}">${lines.join('')}</Types>`;
}

/** The part a relationship in `relsPath` points to, or undefined for an external target. */
export function resolveTarget(relsPath: string, target: string, external: boolean): string | undefined {
  if (external) return undefined;
  // "word/_rels/document.xml.rels" describes "word/document.xml": targets are relative to "word/".
  const base = relsPath.replace(/_rels\/[^/]*\.rels$/, '');
  const segments = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const s of segments) {
    if (s === '..') out.pop();
    else if (s !== '.' && s !== '') out.push(s);
  }
  return decodeURIComponent(out.join('/'));
}

export type Relationship = { readonly type: string; readonly target: string | undefined };

export function readRelationships(relsPath: string, xml: string): Relationship[] {
  return xmlElements(xml)
    .filter((e) => e.local === 'Relationship')
    .map((e) => ({
      type: attr(e.attributes, 'Type') ?? '',
      target: resolveTarget(relsPath, attr(e.attributes, 'Target') ?? '', attr(e.attributes, 'TargetMode') === 'External'),
    }));
}

/** The relationships part without relationships to `dropped` parts or of `droppedTypes`. */
export function editRelationships(relsPath: string, xml: string, dropped: ReadonlySet<string>, droppedTypes: readonly string[]): string {
  return editXml(xml, (e) => {
    if (e.local !== 'Relationship') return undefined;
    const type = attr(e.attributes, 'Type') ?? '';
    const target = resolveTarget(relsPath, attr(e.attributes, 'Target') ?? '', attr(e.attributes, 'TargetMode') === 'External');
    return (target !== undefined && dropped.has(target)) || droppedTypes.some((t) => type.endsWith(t)) ? { kind: 'drop' } : undefined;
  });
}
