// What exiftool may still show on a cleaned file of each kind, beyond the image kinds'
// CLEAN_IMAGE_ALLOWED: structure only (sizes, codecs, durations, brands, ZIP entry layout).
// Used with findUnexpectedMetadata(): anything not listed here is reported, so a tag nobody
// thought of fails the test instead of passing silently. The deny-list in
// forbidden-metadata.ts still applies on top (e.g. the zeroed QuickTime dates must be blank).

import type { ScrubKind } from '../src/scrub-types.ts';
import { CLEAN_IMAGE_ALLOWED, type AllowList } from './forbidden-metadata.ts';

const FILE = ['File:FileType', 'File:FileTypeExtension', 'File:MIMEType', 'Composite:Duration'];
const IMAGE = [...FILE, 'File:ImageWidth', 'File:ImageHeight', 'Composite:ImageSize', 'Composite:Megapixels'];
const ICC = ['ICC_Profile:ICC-header:*', 'ICC_Profile:*', 'ICC_Profile:ICC-chrm:*', 'ICC_Profile:ICC-cicp:*'];

const QUICKTIME_MOVIE = [
  'MajorBrand', 'MinorVersion', 'CompatibleBrands', 'MediaDataSize', 'MediaDataOffset', 'MovieHeaderVersion', 'CreateDate', 'ModifyDate',
  'TimeScale', 'Duration', 'PreferredRate', 'PreferredVolume', 'MatrixStructure', 'PreviewTime', 'PreviewDuration', 'PosterTime',
  'SelectionTime', 'SelectionDuration', 'CurrentTime', 'NextTrackID',
].map((t) => `QuickTime:${t}`);
const QUICKTIME_TRACK = [
  'TrackHeaderVersion', 'TrackCreateDate', 'TrackModifyDate', 'TrackID', 'TrackDuration', 'TrackLayer', 'TrackVolume', 'MatrixStructure',
  'ImageWidth', 'ImageHeight', 'MediaHeaderVersion', 'MediaCreateDate', 'MediaModifyDate', 'MediaTimeScale', 'MediaDuration',
  'MediaLanguageCode', 'HandlerType', 'GraphicsMode', 'OpColor', 'CompressorID', 'SourceImageWidth', 'SourceImageHeight', 'XResolution',
  'YResolution', 'BitDepth', 'ColorProfiles', 'ColorPrimaries', 'TransferCharacteristics', 'MatrixCoefficients', 'VideoFrameRate',
  'Balance', 'AudioFormat', 'AudioChannels', 'AudioBitsPerSample', 'AudioSampleRate', 'HandlerClass', 'PixelAspectRatio',
].map((t) => `QuickTime:*:${t}`);
const MOVIE = [...IMAGE, ...QUICKTIME_MOVIE, ...QUICKTIME_TRACK, 'Composite:AvgBitrate', 'Composite:Rotation'];
const HEIF = [
  ...IMAGE, ...ICC, 'QuickTime:MajorBrand', 'QuickTime:MinorVersion', 'QuickTime:CompatibleBrands', 'QuickTime:HandlerType',
  'QuickTime:HEVCConfigurationVersion', 'QuickTime:GeneralProfileSpace', 'QuickTime:GeneralTierFlag', 'QuickTime:GeneralProfileIDC',
  'QuickTime:GenProfileCompatibilityFlags', 'QuickTime:ConstraintIndicatorFlags', 'QuickTime:GeneralLevelIDC',
  'QuickTime:MinSpatialSegmentationIDC', 'QuickTime:ParallelismType', 'QuickTime:ChromaFormat', 'QuickTime:BitDepthLuma',
  'QuickTime:BitDepthChroma', 'QuickTime:AverageFrameRate', 'QuickTime:ConstantFrameRate', 'QuickTime:NumTemporalLayers',
  'QuickTime:TemporalIDNested', 'QuickTime:ImageSpatialExtent', 'QuickTime:ImagePixelDepth', 'QuickTime:Rotation',
  'QuickTime:MediaDataSize', 'QuickTime:MediaDataOffset', 'QuickTime:Meta:PrimaryItemReference', 'QuickTime:Meta:MetaImageSize',
  'File:ExifByteOrder', 'EXIF:IFD0:Orientation',
];
const ZIP = [
  ...FILE, 'ZIP:ZipRequiredVersion', 'ZIP:ZipBitFlag', 'ZIP:ZipCompression', 'ZIP:ZipModifyDate', 'ZIP:ZipCRC', 'ZIP:ZipCompressedSize',
  'ZIP:ZipUncompressedSize', 'ZIP:ZipFileName',
];
const RIFF_AUDIO = [...FILE, 'RIFF:Encoding', 'RIFF:NumChannels', 'RIFF:SampleRate', 'RIFF:AvgBytesPerSec', 'RIFF:BitsPerSample'];

