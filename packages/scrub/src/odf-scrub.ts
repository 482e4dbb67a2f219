// OpenDocument (ODT, ODS, ODP) cleaner. meta.xml (initial creator, last editor, dates, editing
// time and cycles, generator, user-defined fields) becomes an empty office:meta; the thumbnail
// goes with its manifest entries; printer names and revision session ids (rsid) leave
// settings.xml and the content; comment and change-tracking authors are blanked and their
// dates fixed; pictures and media are cleaned by their own cleaners (office-media.ts).
//
// SECURITY: macros (Basic/, Scripts/) and event listeners make the document `unsupported`
// (active content); an encrypted or signed document fails: we cannot read the one, and
// cleaning would break the other.

import { addOnce, sameBytes } from './bytes.ts';
import { cleanEmbeddedFile } from './office-media.ts';
import { editPart, partText, readParts, textPart, writeParts, type Part } from './office-package.ts';
import { ScrubError, UnsupportedContentError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';
import { attributeValue, editXml, isBalancedXml, type XmlRule } from './xml-edit.ts';

const MANIFEST = 'META-INF/manifest.xml';
const EPOCH = '1970-01-01T00:00:00';
const PRINTER_ITEMS = new Set(['PrinterName', 'PrinterSetup', 'PrintFaxName', 'CurrentDatabaseDataSource', 'CurrentDatabaseCommand']);
const RSID_ITEMS = new Set(['Rsid', 'RsidRoot']);
const XML_PART = /\.(xml|rdf)$/i;

function neutralMeta(original: string): string {
  const version = /office:version\s*=\s*["']([0-9.]+)["']/.exec(original)?.[1] ?? '1.2';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="${version}"><office:meta/></office:document-meta>`;
}

function checkParts(parts: readonly Part[]): void {
  const manifest = parts.find((p) => p.name === MANIFEST);
  if (manifest === undefined) throw new ScrubError('malformed', 'no META-INF/manifest.xml in the document');
  if (partText(manifest).includes('encryption-data')) throw new ScrubError('unsupported-feature', 'the document is encrypted');
  if (parts.some((p) => /^META-INF\/.*signatures.*\.xml$/i.test(p.name))) {
    throw new ScrubError('unsupported-feature', 'the document is digitally signed: cleaning it would break the signature');
  }
  const macros = parts.some((p) => /^(Basic|Scripts)\//.test(p.name) && !/-lc\.xml$|\/$/.test(p.name) && p.data.length > 0);
  const listeners = parts.some((p) => /(^|\/)(content|styles)\.xml$/.test(p.name) && /<(script|office):event-listeners?[\s>/]/.test(partText(p)));
  if (macros || listeners) throw new UnsupportedContentError('the document contains macros or scripted events (active content)');
}

function contentRule(removed: string[]): XmlRule {
  return (e) => {
    if (e.name === 'dc:creator' || e.name === 'meta:creator-initials') {
      return { kind: 'edit', attributes: e.attributes, text: '', onTextChange: () => addOnce(removed, 'comment and revision authors') };
    }
    if (e.name === 'dc:date') {
      return { kind: 'edit', attributes: e.attributes, text: EPOCH, onTextChange: () => addOnce(removed, 'comment and revision dates') };
    }
    const attributes = e.attributes.filter((a) => !(a.name.startsWith('officeooo:') && a.local.endsWith('rsid')));
    if (attributes.length === e.attributes.length) return undefined;
    addOnce(removed, 'editing session IDs (rsid)');
    return { kind: 'edit', attributes };
  };
}

function settingsRule(removed: string[]): XmlRule {
  return (e) => {
    if (e.name !== 'config:config-item') return undefined;
    const nameAttr = e.attributes.find((a) => a.name === 'config:name');
    const name = nameAttr === undefined ? '' : attributeValue(nameAttr);
    if (RSID_ITEMS.has(name)) {
      addOnce(removed, 'editing session IDs (rsid)');
      return { kind: 'drop' };
    }
    if (!PRINTER_ITEMS.has(name)) return undefined;
    return { kind: 'edit', attributes: e.attributes, text: '', onTextChange: () => addOnce(removed, 'printer and data source names') };
  };
}

function manifestRule(dropped: ReadonlySet<string>): XmlRule {
  return (e) => {
    if (e.name !== 'manifest:file-entry') return undefined;
    const path = e.attributes.find((a) => a.name === 'manifest:full-path');
    return path !== undefined && dropped.has(attributeValue(path)) ? { kind: 'drop' } : undefined;
  };
}

function cleanPart(p: Part, dropped: ReadonlySet<string>, removed: string[]): Part {
  if (p.name === 'mimetype') return { ...p, stored: true };
  if (p.name === MANIFEST) return editPart(p, (xml) => editXml(xml, manifestRule(dropped)));
  if (/(^|\/)meta\.xml$/.test(p.name)) {
    const neutral = textPart(p.name, neutralMeta(partText(p)));
    if (!sameBytes(neutral.data, p.data)) addOnce(removed, 'document properties (authors, dates, software)');
    return neutral;
  }
  if (!XML_PART.test(p.name)) return { ...p, data: cleanEmbeddedFile(p.name, p.data, removed, () => undefined) };
  const rule = /(^|\/)settings\.xml$/.test(p.name) ? settingsRule(removed) : contentRule(removed);
  return editPart(p, (xml) => {
    if (!isBalancedXml(xml)) throw new ScrubError('malformed', 'an XML part of the document is not well-formed');
    return editXml(xml, rule);
  });
}

export function cleanOdf(bytes: Uint8Array): CleanOutput {
  const parts = readParts(bytes);
  checkParts(parts);
  const mimetype = parts.find((p) => p.name === 'mimetype');
  if (mimetype === undefined) throw new ScrubError('malformed', 'no mimetype entry in the document');
  const removed: string[] = [];
  const dropped = new Set(parts.filter((p) => p.name.startsWith('Thumbnails/')).map((p) => p.name));
  if ([...dropped].some((name) => !name.endsWith('/'))) addOnce(removed, 'thumbnail');
  dropped.add('Thumbnails/');
  const kept = parts.filter((p) => p !== mimetype && !dropped.has(p.name) && !p.name.endsWith('/'));
  // The mimetype entry must come first, uncompressed, for the file to be recognised.
  return { bytes: writeParts([cleanPart(mimetype, dropped, removed), ...kept.map((p) => cleanPart(p, dropped, removed))]), removed };
}
