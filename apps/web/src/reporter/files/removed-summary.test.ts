import { describe, expect, it } from 'vitest';
import { removedCategories } from './removed-summary.ts';

describe('removedCategories', () => {
  it('folds a camera photo’s EXIF and XMP into plain categories, in a fixed order', () => {
    expect(removedCategories(['EXIF (GPS, camera, maker notes, dates, software, description, thumbnail)', 'XMP'])).toEqual([
      'gps',
      'device',
      'dates',
      'software',
      'texts',
      'pictures',
      'other',
    ]);
  });

  it('names document and audio metadata', () => {
    expect(removedCategories(['document properties'])).toEqual(['author']);
    expect(removedCategories(['ID3', 'encoder version'])).toEqual(['software', 'texts']);
    expect(removedCategories(['modification time', 'comment'])).toEqual(['dates', 'texts']);
  });

  it('says nothing when nothing was removed, and "other" for what it does not know', () => {
    expect(removedCategories([])).toEqual([]);
    expect(removedCategories(['ICC profile names'])).toEqual(['other']);
  });
});
