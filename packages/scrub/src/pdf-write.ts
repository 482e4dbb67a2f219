// Writes a PDF context synchronously, as pdf-lib's PDFWriter does (without its yields): the
// header, every indirect object, a classic cross-reference table and a trailer holding only
// Size and Root. No Info dictionary and no document ID are written.

import { PDFCrossRefSection, PDFTrailer, PDFTrailerDict, type PDFContext } from 'pdf-lib';

const encoder = new TextEncoder();

export function writePdf(context: PDFContext): Uint8Array<ArrayBuffer> {
  const objects = context.enumerateIndirectObjects();
  const heads = objects.map(([ref]) => encoder.encode(`${ref.objectNumber} ${ref.generationNumber} obj\n`));
  const tail = encoder.encode('\nendobj\n\n');
  let size = context.header.sizeInBytes() + 2;
  const xref = PDFCrossRefSection.create();
  objects.forEach(([ref, object], i) => {
    xref.addEntry(ref, size);
    size += (heads[i]?.length ?? 0) + object.sizeInBytes() + tail.length;
  });
  const xrefOffset = size;
  // Size from the objects written, not pdf-lib's counter (which remembers dropped objects).
  const largest = objects.reduce((max, [ref]) => Math.max(max, ref.objectNumber), 0);
  const trailerDict = PDFTrailerDict.of(context.obj({ Size: largest + 1, Root: context.trailerInfo.Root }));
  const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
  size += xref.sizeInBytes() + 1 + trailerDict.sizeInBytes() + 2 + trailer.sizeInBytes();
  const out = new Uint8Array(size);
  let at = context.header.copyBytesInto(out, 0);
  out[at++] = 0x0a;
  out[at++] = 0x0a;
  objects.forEach(([, object], i) => {
    const head = heads[i] ?? new Uint8Array();
    out.set(head, at);
    at += head.length;
    at += object.copyBytesInto(out, at);
    out.set(tail, at);
    at += tail.length;
  });
  at += xref.copyBytesInto(out, at);
  out[at++] = 0x0a;
  at += trailerDict.copyBytesInto(out, at);
  out[at++] = 0x0a;
  out[at++] = 0x0a;
  trailer.copyBytesInto(out, at);
  return out;
}
