// Rule by rule, on hand-built Word, Excel, PowerPoint and OpenDocument files.

import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { docx, DOCX_PARTS, odt, pptx, xlsx } from '../test-support/office-fixtures.ts';
import { cleanOdf } from './odf-scrub.ts';
import { cleanOoxml } from './ooxml-scrub.ts';
import { readZipDirectory } from './zip-archive.ts';
import { ScrubError, UnsupportedContentError } from './scrub-error.ts';

const decoder = new TextDecoder();
const partsOf = (bytes: Uint8Array): Record<string, string> =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, decoder.decode(data)]));
const mentions = (bytes: Uint8Array, text: string): string[] =>
  Object.entries(partsOf(bytes)).filter(([, content]) => content.includes(text)).map(([name]) => name);

describe('DOCX', () => {
  const out = cleanOoxml(docx());
  const parts = partsOf(out.bytes);

  it('removes properties, thumbnail, printer settings, custom XML, authors, dates, rsids and the template path', () => {
    expect(out.removed).toEqual([
      'thumbnail', 'printer settings', 'custom XML data', 'document properties (authors, dates, software)', 'editing session IDs (rsid)',
      'comment and revision authors', 'comment and revision dates', 'template path', 'embedded file: comment',
    ]);
    for (const s of ['Alice', 'alice', 'Mairie', 'Microsoft', 'PRINT-MAIRIE', '00A1B2C3', '2024-01-02']) expect(mentions(out.bytes, s)).toEqual([]);
  });

  it('keeps the text, the tracked change and the picture, and the package consistent', () => {
    expect(parts['word/document.xml']).toContain('Le maire a reçu 2 millions.');
    expect(parts['word/document.xml']).toContain('<w:ins w:id="1" w:author="">');
    expect(Object.keys(parts).sort()).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'docProps/app.xml', 'docProps/core.xml', 'docProps/custom.xml', 'word/_rels/document.xml.rels',
      'word/_rels/settings.xml.rels', 'word/comments.xml', 'word/document.xml', 'word/media/image1.png', 'word/settings.xml',
    ]);
    expect(parts['[Content_Types].xml']).not.toContain('customXml');
    expect(parts['_rels/.rels']).not.toContain('thumbnail');
    expect(parts['word/_rels/document.xml.rels']).not.toContain('customXml');
    expect(parts['word/_rels/settings.xml.rels']).not.toContain('attachedTemplate');
  });

  it('writes entries with a fixed date and no extra fields, and is stable', () => {
    expect(readZipDirectory(out.bytes)?.every((e) => e.flags === 0)).toBe(true);
    expect(cleanOoxml(out.bytes)).toEqual({ bytes: out.bytes, removed: [] });
  });

  it('rewrites broken content types from the entries it can read', () => {
    const broken = { ...DOCX_PARTS, '[Content_Types].xml': `${String(DOCX_PARTS['[Content_Types].xml']).replace('</Types>', '')}\n<an\n<invalid\n<xml/\nfile/>\n</Types>` };
    const types = partsOf(cleanOoxml(docx(broken)).bytes)['[Content_Types].xml'];
    expect(types).toContain('/word/document.xml');
    expect(types).not.toContain('invalid');
  });

  it('refuses macros as active content, and fails signed, encrypted-entry and damaged documents', () => {
    expect(() => cleanOoxml(docx({ ...DOCX_PARTS, 'word/vbaProject.bin': strToU8('Attribute VB_Name') }))).toThrow(UnsupportedContentError);
    expect(() => cleanOoxml(docx({ ...DOCX_PARTS, '_xmlsignatures/sig1.xml': '<Signature/>' }))).toThrow(/signed/);
    expect(() => cleanOoxml(docx({ ...DOCX_PARTS, 'word/embeddings/oleObject1.bin': strToU8('OLE') }))).toThrow(/embedded .bin file cannot be cleaned/);
    const damaged = docx();
    damaged[60] = (damaged[60] ?? 0) ^ 0xff;
    expect(() => cleanOoxml(damaged)).toThrow(ScrubError);
    expect(() => cleanOoxml(docx({ ...DOCX_PARTS, 'word/document.xml': '<w:document><w:body>' }))).toThrow(/not well-formed/);
  });
});

describe('XLSX and PPTX', () => {
  it('blanks comment authors and person ids, drops the file path', () => {
    const out = cleanOoxml(xlsx());
    expect(out.removed).toEqual(['file path', 'comment and revision authors']);
    for (const s of ['Alice', 'alice', 'Users']) expect(mentions(out.bytes, s)).toEqual([]);
  });

  it('blanks PowerPoint comment authors and drops comment dates', () => {
    const out = cleanOoxml(pptx());
    expect(out.removed).toEqual(['comment and revision authors', 'comment and revision dates']);
    expect(mentions(out.bytes, 'Alice')).toEqual([]);
    expect(mentions(out.bytes, '2024')).toEqual([]);
  });
});

describe('ODT', () => {
  it('empties meta.xml, drops the thumbnail, blanks annotation authors, printer names and rsids', () => {
    const out = cleanOdf(odt());
    expect(out.removed).toEqual([
      'thumbnail', 'document properties (authors, dates, software)', 'editing session IDs (rsid)', 'comment and revision authors',
      'comment and revision dates', 'printer and data source names', 'embedded file: author',
    ]);
    for (const s of ['Alice', 'LibreOffice', 'PRINT-MAIRIE', '0012ab34', '1193524', '2024']) expect(mentions(out.bytes, s)).toEqual([]);
    const parts = partsOf(out.bytes);
    expect(Object.keys(parts)[0]).toBe('mimetype');
    expect(parts['content.xml']).toContain('Le maire a reçu 2 millions.');
    expect(parts['META-INF/manifest.xml']).not.toContain('Thumbnails');
    expect(parts['meta.xml']).toContain('office:version="1.3"');
    expect(cleanOdf(out.bytes)).toEqual({ bytes: out.bytes, removed: [] });
  });

  it('refuses macros, fails encrypted and signed documents', () => {
    expect(() => cleanOdf(odt({ 'Basic/Standard/Module1.xml': '<script:module/>' }))).toThrow(UnsupportedContentError);
    expect(() => cleanOdf(odt({}, '<manifest:encryption-data/>'))).toThrow(/encrypted/);
    expect(() => cleanOdf(odt({ 'META-INF/documentsignatures.xml': '<x/>' }))).toThrow(/signed/);
  });
});
