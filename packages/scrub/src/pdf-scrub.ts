// PDF cleaner. Removes the document information dictionary (author, creator and producer
// software, dates, title), the document ID, XMP metadata streams wherever they hang (catalog,
// pages, images, fonts), application data (PieceInfo), page thumbnails, pdfTeX's file names
// and the Info dictionaries of included figures, embedded files, JavaScript and other actions
// that run or launch something, and markup annotations' authors and dates. JPEG images
// (DCTDecode) are cleaned with the JPEG cleaner, so their EXIF and GPS go too. Objects that
// nothing references any more (old revisions, cut-loose metadata) are dropped, and the file
// is written afresh. Page content is copied byte for byte.
//
// SECURITY: what we cannot clean fails the file rather than passing as clean: encryption,
// digital signatures (cleaning breaks them), JPEG 2000 images and JPEG data behind another
// filter (their metadata would stay). See README for what a PDF can still hold.

import { PDFArray, PDFDict, PDFName, PDFRawStream, PDFString, type PDFContext, type PDFObject } from 'pdf-lib';
import { addOnce } from './bytes.ts';
import { cleanJpeg } from './jpeg-scrub.ts';
import { dropUnreachable, forEachDict } from './pdf-objects.ts';
import { readPdf } from './pdf-parse.ts';
import { writePdf } from './pdf-write.ts';
import { ScrubError } from './scrub-error.ts';
import type { CleanOutput } from './scrub-types.ts';

const name = (s: string): PDFName => PDFName.of(s);
const REMOVED_KEYS: ReadonlyMap<string, string> = new Map([
  ['Metadata', 'XMP'],
  ['PieceInfo', 'application data (PieceInfo)'],
  ['LastModified', 'dates'],
  ['AA', 'JavaScript and actions'],
  ['Thumb', 'page thumbnails'],
  ['EmbeddedFiles', 'embedded files'],
  ['EF', 'embedded files'],
  ['JavaScript', 'JavaScript and actions'],
  ['XFA', 'XFA form (scripts)'],
  ['Collection', 'embedded files'],
  ['SpiderInfo', 'web capture information'],
]);
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'ImportData', 'GoToE', 'Rendition', 'RichMediaExecute']);
const ACTION_KEYS = ['A', 'OpenAction', 'Next'];
const MEDIA_ANNOTATIONS = new Set(['FileAttachment', 'Sound', 'Movie', 'Screen', 'RichMedia', '3D']);
const INFO_LABELS: Readonly<Record<string, string>> = {
  Author: 'author', Creator: 'software', Producer: 'software', CreationDate: 'dates', ModDate: 'dates',
  Title: 'title and description', Subject: 'title and description', Keywords: 'title and description',
};

const INFO_LABEL_ORDER = ['author', 'title and description', 'software', 'dates', 'other fields'];

function nameOf(context: PDFContext, value: PDFObject | undefined): string | undefined {
  const v = context.lookup(value);
  return v instanceof PDFName ? v.decodeText() : undefined;
}

function isActiveAction(context: PDFContext, value: PDFObject | undefined): boolean {
  const action = context.lookup(value);
  return action instanceof PDFDict && ACTIVE_ACTIONS.has(nameOf(context, action.get(name('S'))) ?? '');
}

function cleanAnnotations(context: PDFContext, dict: PDFDict, removed: string[]): void {
  const annots = context.lookup(dict.get(name('Annots')));
  if (!(annots instanceof PDFArray)) return;
  const kept = annots.asArray().filter((a) => {
    const subtype = nameOf(context, context.lookupMaybe(a, PDFDict)?.get(name('Subtype')));
    if (!MEDIA_ANNOTATIONS.has(subtype ?? '')) return true;
    addOnce(removed, 'embedded files');
    return false;
  });
  if (kept.length !== annots.size()) dict.set(name('Annots'), context.obj(kept));
}

