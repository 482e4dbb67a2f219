// Walking a PDF's object graph: every dictionary in every object (stream dictionaries and
// nested direct dictionaries included), and the objects reachable from the catalog.

import { PDFArray, PDFDict, PDFRef, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';

/** Calls `visit` on every dictionary inside `object`, depth first, without following references. */
function eachDictIn(object: PDFObject, visit: (dict: PDFDict) => void): void {
  if (object instanceof PDFStream) return eachDictIn(object.dict, visit);
  if (object instanceof PDFDict) {
    visit(object);
    for (const value of object.values()) eachDictIn(value, visit);
  } else if (object instanceof PDFArray) {
    for (const value of object.asArray()) eachDictIn(value, visit);
  }
}

export function forEachDict(context: PDFContext, visit: (dict: PDFDict) => void): void {
  for (const [, object] of context.enumerateIndirectObjects()) eachDictIn(object, visit);
}

function refsIn(object: PDFObject, out: PDFRef[]): void {
  if (object instanceof PDFRef) out.push(object);
  else if (object instanceof PDFStream) refsIn(object.dict, out);
  else if (object instanceof PDFDict) for (const value of object.values()) refsIn(value, out);
  else if (object instanceof PDFArray) for (const value of object.asArray()) refsIn(value, out);
}

/**
 * Deletes every object the catalog cannot reach. pdf-lib keeps all parsed objects, and a
 * file edited in place keeps old ones: earlier Info dictionaries, replaced pages and images,
 * the XMP packets we cut loose. Returns how many went.
 */
export function dropUnreachable(context: PDFContext): number {
  const root = context.trailerInfo.Root;
  const seen = new Set<PDFRef>();
  const queue: PDFRef[] = root instanceof PDFRef ? [root] : [];
  if (root !== undefined && !(root instanceof PDFRef)) refsIn(root, queue);
  while (queue.length > 0) {
    const ref = queue.pop();
    if (ref === undefined || seen.has(ref)) continue;
    seen.add(ref);
    const object = context.lookup(ref);
    if (object !== undefined) refsIn(object, queue);
  }
  let dropped = 0;
  for (const [ref] of context.enumerateIndirectObjects()) {
    if (!seen.has(ref)) {
      context.delete(ref);
      dropped++;
    }
  }
  return dropped;
}
