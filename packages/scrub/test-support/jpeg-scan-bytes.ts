// An independent reader of a JPEG's entropy-coded scan data, written apart from src/ so the
// "pixels untouched" test does not grade the cleaner with its own parser. Scan data runs from
// the end of an SOS segment to the 0xFF run of the next marker (a byte >= 0xC0 that is not
// RSTn); stuffed 0xFF00, RSTn and invalid 0xFF01..0xFFBF pairs are part of it.

export function scanData(jpeg: Uint8Array): Uint8Array[] {
  const scans: Uint8Array[] = [];
  let pos = 2;
  while (pos + 4 <= jpeg.length) {
    while (jpeg[pos] === 0xff && jpeg[pos + 1] === 0xff) pos++; // fill bytes
    const marker = jpeg[pos + 1] ?? 0;
    if (jpeg[pos] !== 0xff || marker === 0xd9) break;
    const segmentEnd = pos + 2 + (((jpeg[pos + 2] ?? 0) << 8) | (jpeg[pos + 3] ?? 0));
    pos = segmentEnd;
    if (marker !== 0xda) continue;
    let end = segmentEnd;
    for (;;) {
      if (end >= jpeg.length) return [...scans, jpeg.slice(segmentEnd)];
      if (jpeg[end] !== 0xff) {
        end++;
        continue;
      }
      let runEnd = end;
      while (jpeg[runEnd] === 0xff) runEnd++;
      const next = jpeg[runEnd] ?? 0;
      const isData = next === 0 || (next >= 0xd0 && next <= 0xd7) || next < 0xc0;
      if (!isData) break;
      end = runEnd + 1;
    }
    scans.push(jpeg.slice(segmentEnd, end));
    pos = end;
  }
  return scans;
}
