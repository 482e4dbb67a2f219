// Word, Excel and PowerPoint (OOXML) cleaner. The document properties (core.xml: author, last
// editor, dates, title; app.xml: application, company, template, editing time; custom.xml)
// are replaced by empty ones; the thumbnail, printer settings (printer names), custom XML data,
// sensitivity labels (organisation ids) and Excel's shared-workbook revision log are removed
// with their relationships and content types; comment and revision authors and dates, rsids,
// the template path and document GUIDs are removed from the XML (ooxml-rules.ts); pictures and
// media inside are cleaned by their own cleaners (office-media.ts). Text and layout stay.
//
// SECURITY: macros and ActiveX make the document `unsupported` (active content); a digitally
// signed one fails (cleaning would break the signature); every other binary part must be a
// kind we clean or keep by rule, or the document fails.

import { addOnce, sameBytes } from './bytes.ts';
import { cleanEmbeddedFile } from './office-media.ts';
import { editPart, partText, readParts, textPart, writeParts, type Part } from './office-package.ts';
import { ooxmlRule } from './ooxml-rules.ts';
import { editRelationships, readContentTypes, readRelationships, writeContentTypes } from './ooxml-package.ts';
import { ScrubError, UnsupportedContentError } from './scrub-error.ts';
import type { CleanFunction, CleanOutput, ScrubKind } from './scrub-types.ts';
import { editXml, isBalancedXml } from './xml-edit.ts';

const CONTENT_TYPES = '[Content_Types].xml';
const PROPERTIES_NS = 'http://schemas.openxmlformats.org/officeDocument/2006';
const NEUTRAL: Readonly<Record<string, string>> = {
  core:
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"/>',
  app: `<Properties xmlns="${PROPERTIES_NS}/extended-properties" xmlns:vt="${PROPERTIES_NS}/docPropsVTypes"/>`,
  custom: `<Properties xmlns="${PROPERTIES_NS}/custom-properties" xmlns:vt="${PROPERTIES_NS}/docPropsVTypes"/>`,
};
const PROPERTY_TYPES: Readonly<Record<string, string>> = {
  'application/vnd.openxmlformats-package.core-properties+xml': 'core',
  'application/vnd.openxmlformats-officedocument.extended-properties+xml': 'app',
  'application/vnd.openxmlformats-officedocument.custom-properties+xml': 'custom',
};
const PROPERTY_PATHS: Readonly<Record<string, string>> = { 'docProps/core.xml': 'core', 'docProps/app.xml': 'app', 'docProps/custom.xml': 'custom' };
const DROPPED: readonly (readonly [RegExp, string])[] = [
  [/^docProps\/thumbnail\.[a-z]+$/i, 'thumbnail'],
  [/^(word|xl|ppt)\/printerSettings\//, 'printer settings'],
  [/^customXml\//, 'custom XML data'],
  [/^docMetadata\//, 'sensitivity label (organisation)'],
  [/^xl\/revisions\//, 'revision history'],
  [/^\[trash\]\//, 'deleted parts'],
];
const THUMBNAIL_REL = '/metadata/thumbnail';
const TEMPLATE_REL = '/attachedTemplate';
const XML_PART = /\.(xml|rels|vml)$/i;
const NESTED: Partial<Record<ScrubKind, CleanFunction>> = { docx: cleanOoxml, xlsx: cleanOoxml, pptx: cleanOoxml };

function checkActiveContent(parts: readonly Part[], contentTypes: string): void {
  if (parts.some((p) => /(^|\/)(vbaProject\.bin|vbaData\.xml)$|(^|\/)activeX\//i.test(p.name)) || /macroEnabled/i.test(contentTypes)) {
    throw new UnsupportedContentError('the document contains macros or ActiveX controls (active content)');
  }
  if (parts.some((p) => p.name.startsWith('_xmlsignatures/'))) {
    throw new ScrubError('unsupported-feature', 'the document is digitally signed: cleaning it would break the signature');
  }
}

/** Parts to remove, with why: by path, and the thumbnail the package relationships name. */
function droppedParts(parts: readonly Part[], removed: string[]): Set<string> {
  const dropped = new Set<string>();
  for (const p of parts) {
    const rule = DROPPED.find(([re]) => re.test(p.name));
    if (rule !== undefined) {
      dropped.add(p.name);
      addOnce(removed, rule[1]);
    }
  }
  const packageRels = parts.find((p) => p.name === '_rels/.rels');
  for (const rel of packageRels === undefined ? [] : readRelationships(packageRels.name, partText(packageRels))) {
    if (rel.type.endsWith(THUMBNAIL_REL) && rel.target !== undefined && parts.some((p) => p.name === rel.target)) {
      dropped.add(rel.target);
      addOnce(removed, 'thumbnail');
    }
  }
  // A removed part's own relationships go with it.
  for (const p of parts) if ([...dropped].some((d) => p.name === d.replace(/([^/]+)$/, '_rels/$1.rels'))) dropped.add(p.name);
  return dropped;
}

function cleanPart(p: Part, kind: string | undefined, dropped: ReadonlySet<string>, removed: string[]): Part {
  if (kind !== undefined) {
    const neutral = textPart(p.name, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${NEUTRAL[kind] ?? ''}`);
    if (!sameBytes(neutral.data, p.data)) addOnce(removed, 'document properties (authors, dates, software)');
    return neutral;
  }
  if (p.name.endsWith('.rels')) return editPart(p, (xml) => editRelationships(p.name, xml, dropped, [TEMPLATE_REL]));
  if (XML_PART.test(p.name)) {
    return editPart(p, (xml) => {
      if (!isBalancedXml(xml)) throw new ScrubError('malformed', 'an XML part of the document is not well-formed');
      return editXml(xml, ooxmlRule(removed));
    });
  }
  return { ...p, data: cleanEmbeddedFile(p.name, p.data, removed, (k) => NESTED[k]) };
}

export function cleanOoxml(bytes: Uint8Array): CleanOutput {
  const parts = readParts(bytes);
  const typesPart = parts.find((p) => p.name === CONTENT_TYPES);
  if (typesPart === undefined) throw new ScrubError('malformed', 'no [Content_Types].xml in the document');
  const typesXml = partText(typesPart);
  checkActiveContent(parts, typesXml);
  const types = readContentTypes(typesXml);
  const removed: string[] = [];
  const dropped = droppedParts(parts, removed);
  const kept = parts.filter((p) => p.name !== CONTENT_TYPES && !dropped.has(p.name) && !p.name.endsWith('/'));
  const cleaned = kept.map((p) => cleanPart(p, PROPERTY_PATHS[p.name] ?? PROPERTY_TYPES[types.overrides.get(p.name) ?? ''], dropped, removed));
  const contentTypes = textPart(CONTENT_TYPES, writeContentTypes(types, new Set(kept.map((p) => p.name))));
  return { bytes: writeParts([contentTypes, ...cleaned]), removed };
}