/** Applies the per-dictionary rules; reports what it removes. */
function cleanDict(context: PDFContext, dict: PDFDict, removed: string[]): void {
  for (const key of dict.keys()) {
    const k = key.decodeText();
    const label = REMOVED_KEYS.get(k) ?? (k.startsWith('PTEX.') ? 'file names and included-figure information (pdfTeX)' : undefined);
    if (label !== undefined) {
      dict.delete(key);
      addOnce(removed, label);
    } else if (ACTION_KEYS.includes(k) && isActiveAction(context, dict.get(key))) {
      dict.delete(key);
      addOnce(removed, 'JavaScript and actions');
    }
  }
  const subtype = nameOf(context, dict.get(name('Subtype')));
  cleanAnnotations(context, dict, removed);
  // A markup annotation's /T is its author; a form field's /T is its name and must stay.
  const isMarkup = subtype !== undefined && subtype !== 'Widget' && subtype !== 'Link' && !dict.has(name('FT'));
  if (isMarkup && dict.has(name('T'))) {
    const t = context.lookup(dict.get(name('T')));
    if (!(t instanceof PDFString && t.decodeText() === '')) addOnce(removed, 'annotation authors');
    dict.set(name('T'), PDFString.of(''));
  }
  if (subtype !== undefined && (dict.has(name('M')) || dict.has(name('CreationDate')))) {
    dict.delete(name('M'));
    dict.delete(name('CreationDate'));
    addOnce(removed, 'dates');
  }
}

function checkCleanable(context: PDFContext): void {
  if (context.trailerInfo.Encrypt !== undefined) throw new ScrubError('unsupported-feature', 'the PDF is encrypted');
  forEachDict(context, (dict) => {
    if (nameOf(context, dict.get(name('Type'))) === 'Sig' || (dict.has(name('ByteRange')) && dict.has(name('Contents')))) {
      throw new ScrubError('unsupported-feature', 'the PDF is digitally signed: cleaning it would break the signature');
    }
  });
}

function filtersOf(context: PDFContext, stream: PDFRawStream): string[] {
  const filter = context.lookup(stream.dict.get(name('Filter')));
  if (filter instanceof PDFName) return [filter.decodeText()];
  if (filter instanceof PDFArray) return filter.asArray().map((f) => nameOf(context, f) ?? '?');
  return [];
}

function cleanImages(context: PDFContext, removed: string[]): void {
  for (const [ref, object] of context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFRawStream)) continue;
    const filters = filtersOf(context, object);
    if (filters.includes('JPXDecode')) throw new ScrubError('unsupported-feature', 'the PDF holds a JPEG 2000 image, whose metadata we cannot remove');
    if (!filters.includes('DCTDecode')) continue;
    if (filters.length !== 1) throw new ScrubError('unsupported-feature', 'the PDF holds a JPEG image behind another filter');
    try {
      const out = cleanJpeg(object.contents);
      for (const label of out.removed) addOnce(removed, `image metadata: ${label}`);
      context.assign(ref, PDFRawStream.of(object.dict, out.bytes));
    } catch (error) {
      if (error instanceof ScrubError) throw new ScrubError(error.code, `a JPEG image in the PDF: ${error.message}`, { cause: error });
      throw error;
    }
  }
}

function infoLabel(context: PDFContext): string | undefined {
  const info = context.lookup(context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return context.trailerInfo.Info === undefined ? undefined : 'document information';
  const labels = new Set(info.keys().map((k) => INFO_LABELS[k.decodeText()] ?? 'other fields'));
  const found = INFO_LABEL_ORDER.filter((l) => labels.has(l));
  return found.length === 0 ? undefined : `document information (${found.join(', ')})`;
}

export function cleanPdf(bytes: Uint8Array): CleanOutput {
  const context = readPdf(bytes);
  if (!(context.lookup(context.trailerInfo.Root) instanceof PDFDict)) throw new ScrubError('malformed', 'the PDF has no document catalog');
  checkCleanable(context);
  const removed: string[] = [];
  const info = infoLabel(context);
  if (info !== undefined) removed.push(info);
  if (context.trailerInfo.ID !== undefined) removed.push('document ID');
  const root = context.trailerInfo.Root;
  context.trailerInfo = root === undefined ? {} : { Root: root };
  forEachDict(context, (dict) => cleanDict(context, dict, removed));
  cleanImages(context, removed);
  // Lengths become direct numbers when written; do it now so that an indirect length object
  // is collected here, not left behind until the next pass.
  for (const [, object] of context.enumerateIndirectObjects()) if (object instanceof PDFRawStream) object.updateDict();
  dropUnreachable(context);
  return { bytes: writePdf(context), removed };
}
