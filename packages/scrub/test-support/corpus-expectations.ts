// What cleaning each corpus file must report: the summary a reporter would be shown, or
// 'unsupported' for a kind we refuse on purpose (SVG is active content).

export const EXPECTED_OUTCOME: Readonly<Record<string, readonly string[] | 'unsupported'>> = {
  'cam-BlueSquare.jpg': ['EXIF (dates, software, description, thumbnail)', 'XMP', 'IPTC/Photoshop', 'ICC profile names and dates'],
  'cam-DSCN0010.jpg': ['EXIF (GPS, camera, maker notes, dates, software, description, thumbnail)', 'XMP'],
  // Rotation lives in the irot property, which stays; the EXIF item goes, bytes and entries.
  'cam-HMD_Nokia_8.3_5G.heif': ['EXIF (GPS, dates, software)'],
  'cam-HMD_Nokia_8.3_5G.jpg': ['EXIF (GPS, camera, dates, software)'],
  // Image data damaged by a 16 KiB run of 0xFF; decoders resynchronise at the next restart
  // marker and show the photo, so we clean it (scan bytes copied as they are). The appended
  // Olympus preview JPEG after EOI goes with the trailing data.
  'cam-corrupted.jpg': ['EXIF (camera, maker notes, dates, software, description, thumbnail)', 'trailing data'],
  'cam-image00971.jpg': ['XMP'],
  'cam-portrait_6.jpg': ['EXIF', 'ICC profile names and dates'],
  // Its [Content_Types].xml ends in broken markup; we write a fresh one from the entries it lists.
  'mat2-broken_xml_content_types.docx': ['document properties (authors, dates, software)'],
  'mat2-control_chars.jpg': ['comment'],
  // The embedded picture is mat2-dirty.png, with its comment and modification time.
  'mat2-dirty.docx': ['document properties (authors, dates, software)', 'embedded file: modification time', 'embedded file: comment'],
  'mat2-dirty.flac': ['Vorbis comments (tags, encoder)', 'embedded picture'],
  'mat2-dirty.gif': ['comment'],
  'mat2-dirty.heic': ['ICC profile names and dates'],
  'mat2-dirty.jpg': ['comment'],
  'mat2-dirty.mp3': ['ID3', 'encoder version'],
  'mat2-dirty.mp4': ['dates', 'encoder name', 'user data (tags, encoder, location)'],
  // The embedded picture carries IPTC that exiftool does not show for the document itself.
  'mat2-dirty.odt': ['thumbnail', 'embedded file: IPTC', 'document properties (authors, dates, software)'],
  'mat2-dirty.ogg': ['Vorbis comments (tags, encoder)'],
  'mat2-dirty.pdf': [
    'document information (software, dates, other fields)', 'document ID', 'file names and included-figure information (pdfTeX)', 'XMP',
  ],
  'mat2-dirty.png': ['modification time', 'comment'],
  'mat2-dirty.svg': 'unsupported',
  'mat2-dirty.wav': ['RIFF INFO (title, artist, comment, dates, software)', 'ID3'],
  'mat2-dirty.webp': ['EXIF'],
};
