// What must never survive cleaning, in exiftool's vocabulary (`exiftool -j -G0:1 -a -b`).
// Shared by the tests of every file kind: a new kind reuses findForbiddenMetadata() as it is
// and adds its own structural allow-list for findUnexpectedMetadata().
//
// Two nets, because each misses what the other catches:
// - findForbiddenMetadata: a deny-list of groups and tag names that locate or identify a
//   person or a device (GPS, maker notes, serials, make/model, authors, software, dates,
//   comments, titles, descriptions, XMP, IPTC, Photoshop, thumbnails, ICC vendor fields).
// - findUnexpectedMetadata: an allow-list of what a clean file of a kind may still show;
//   anything else (say, a PNG text chunk with a keyword nobody listed) is reported.

import { entryName, type MetadataEntry } from './exiftool.ts';

/** Family-0 groups that must be absent entirely. */
export const FORBIDDEN_GROUPS0: readonly string[] = [
  'MakerNotes', 'XMP', 'IPTC', 'Photoshop', 'MPF', 'FlashPix', 'PrintIM', 'Ducky', 'JUMBF', 'CanonVRD',
  'ID3', 'Vorbis', 'APE', 'PDF', 'QuickTime-UserData', 'AFCP', 'FotoStation', 'PhotoMechanic', 'MIE', 'Trailer',
];

/** Family-1 groups that must be absent entirely. */
export const FORBIDDEN_GROUPS1: readonly string[] = [
  'GPS', 'ExifIFD', 'IFD1', 'InteropIFD', 'SubIFD', 'SubIFD1', 'SubIFD2', 'GlobParamIFD', 'ItemList', 'UserData',
  'Keys', 'ICC-meta', 'ICC-mmod',
];

/** The only entries allowed inside an otherwise forbidden family-0 group. */
export const ALLOWED_EXCEPTIONS: readonly string[] = ['EXIF:IFD0:Orientation'];

/** Family-0 groups where every entry but the exceptions is forbidden. */
export const RESTRICTED_GROUPS0: readonly string[] = ['EXIF'];

/** Tag names that identify in any group. */
export const FORBIDDEN_TAGS: readonly RegExp[] = [
  /^GPS/,
  /serial/i,
  /^(Make|Model|CameraModelName|UniqueCameraModel|LocalizedCameraModel|LensMake|LensModel|LensID|HostComputer|DeviceName)$/,
  /^(Artist|Author|Authors|Creator|By-line|OwnerName|CameraOwnerName|Copyright|CopyrightNotice|Rights|LastModifiedBy|XPAuthor)$/,
  /^(Software|CreatorTool|ProcessingSoftware|HistorySoftwareAgent|Producer|Encoder|EncodedBy|Generator|Application)$/,
  /(DateTimeOriginal|CreateDate|ModifyDate|DateTimeDigitized|MetadataDate|CreationTime|DateCreated|DigitalCreationDate|TimeCreated|HistoryWhen|CreationDate)/,
  /^(Comment|UserComment|XPComment|ImageDescription|Description|Caption-Abstract|Title|ObjectName|Headline|Keywords|Subject|XPTitle|XPSubject|XPKeywords|Label)$/,
  /(Thumbnail|PreviewImage|JpgFromRaw|OtherImage|MPImage|EmbeddedImage)/,
  /(DocumentID|InstanceID|ImageUniqueID|DocumentAncestors|OriginalDocumentID)/,
  /^MakerNote/,
];

/** Tags that may remain only when blank (ICC header and text fields naming a vendor, device or date). */
export const FORBIDDEN_UNLESS_BLANK: readonly RegExp[] = [
  /^(ProfileCMMType|ProfileDateTime|PrimaryPlatform|DeviceManufacturer|DeviceModel|ProfileCreator|ProfileID)$/,
  /^(ProfileDescription.*|ProfileCopyright|DeviceMfgDesc|DeviceModelDesc|MakeAndModel|CharTarget|CalibrationDateTime|ViewingCondDesc|ScreeningDesc)$/,
];

