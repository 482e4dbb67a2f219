// A synchronous PDF reader built from pdf-lib's object parser. pdf-lib's own document parser
// and writer are async (they yield to the event loop every few objects), and `scrub()` must
// stay synchronous, so this module repeats the few steps of PDFParser.parseDocument (header,
// indirect objects, object streams, cross-reference streams, trailers) without the yields,
// with one difference: an object that does not parse fails the file instead of being kept
// as an unreadable blob (we would not know what it hides).
//
// pdf-lib does not export its ByteStream; the parser is therefore a PDFObjectStreamParser
// over a filter-less stream holding the whole file, which gives it the protected parsing
// methods of PDFObjectParser through pdf-lib's public API only.

import {
  CharCodes, PDFContext, PDFHeader, PDFName, PDFNumber, PDFObjectStreamParser, PDFRawStream, PDFRef, PDFXRefStreamParser, type PDFDict,
} from 'pdf-lib';
import { ScrubError } from './scrub-error.ts';

const keyword = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));
const K = {
  header: keyword('%PDF-'), obj: keyword('obj'), endobj: keyword('endobj'), xref: keyword('xref'), trailer: keyword('trailer'),
  startxref: keyword('startxref'), eof: keyword('%%EOF'),
} as const;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** Reads the objects of one object stream (Type /ObjStm) into its context. */
class ObjectStreamReader extends PDFObjectStreamParser {
  readAll(stream: PDFRawStream): void {
    const first = stream.dict.lookup(PDFName.of('First'), PDFNumber).asNumber();
    const count = stream.dict.lookup(PDFName.of('N'), PDFNumber).asNumber();
    const entries: [number, number][] = [];
    for (let i = 0; i < count; i++) {
      this.skipWhitespaceAndComments();
      const objectNumber = this.parseRawInt();
      this.skipWhitespaceAndComments();
      entries.push([objectNumber, this.parseRawInt()]);
    }
    for (const [objectNumber, offset] of entries) {
      this.bytes.moveTo(first + offset);
      this.context.assign(PDFRef.of(objectNumber, 0), this.parseObject());
    }
  }
}

class DocumentReader extends PDFObjectStreamParser {
  static ofFile(bytes: Uint8Array): DocumentReader {
    const context = PDFContext.create();
    return new DocumentReader(PDFRawStream.of(context.obj({ First: 0, N: 0 }), bytes));
  }

  read(): PDFContext {
    this.context.header = this.parseHeader();
    let previous = -1;
    while (!this.bytes.done()) {
      this.parseIndirectObjects();
      this.skipCrossReferenceTable();
      this.parseTrailerDict();
      this.skipStartXref();
      this.skipJunk();
      if (this.bytes.offset() === previous) throw new ScrubError('malformed', `PDF parsing stalled at offset ${previous}`);
      previous = this.bytes.offset();
    }
    this.context.delete(PDFRef.of(0));
    return this.context;
  }

  private parseHeader(): PDFHeader {
    while (!this.bytes.done()) {
      if (this.matchKeyword(K.header)) {
        const major = this.parseRawInt();
        this.bytes.assertNext(CharCodes.Period);
        const minor = this.parseRawInt();
        this.skipWhitespaceAndComments();
        return PDFHeader.forVersion(major, minor);
      }
      this.bytes.next();
    }
    throw new ScrubError('malformed', 'no PDF header');
  }

  private parseObjectHeader(): PDFRef {
    this.skipWhitespaceAndComments();
    const objectNumber = this.parseRawInt();
    this.skipWhitespaceAndComments();
    const generation = this.parseRawInt();
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(K.obj)) throw new ScrubError('malformed', 'missing "obj" keyword');
    return PDFRef.of(objectNumber, generation);
  }

  private isObjectHeaderNext(): boolean {
    const at = this.bytes.offset();
    try {
      this.parseObjectHeader();
      return true;
    } catch {
      return false;
    } finally {
      this.bytes.moveTo(at);
    }
  }

  private parseIndirectObjects(): void {
    this.skipWhitespaceAndComments();
    while (!this.bytes.done() && isDigit(this.bytes.peek())) {
      const at = this.bytes.offset();
      try {
        const ref = this.parseObjectHeader();
        this.skipWhitespaceAndComments();
        const object = this.parseObject();
        this.skipWhitespaceAndComments();
        this.matchKeyword(K.endobj);
        const type = object instanceof PDFRawStream ? object.dict.lookup(PDFName.of('Type')) : undefined;
        if (object instanceof PDFRawStream && type === PDFName.of('ObjStm')) new ObjectStreamReader(object).readAll(object);
        else if (object instanceof PDFRawStream && type === PDFName.of('XRef')) PDFXRefStreamParser.forStream(object).parseIntoContext();
        else this.context.assign(ref, object);
      } catch (error) {
        if (error instanceof ScrubError) throw error;
        throw new ScrubError('malformed', `PDF object at offset ${at} cannot be read`, { cause: error });
      }
      this.skipWhitespaceAndComments();
      this.skipJunk();
    }
  }

  private skipCrossReferenceTable(): void {
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(K.xref)) return;
    this.skipWhitespaceAndComments();
    while (!this.bytes.done() && isDigit(this.bytes.peek())) {
      this.parseRawInt();
      this.skipWhitespaceAndComments();
      this.parseRawInt();
      this.skipWhitespaceAndComments();
      const c = this.bytes.peek();
      if (c === CharCodes.n || c === CharCodes.f) this.bytes.next();
      this.skipWhitespaceAndComments();
    }
  }

  private parseTrailerDict(): void {
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(K.trailer)) return;
    this.skipWhitespaceAndComments();
    const dict: PDFDict = this.parseDict();
    // A later trailer (an incremental update) wins, key by key, as in pdf-lib.
    const info = this.context.trailerInfo;
    for (const key of ['Root', 'Encrypt', 'Info', 'ID'] as const) {
      const value = dict.get(PDFName.of(key)) ?? info[key];
      if (value !== undefined) info[key] = value;
    }
  }

  private skipStartXref(): void {
    this.skipWhitespaceAndComments();
    if (!this.matchKeyword(K.startxref)) return;
    this.skipWhitespaceAndComments();
    this.parseRawInt();
    this.skipWhitespace();
    this.matchKeyword(K.eof);
    this.skipWhitespaceAndComments();
    this.matchKeyword(K.eof);
    this.skipWhitespaceAndComments();
  }

  /** Some writers leave junk between objects; skip to the next object, table or trailer. */
  private skipJunk(): void {
    this.skipWhitespaceAndComments();
    while (!this.bytes.done()) {
      const at = this.bytes.offset();
      const c = this.bytes.peek();
      if (c >= CharCodes.Space && c <= CharCodes.Tilde) {
        if (this.matchKeyword(K.xref) || this.matchKeyword(K.trailer) || this.matchKeyword(K.startxref) || this.isObjectHeaderNext()) {
          this.bytes.moveTo(at);
          return;
        }
      }
      this.bytes.next();
    }
  }
}

/** Every object of the file in one context (later revisions win), with its trailer entries. */
export function readPdf(bytes: Uint8Array): PDFContext {
  try {
    return DocumentReader.ofFile(bytes).read();
  } catch (error) {
    if (error instanceof ScrubError) throw error;
    throw new ScrubError('malformed', 'the PDF cannot be read', { cause: error });
  }
}
