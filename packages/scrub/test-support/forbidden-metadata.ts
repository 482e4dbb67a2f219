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

/** Family-0 groups that must be absent entirely (XML: office docProps as exiftool reads them). */
export const FORBIDDEN_GROUPS0: readonly string[] = [
  'MakerNotes', 'XMP', 'IPTC', 'Photoshop', 'MPF', 'FlashPix', 'PrintIM', 'Ducky', 'JUMBF', 'CanonVRD',
  'ID3', 'APE', 'Lyrics3', 'QuickTime-UserData', 'AFCP', 'FotoStation', 'PhotoMechanic', 'MIE', 'Trailer', 'XML',
];

/** Family-1 groups that must be absent entirely. */
export const FORBIDDEN_GROUPS1: readonly string[] = [
  'GPS', 'ExifIFD', 'IFD1', 'InteropIFD', 'SubIFD', 'SubIFD1', 'SubIFD2', 'GlobParamIFD', 'ItemList', 'UserData',
  'Keys', 'ICC-meta', 'ICC-mmod', 'ID3v1', 'ID3v2_2', 'ID3v2_3', 'ID3v2_4',
];

/**
 * The only entries allowed inside a restricted family-0 group: EXIF's Orientation keeps a
 * photo upright; a Vorbis identification header and a PDF's version and page count are
 * structure. (Vorbis comments and PDF Info share those groups, hence the restriction.)
 */
export const ALLOWED_EXCEPTIONS: readonly string[] = [
  'EXIF:IFD0:Orientation',
  'Vorbis:VorbisVersion', 'Vorbis:AudioChannels', 'Vorbis:SampleRate', 'Vorbis:NominalBitrate', 'Vorbis:MaximumBitrate', 'Vorbis:MinimumBitrate',
  'PDF:PDFVersion', 'PDF:Linearized', 'PDF:PageCount',
];

/** Family-0 groups where every entry but the exceptions is forbidden. */
export const RESTRICTED_GROUPS0: readonly string[] = ['EXIF', 'Vorbis', 'PDF'];

/**
 * Fields a format requires that may stay only with a neutral value: a Vorbis comment header's
 * vendor (empty), movie and track header dates (zero, shown as 0000:00:00), ZIP entry times
 * (the DOS epoch), and an MP3 LAME tag's encoder family without its version (decoders need
 * "LAME" there to trim the encoder delay; exiftool then prints the bytes that follow), and a
 * Matroska track's number (the index blocks refer to, not an album's track number).
 */
export const ALLOWED_WHEN_NEUTRAL: readonly { readonly name: RegExp; readonly neutral: (value: unknown) => boolean }[] = [
  { name: /^Vorbis:Vendor$/, neutral: (v) => isBlank(v) },
  { name: /^QuickTime:(.+:)?(Track|Media)?(Create|Modify)Date$/, neutral: (v) => isBlank(v) },
  { name: /^ZIP:ZipModifyDate$/, neutral: (v) => v === '1980:01:01 00:00:00' },
  { name: /^MPEG:Encoder$/, neutral: (v) => /^(LAME|Lavf|Lavc|GOGO)(?![\d.])/.test(textOf(v)) },
  { name: /^Matroska:Track\d+:TrackNumber$/, neutral: (v) => /^\d{1,3}$/.test(textOf(v)) },
];

/** A value as text; `exiftool -b` prints values holding control bytes as "base64:...". */
function textOf(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return value.startsWith('base64:') ? Buffer.from(value.slice(7), 'base64').toString('latin1') : value;
}

/** Tag names that identify in any group. */
export const FORBIDDEN_TAGS: readonly RegExp[] = [
  /^GPS/,
  /^Location/,
  /serial/i,
  /^(Make|Model|CameraModelName|UniqueCameraModel|LocalizedCameraModel|LensMake|LensModel|LensID|HostComputer|DeviceName)$/,
  /^(Artist|Author|Authors|Creator|By-line|OwnerName|CameraOwnerName|Copyright|CopyrightNotice|Rights|LastModifiedBy|XPAuthor)$/,
  /^(Initial-creator|InitialCreator|Performer|Composer|Conductor|Publisher|Band|AlbumArtist|Lyricist|Engineer|Technician|Commissioned|Originator|OriginatorReference|Contributor|Company|Manager)$/,
  /^(Software|CreatorTool|ProcessingSoftware|HistorySoftwareAgent|Producer|Encoder|EncodedBy|EncoderSettings|Generator|Application|AppVersion|Vendor)$/,
  /(DateTimeOriginal|CreateDate|ModifyDate|DateTimeDigitized|MetadataDate|CreationTime|DateCreated|DigitalCreationDate|TimeCreated|HistoryWhen|CreationDate)/,
  /^(Date|Year|RecordingTime|ReleaseTime|OriginalReleaseTime|TotalEditTime|Editing-duration|Editing-cycles|RevisionNumber|Template)$/,
  /^(Comment|Comments|UserComment|XPComment|ImageDescription|Description|Caption-Abstract|Title|ObjectName|Headline|Keywords|Subject|XPTitle|XPSubject|XPKeywords|Label)$/,
  /^(Album|Genre|Track|TrackNumber|PartOfSet|Product|Lyrics|UserDefinedText|Category|ContentStatus|HyperlinkBase)$/,
  /(Thumbnail|PreviewImage|JpgFromRaw|OtherImage|MPImage|EmbeddedImage|CoverArt)/,
  /^(Preview(PNG|TIFF|WMF|EMF|PDF|Picture)|Picture.*)$/,
  /(DocumentID|InstanceID|ImageUniqueID|DocumentAncestors|OriginalDocumentID)/,
  /^MakerNote/,
];

/** Tags that may remain only when blank (ICC header and text fields naming a vendor, device or date; movie handler names). */
export const FORBIDDEN_UNLESS_BLANK: readonly RegExp[] = [
  /^(ProfileCMMType|ProfileDateTime|PrimaryPlatform|DeviceManufacturer|DeviceModel|ProfileCreator|ProfileID)$/,
  /^(ProfileDescription.*|ProfileCopyright|DeviceMfgDesc|DeviceModelDesc|MakeAndModel|CharTarget|CalibrationDateTime|ViewingCondDesc|ScreeningDesc)$/,
  /^(HandlerDescription|HandlerVendorID|CompressorName|VendorID)$/,
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
  const required = ALLOWED_WHEN_NEUTRAL.find((rule) => rule.name.test(name));
  if (required !== undefined) return required.neutral(e.value) ? undefined : 'identifying value';
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

/**
 * An allow-list entry: exact name 'Group0[:Group1]:Tag', 'Group0[:Group1]:*' for a whole
 * group, or 'Group0:*:Tag' for a tag in any family-1 group (QuickTime's Track1, Track2, ...).
 */
export type AllowList = readonly string[];

function allowed(e: MetadataEntry, list: AllowList): boolean {
  const name = entryName(e);
  const group = name.slice(0, name.length - e.tag.length);
  return list.includes(name) || list.includes(`${group}*`) || list.includes(`${e.group0}:*:${e.tag}`);
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
