/**
 * What a cleaner removed, in words a reporter understands. packages/scrub names what it removed
 * precisely and in English ('EXIF (GPS, camera, maker notes, dates)', 'XMP', 'ID3' …): useful to
 * developers, meaningless or untranslated for a reporter. This folds those names into a few
 * plain categories, each a catalogue key, in a fixed order.
 */
export const REMOVED_CATEGORIES = ['gps', 'device', 'dates', 'author', 'software', 'texts', 'pictures', 'other'] as const;
export type RemovedCategory = (typeof REMOVED_CATEGORIES)[number];

const PATTERNS: readonly (readonly [RemovedCategory, RegExp])[] = [
  ['gps', /\bgps\b|position|location/i],
  ['device', /camera|maker|serial|device|model/i],
  ['dates', /date|time/i],
  ['author', /author|propert|creator|editor|document information|iptc|photoshop|copyright/i],
  ['software', /software|encoder|tool|pdftex|producer|lame/i],
  ['texts', /comment|description|title|tag|id3|vorbis|lyrics|\binfo\b|user data|track name/i],
  ['pictures', /thumbnail|picture|preview|trailing|figure/i],
];

export function removedCategories(removed: readonly string[]): RemovedCategory[] {
  const found = new Set<RemovedCategory>();
  for (const label of removed) {
    const matches = PATTERNS.filter(([, pattern]) => pattern.test(label)).map(([category]) => category);
    for (const category of matches.length > 0 ? matches : (['other'] as const)) found.add(category);
  }
  return REMOVED_CATEGORIES.filter((category) => found.has(category));
}