export const CLEAN_ALLOWED: { readonly [K in ScrubKind]: AllowList } = {
  jpeg: CLEAN_IMAGE_ALLOWED,
  png: CLEAN_IMAGE_ALLOWED,
  gif: [...IMAGE, 'GIF:*'],
  webp: [
    ...IMAGE, ...ICC, 'File:ExifByteOrder', 'EXIF:IFD0:Orientation', 'RIFF:WebP_Flags', 'RIFF:ImageWidth', 'RIFF:ImageHeight', 'RIFF:VP8Version',
    'RIFF:HorizontalScale', 'RIFF:VerticalScale', 'RIFF:AlphaIsUsed', 'RIFF:AnimationLoopCount', 'RIFF:BackgroundColor', 'RIFF:Duration',
  ],
  heif: HEIF,
  avif: [
    ...HEIF, 'QuickTime:ColorProfiles', 'QuickTime:ColorPrimaries', 'QuickTime:TransferCharacteristics', 'QuickTime:MatrixCoefficients',
    'QuickTime:AV1ConfigurationVersion', 'QuickTime:ChromaSamplePosition',
  ],
  pdf: [...FILE, 'PDF:PDFVersion', 'PDF:Linearized', 'PDF:PageCount'],
  docx: ZIP,
  xlsx: ZIP,
  pptx: ZIP,
  odt: FILE,
  ods: FILE,
  odp: FILE,
  mp3: [
    ...FILE, 'MPEG:MPEGAudioVersion', 'MPEG:AudioLayer', 'MPEG:AudioBitrate', 'MPEG:SampleRate', 'MPEG:ChannelMode', 'MPEG:MSStereo',
    'MPEG:IntensityStereo', 'MPEG:CopyrightFlag', 'MPEG:OriginalMedia', 'MPEG:Emphasis', 'MPEG:Encoder', 'MPEG:VBRFrames', 'MPEG:VBRBytes',
  ],
  mp4: MOVIE,
  mov: MOVIE,
  m4a: MOVIE,
  wav: RIFF_AUDIO,
  ogg: [
    ...FILE, 'Vorbis:VorbisVersion', 'Vorbis:AudioChannels', 'Vorbis:SampleRate', 'Vorbis:NominalBitrate', 'Vorbis:MaximumBitrate',
    'Vorbis:MinimumBitrate', 'Vorbis:Vendor', 'Opus:OpusVersion', 'Opus:AudioChannels', 'Opus:SampleRate', 'Opus:OutputGain',
  ],
  flac: [
    ...FILE, 'FLAC:BlockSizeMin', 'FLAC:BlockSizeMax', 'FLAC:FrameSizeMin', 'FLAC:FrameSizeMax', 'FLAC:SampleRate', 'FLAC:Channels',
    'FLAC:BitsPerSample', 'FLAC:TotalSamples', 'FLAC:MD5Signature',
  ],
  webm: [
    ...FILE, ...['EBMLVersion', 'EBMLReadVersion', 'DocType', 'DocTypeVersion', 'DocTypeReadVersion', 'TimecodeScale', 'Duration'].map((t) => `Matroska:${t}`),
    ...['TrackNumber', 'TrackUID', 'TrackLanguage', 'TrackDefault', 'CodecID', 'TrackType', 'AudioChannels', 'AudioSampleRate', 'AudioBitsPerSample',
      'VideoFrameRate', 'ImageWidth', 'ImageHeight', 'DisplayWidth', 'DisplayHeight'].map((t) => `Matroska:*:${t}`),
  ],
};
