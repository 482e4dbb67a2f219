// Rebuilds an ICC colour profile keeping only what colour management needs.
//
// Why rebuild rather than keep or drop: exiftool shows that embedded profiles carry a vendor,
// a device maker and model, a creating application, a creation date, a copyright and free
// text, and profiles made by calibration tools can name a monitor, its serial number or a
// person. Dropping the profile would change how wide-gamut phone photos (Display P3) look.
// So we copy the colour tags byte for byte and write a neutral header and empty text tags.
//
// SECURITY: only tags on COLOUR_TAGS survive, with their type checked and fixed-size types
// cut to their exact size (nothing can ride along in a padded tag); every header field that
// names a vendor, device, date or creator is zeroed. What remains is colorimetry: the measured
// primaries of a calibrated screen are still a weak fingerprint (documented in README).

import { asciiBytes, latin1, putU32be, u16be, u32be } from './bytes.ts';

const HEADER_LENGTH = 128;
const TAG_ENTRY_LENGTH = 12;

// Tag signature -> accepted type signatures. LUT types are copied as they are (their layout
// is self-describing and long); the others are cut to the size their type defines.
const LUT_TYPES = ['mft1', 'mft2', 'mAB ', 'mBA '];
function tagsOfTypes(sigs: readonly string[], types: readonly string[]): [string, readonly string[]][] {
  return sigs.map((sig) => [sig, types]);
}
const COLOUR_TAGS: ReadonlyMap<string, readonly string[]> = new Map([
  ...tagsOfTypes(['rXYZ', 'gXYZ', 'bXYZ', 'wtpt', 'bkpt'], ['XYZ ']),
  ...tagsOfTypes(['rTRC', 'gTRC', 'bTRC', 'kTRC'], ['curv', 'para']),
  ...tagsOfTypes(['chad'], ['sf32']),
  ...tagsOfTypes(['chrm'], ['chrm']),
  ...tagsOfTypes(['cicp'], ['cicp']),
  ...tagsOfTypes(['A2B0', 'A2B1', 'A2B2', 'B2A0', 'B2A1', 'B2A2', 'gamt', 'pre0', 'pre1', 'pre2'], LUT_TYPES),
  ...tagsOfTypes(['D2B0', 'D2B1', 'D2B2', 'D2B3', 'B2D0', 'B2D1', 'B2D2', 'B2D3'], ['mpet']),
]);

const PARA_PARAMETER_COUNTS = [1, 3, 4, 5, 7];

type Tag = { readonly sig: string; readonly data: Uint8Array };

/** Exact size a tag of this type needs, or undefined when the type's layout is copied whole. */
function definedSize(type: string, data: Uint8Array): number | undefined {
  switch (type) {
    case 'XYZ ':
      return 20;
    case 'sf32':
      return 8 + 9 * 4;
    case 'cicp':
      return 12;
    case 'curv':
      return 12 + 2 * u32be(data, 8);
    case 'para': {
      const params = PARA_PARAMETER_COUNTS[u16be(data, 8)];
      return params === undefined ? -1 : 12 + 4 * params;
    }
    case 'chrm':
      return 12 + 8 * u16be(data, 8);
    default:
      return undefined;
  }
}

function readColourTags(p: Uint8Array, size: number): Tag[] {
  const count = u32be(p, HEADER_LENGTH);
  if (count > (size - HEADER_LENGTH - 4) / TAG_ENTRY_LENGTH) return [];
  const tags: Tag[] = [];
  for (let i = 0; i < count; i++) {
    const at = HEADER_LENGTH + 4 + i * TAG_ENTRY_LENGTH;
    const sig = latin1(p, at, at + 4);
    const offset = u32be(p, at + 4);
    const length = u32be(p, at + 8);
    const types = COLOUR_TAGS.get(sig);
    if (types === undefined || length < 8 || offset + length > size || tags.some((t) => t.sig === sig)) continue;
    const data = p.subarray(offset, offset + length);
    const type = latin1(data, 0, 4);
    if (!types.includes(type)) continue;
    const exact = definedSize(type, data);
    if (exact === undefined) tags.push({ sig, data });
    else if (exact > 0 && exact <= length) tags.push({ sig, data: data.subarray(0, exact) });
  }
  return tags;
}

/** Empty text tags: v2 needs textDescriptionType/textType, v4 needs multiLocalizedUnicodeType. */
function emptyTextTags(majorVersion: number): Tag[] {
  if (majorVersion >= 4) {
    const mluc = new Uint8Array(28);
    mluc.set(asciiBytes('mluc'), 0);
    putU32be(mluc, 8, 1); // one record
    putU32be(mluc, 12, 12); // record size
    mluc.set(asciiBytes('enUS'), 16); // language, country; length 0
    putU32be(mluc, 24, 28); // string offset (empty string at the end)
    return [{ sig: 'desc', data: mluc }, { sig: 'cprt', data: mluc }];
  }
  const desc = new Uint8Array(91); // 'desc', reserved, ASCII count 1 + NUL, no Unicode, no ScriptCode
  desc.set(asciiBytes('desc'), 0);
  putU32be(desc, 8, 1);
  const text = new Uint8Array(9); // 'text', reserved, NUL
  text.set(asciiBytes('text'), 0);
  return [{ sig: 'desc', data: desc }, { sig: 'cprt', data: text }];
}

function neutralHeader(p: Uint8Array): Uint8Array {
  const h = p.slice(0, HEADER_LENGTH);
  h.fill(0, 4, 8); // preferred CMM
  h.fill(0, 24, 36); // creation date
  h.fill(0, 40, 44); // primary platform
  putU32be(h, 44, u32be(h, 44) & 0x3); // keep "embedded" and "dependent" flags, drop vendor bits
  h.fill(0, 48, 56); // device manufacturer and model
  h.fill(0, 80, 128); // creator, profile ID (zero = not computed), reserved
  return h;
}

/**
 * The sanitized profile, or undefined if `profile` is not a usable ICC profile (the caller
 * then drops it: a profile we cannot parse is a profile we cannot vouch for).
 */
export function sanitizeIccProfile(profile: Uint8Array): Uint8Array | undefined {
  if (profile.length < HEADER_LENGTH + 4 || latin1(profile, 36, 40) !== 'acsp') return undefined;
  const size = u32be(profile, 0);
  if (size < HEADER_LENGTH + 4 || size > profile.length) return undefined;
  const colour = readColourTags(profile, size);
  if (colour.length === 0) return undefined;
  const tags = [...colour, ...emptyTextTags(profile[8] ?? 0)];
  const tableEnd = HEADER_LENGTH + 4 + tags.length * TAG_ENTRY_LENGTH;
  const placed = new Map<Uint8Array, number>(); // shared data blocks are written once
  let end = tableEnd;
  for (const tag of tags) {
    if (placed.has(tag.data)) continue;
    placed.set(tag.data, end);
    end = (end + tag.data.length + 3) & ~3;
  }
  const out = new Uint8Array(end);
  out.set(neutralHeader(profile), 0);
  putU32be(out, 0, end);
  putU32be(out, HEADER_LENGTH, tags.length);
  tags.forEach((tag, i) => {
    const at = HEADER_LENGTH + 4 + i * TAG_ENTRY_LENGTH;
    const offset = placed.get(tag.data) ?? 0;
    out.set(asciiBytes(tag.sig), at);
    putU32be(out, at + 4, offset);
    putU32be(out, at + 8, tag.data.length);
    out.set(tag.data, offset);
  });
  return out;
}
