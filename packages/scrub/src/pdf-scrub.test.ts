// Rule by rule, on PDFs written by pdf-lib (async in tests is fine: only the cleaner must be
// synchronous), then re-read by pdf-lib to check what is left.

import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { concat, exifPayload, segment, TINY_BASELINE_JPEG, withSegments } from '../test-support/jpeg-fixtures.ts';
import { cleanPdf } from './pdf-scrub.ts';
import { ScrubError } from './scrub-error.ts';

const has = (bytes: Uint8Array, text: string): boolean => Buffer.from(bytes).includes(text);
const PHOTO = withSegments(TINY_BASELINE_JPEG, segment(0xe1, exifPayload({ make: 'Nokia', gps: true })));

async function dirtyPdf(useObjectStreams: boolean): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Rapport');
  doc.setAuthor('Alice Traoré');
  doc.setProducer('Microsoft Word');
  doc.setCreationDate(new Date(2024, 0, 2));
  const page = doc.addPage([200, 200]);
  page.drawImage(await doc.embedJpg(PHOTO), { x: 0, y: 0, width: 10, height: 10 });
  page.drawText('Le maire a recu 2 millions.', { x: 10, y: 100, size: 8 });
  await doc.attach(new TextEncoder().encode('secret list'), 'sources.txt', { mimeType: 'text/plain' });
  const { context, catalog } = doc;
  catalog.set(PDFName.of('OpenAction'), context.obj({ S: 'JavaScript', JS: PDFString.of('app.launchURL("https://evil.example")') }));
  catalog.set(PDFName.of('Metadata'), context.register(context.stream('<x:xmpmeta>Alice Traore</x:xmpmeta>', { Type: 'Metadata', Subtype: 'XML' })));
  const note = context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [0, 0, 10, 10], T: PDFString.of('Alice Traore'), M: PDFString.of('D:20240102'), Contents: PDFString.of('voir') });
  const field = context.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Tx', T: PDFString.of('montant'), Rect: [0, 0, 10, 10] });
  page.node.set(PDFName.of('Annots'), context.obj([context.register(note), context.register(field)]));
  page.node.set(PDFName.of('PieceInfo'), context.obj({ Illustrator: { Private: PDFString.of('Alice') } }));
  return doc.save({ useObjectStreams });
}

describe('PDF', () => {
  it.each([false, true])('removes Info, XMP, embedded files, JavaScript and authors (object streams: %s)', async (useObjectStreams) => {
    const out = cleanPdf(await dirtyPdf(useObjectStreams));
    expect(out.removed).toEqual([
      'document information (author, title and description, software, dates)', 'JavaScript and actions', 'XMP', 'embedded files',
      'application data (PieceInfo)', 'annotation authors', 'dates', 'image metadata: EXIF (GPS, camera)',
    ]);
    expect(has(out.bytes, 'Alice') || has(out.bytes, 'evil.example') || has(out.bytes, 'Nokia') || has(out.bytes, 'Microsoft')).toBe(false);
    const doc = await PDFDocument.load(out.bytes, { updateMetadata: false });
    expect([doc.getTitle(), doc.getAuthor(), doc.getProducer()]).toEqual([undefined, undefined, undefined]);
    expect(doc.catalog.has(PDFName.of('OpenAction')) || doc.catalog.has(PDFName.of('Metadata'))).toBe(false);
    expect(doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict)?.has(PDFName.of('EmbeddedFiles'))).toBeFalsy();
    const annots = doc.getPage(0).node.lookup(PDFName.of('Annots'), PDFArray).asArray().map((a) => doc.context.lookup(a, PDFDict));
    expect(annots.map((a) => a.lookup(PDFName.of('T'), PDFString).decodeText())).toEqual(['', 'montant']);
    const images = doc.context.enumerateIndirectObjects().filter(([, o]) => o instanceof PDFRawStream && o.dict.get(PDFName.of('Filter')) === PDFName.of('DCTDecode'));
    expect(images).toHaveLength(1);
    expect(doc.getPageCount()).toBe(1);
    expect(cleanPdf(out.bytes)).toEqual({ bytes: out.bytes, removed: [] });
  });

  it('drops objects nothing refers to, such as an old revision’s Info', async () => {
    const saved = await dirtyPdf(false);
    const out = cleanPdf(concat(saved, new TextEncoder().encode('\n90 0 obj\n<< /Author (Alice Old) >>\nendobj\n')));
    expect(has(out.bytes, 'Alice Old')).toBe(false);
  });

  it('fails on encrypted and signed PDFs, JPEG 2000 images and damaged files', async () => {
    const saved = await dirtyPdf(false);
    const encrypted = concat(saved, new TextEncoder().encode('\ntrailer\n<< /Size 1 /Encrypt << /Filter /Standard >> >>\nstartxref\n0\n%%EOF\n'));
    expect(() => cleanPdf(encrypted)).toThrow(/encrypted/);
    const signed = concat(saved, new TextEncoder().encode('\n91 0 obj\n<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>\nendobj\n'));
    expect(() => cleanPdf(signed)).toThrow(/signed/);
    const doc = await PDFDocument.load(saved);
    const jpx = doc.context.register(doc.context.stream(new Uint8Array(8), { Type: 'XObject', Subtype: 'Image', Filter: 'JPXDecode' }));
    doc.getPage(0).node.set(PDFName.of('Thumb'), jpx);
    doc.catalog.set(PDFName.of('Extra'), jpx);
    const withJpx = await doc.save({ useObjectStreams: false });
    expect(() => cleanPdf(withJpx)).toThrow(/JPEG 2000/);
    expect(() => cleanPdf(new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /Catalog'))).toThrow(ScrubError);
  });
});