// The file-system view of the temporary file (its name, its dates on this disk) says
// nothing about the reporter and is ignored.
const IGNORED = (e: MetadataEntry): boolean => e.group1 === 'System' || e.group0 === 'ExifTool';

export function isBlank(value: unknown): boolean {
  if (value === 0 || value === '' || value === null) return true;
  if (typeof value !== 'string') return false;
  const v = value.trim();
  return v === '' || v === '0' || v === 'Unknown ()' || v === '(none)' || /^[0:\s]+$/.test(v);
}

function forbiddenReason(e: MetadataEntry): string | undefined {
  const name = entryName(e);
  if (ALLOWED_EXCEPTIONS.includes(name)) return undefined;
  if (FORBIDDEN_GROUPS0.some((g) => e.group0 === g || e.group0.startsWith(`${g}`))) return 'forbidden group';
  if (FORBIDDEN_GROUPS1.includes(e.group1)) return 'forbidden group';
  if (RESTRICTED_GROUPS0.includes(e.group0)) return 'restricted group';
  if (FORBIDDEN_TAGS.some((re) => re.test(e.tag))) return 'identifying tag';
  if (FORBIDDEN_UNLESS_BLANK.some((re) => re.test(e.tag)) && !isBlank(e.value)) return 'identifying value';
  return undefined;
}

/** Names (e.g. 'EXIF:GPS:GPSLatitude (forbidden group)') of every entry that must not be there. */
export function findForbiddenMetadata(entries: readonly MetadataEntry[]): string[] {
  return entries.flatMap((e) => {
    if (IGNORED(e)) return [];
    const reason = forbiddenReason(e);
    return reason === undefined ? [] : [`${entryName(e)} (${reason})`];
  });
}

/** An allow-list entry: exact name 'Group0[:Group1]:Tag', or 'Group0[:Group1]:*' for a whole group. */
export type AllowList = readonly string[];

function allowed(e: MetadataEntry, list: AllowList): boolean {
  const name = entryName(e);
  const group = name.slice(0, name.length - e.tag.length);
  return list.includes(name) || list.includes(`${group}*`);
}

/** Names of entries that are neither ignored nor on `list`. */
export function findUnexpectedMetadata(entries: readonly MetadataEntry[], list: AllowList): string[] {
  return entries.filter((e) => !IGNORED(e) && !allowed(e, list)).map(entryName);
}

/** What a cleaned JPEG or PNG may still show: structure, resolution, colour and orientation. */
export const CLEAN_IMAGE_ALLOWED: AllowList = [
  'File:FileType', 'File:FileTypeExtension', 'File:MIMEType', 'File:ImageWidth', 'File:ImageHeight',
  'File:EncodingProcess', 'File:BitsPerSample', 'File:ColorComponents', 'File:YCbCrSubSampling', 'File:ExifByteOrder',
  'Composite:ImageSize', 'Composite:Megapixels',
  'JFIF:JFIFVersion', 'JFIF:ResolutionUnit', 'JFIF:XResolution', 'JFIF:YResolution',
  'APP14:Adobe:*',
  'EXIF:IFD0:Orientation',
  'ICC_Profile:ICC-header:*', 'ICC_Profile:*', 'ICC_Profile:ICC-chrm:*', 'ICC_Profile:ICC-cicp:*',
  'PNG:ImageWidth', 'PNG:ImageHeight', 'PNG:BitDepth', 'PNG:ColorType', 'PNG:Compression', 'PNG:Filter',
  'PNG:Interlace', 'PNG:Palette', 'PNG:Gamma', 'PNG:SRGBRendering', 'PNG:SignificantBits', 'PNG:BackgroundColor',
  'PNG:Transparency', 'PNG:WhitePointX', 'PNG:WhitePointY', 'PNG:RedX', 'PNG:RedY', 'PNG:GreenX', 'PNG:GreenY',
  'PNG:BlueX', 'PNG:BlueY', 'PNG:AnimationFrames', 'PNG:AnimationPlays', 'PNG:PNG-pHYs:*', 'PNG:PNG-cICP:*',
];
