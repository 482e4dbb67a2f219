// Which kind a file is, by its magic bytes only, never by its name or a MIME type the
// reporter's system supplied. Light on purpose: nothing here inflates, decodes or imports a
// cleaner, so the web can detect a kind before loading the (possibly heavy) cleaner for it.

import { latin1 } from './bytes.ts';
import { isFlac } from './flac-scrub.ts';
import { isGif } from './gif-scrub.ts';
import { fileBrands } from './iso-bmff-boxes.ts';
import { isJpeg } from './jpeg-scrub.ts';
import { isMp3 } from './mp3-scrub.ts';
import { isOgg } from './ogg-scrub.ts';
import { isPng } from './png-scrub.ts';
import { riffForm } from './riff-chunks.ts';
import type { ScrubKind } from './scrub-types.ts';
import { isWebm } from './webm-layout.ts';
import { readZipDirectory } from './zip-archive.ts';

const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'mif2', 'MiHE', 'MiHB'];
const AVIF_BRANDS = ['avif', 'avis'];
const M4A_BRANDS = ['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B '];
const MP4_BRANDS = [
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'iso7', 'iso8', 'iso9', 'mp41', 'mp42', 'mp71', 'avc1', 'M4V ', 'M4VH', 'M4VP',
  'mmp4', 'MSNV', 'XAVC', 'f4v ', 'F4V ', 'dash', 'cmfc', 'ndas', 'NDAS', 'KDDI', 'kddi', '3gp4', '3gp5', '3gp6', '3gp7', '3gp8',
  '3gp9', '3ge6', '3ge7', '3gg6', '3g2a', '3g2b', '3g2c', 'nvr1', 'FACE', 'caqv', 'sdv ',
];
const ODF_TYPES: Readonly<Record<string, ScrubKind>> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.text-template': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.presentation-template': 'odp',
};
const PDF_HEADER_WINDOW = 1024; // readers accept the header anywhere in the first KiB

function isoKind(bytes: Uint8Array): ScrubKind | undefined {
  const brands = fileBrands(bytes);
  if (brands === undefined) return undefined;
  const { major, compatible } = brands;
  if (AVIF_BRANDS.includes(major)) return 'avif';
  if (HEIF_BRANDS.includes(major)) return 'heif';
  if (major === 'qt  ') return 'mov';
  if (M4A_BRANDS.includes(major)) return 'm4a';
  if (MP4_BRANDS.includes(major)) return 'mp4';
  // An unknown major brand: go by the compatible list, images first (HEIF also lists 'iso8').
  if (compatible.some((b) => AVIF_BRANDS.includes(b))) return 'avif';
  if (compatible.some((b) => HEIF_BRANDS.includes(b))) return 'heif';
  if (compatible.includes('qt  ')) return 'mov';
  return compatible.some((b) => MP4_BRANDS.includes(b)) ? 'mp4' : undefined;
}

/** ODF stores its media type first and uncompressed in an entry named "mimetype". */
function odfKind(bytes: Uint8Array): ScrubKind | undefined {
  if (latin1(bytes, 30, 38) !== 'mimetype' || bytes[8] !== 0 || bytes[26] !== 8 || bytes[27] !== 0) return undefined;
  const start = 38 + ((bytes[28] ?? 0) | ((bytes[29] ?? 0) << 8));
  const length = (bytes[18] ?? 0) | ((bytes[19] ?? 0) << 8);
  return ODF_TYPES[latin1(bytes, start, start + Math.min(length, 80))];
}

/** OOXML: a [Content_Types].xml entry and the main part's folder. */
function ooxmlKind(bytes: Uint8Array): ScrubKind | undefined {
  const names = readZipDirectory(bytes)?.map((e) => e.name);
  if (names === undefined || !names.includes('[Content_Types].xml')) return undefined;
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return undefined;
}

function isPdf(bytes: Uint8Array): boolean {
  return latin1(bytes, 0, Math.min(bytes.length, PDF_HEADER_WINDOW)).includes('%PDF-');
}

export function detectKind(bytes: Uint8Array): ScrubKind | undefined {
  if (isJpeg(bytes)) return 'jpeg';
  if (isPng(bytes)) return 'png';
  if (isGif(bytes)) return 'gif';
  const riff = riffForm(bytes);
  if (riff === 'WEBP') return 'webp';
  if (riff === 'WAVE' || latin1(bytes, 0, 4) === 'RF64') return 'wav';
  if (latin1(bytes, 0, 4) === 'PK\x03\x04') return odfKind(bytes) ?? ooxmlKind(bytes);
  if (isOgg(bytes)) return 'ogg';
  if (isFlac(bytes)) return 'flac';
  if (isMp3(bytes)) return 'mp3';
  if (isWebm(bytes)) return 'webm';
  return isoKind(bytes) ?? (isPdf(bytes) ? 'pdf' : undefined);
}
