// What to change inside the XML parts of a Word, Excel or PowerPoint document: the names,
// initials and account ids of comment and revision authors, their dates, the revision session
// ids (rsid) that link a document to an editing session, the path of the template (it names
// the user's folders), the file path Excel keeps, and document GUIDs. Everything else, the
// text and the tracked changes themselves included, is the reporter's content and stays.

import { addOnce } from './bytes.ts';
import type { XmlAttribute, XmlRule } from './xml-edit.ts';

// Attributes naming a person or an account, in any namespace (Word w:author, PowerPoint
// p188:author/@userId, Excel person/@providerId, revision headers' userName).
const PERSON_ATTRIBUTES = new Set(['author', 'initials', 'userId', 'providerId', 'userName']);
// Attributes called "name" or "displayName" that name a person, by element.
const PERSON_NAME_ELEMENTS = new Set(['cmAuthor', 'author', 'person', 'userInfo']);
const DROPPED_ELEMENTS: ReadonlyMap<string, string> = new Map([
  ['rsids', 'editing session IDs (rsid)'],
  ['attachedTemplate', 'template path'],
  ['docId', 'document IDs'],
  ['revisionPtr', 'document IDs'],
  ['absPath', 'file path'],
]);
const EPOCH = '1970-01-01T00:00:00Z';

function isPersonAttribute(element: string, a: XmlAttribute): boolean {
  return PERSON_ATTRIBUTES.has(a.local) || (PERSON_NAME_ELEMENTS.has(element) && (a.local === 'name' || a.local === 'displayName'));
}

/** Optional date attributes we drop: Word's w:date and dateUtc, PowerPoint's and Excel's comment dates. */
function isDroppedDate(element: string, a: XmlAttribute): boolean {
  return a.name === 'w:date' || a.local === 'dateUtc' || (element === 'cm' && a.local === 'dt') || (element === 'threadedComment' && a.local === 'dT');
}

/** The rule for every XML part of an OOXML package; labels what it changes in `removed`. */
export function ooxmlRule(removed: string[]): XmlRule {
  return (element) => {
    const dropLabel = DROPPED_ELEMENTS.get(element.local);
    if (dropLabel !== undefined && (element.local !== 'docId' || /^w1[45]:/.test(element.name))) {
      addOnce(removed, dropLabel);
      return { kind: 'drop' };
    }
    let changed = false;
    const attributes = element.attributes.flatMap((a): XmlAttribute[] => {
      if (a.local.startsWith('rsid') && a.name.startsWith('w:')) {
        addOnce(removed, 'editing session IDs (rsid)');
        changed = true;
        return [];
      }
      if (isDroppedDate(element.local, a)) {
        addOnce(removed, 'comment and revision dates');
        changed = true;
        return [];
      }
      // PowerPoint's modern comments require a creation date: a fixed one says nothing.
      if (element.local === 'cm' && a.local === 'created' && a.value !== EPOCH) {
        addOnce(removed, 'comment and revision dates');
        changed = true;
        return [{ ...a, value: EPOCH }];
      }
      if (isPersonAttribute(element.local, a) && a.value !== '') {
        addOnce(removed, 'comment and revision authors');
        changed = true;
        return [{ ...a, value: '' }];
      }
      return [a];
    });
    // Excel lists comment authors as <author>Name</author>.
    if (element.name === 'author') {
      return { kind: 'edit', attributes, text: '', onTextChange: () => addOnce(removed, 'comment and revision authors') };
    }
    return changed ? { kind: 'edit', attributes } : undefined;
  };
}
