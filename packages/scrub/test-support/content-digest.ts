// Opens a file as what it claims to be, with a tool we did not write, and digests what a
// person would see or hear: decoded pixels, decoded audio and video frames, rendered PDF
// pages, the text of an office document. Two files with the same digest look and sound the
// same; `ok` says the tool opened the file without complaint.
//
//   jpeg: djpeg | png: pngcheck and our test decoder | heif, avif: heif-convert to raw y4m
//   gif, webp, audio, video: ffmpeg -f framemd5 (decoded frames) | pdf: pdftoppm pages
//   office: Python's zipfile (CRCs) and XML parser (every XML part), plus the text content

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { ScrubKind } from '../src/scrub-types.ts';
import { readBytes } from './corpus.ts';
import { runTool } from './external-tools.ts';
import { decodePngRgba } from './png-pixels.ts';

export type ContentDigest = { readonly ok: boolean; readonly digest: string; readonly detail: string };

const md5 = (data: Uint8Array | string): string => createHash('md5').update(data).digest('hex');

// Reads an office package: CRCs, XML well-formedness of every non-empty part, ODF's first
// entry, and the text of the content parts (body, shared strings, slides).
const OFFICE_CHECK = `
import sys, zipfile, json, hashlib, re, xml.dom.minidom as minidom
z = zipfile.ZipFile(sys.argv[1]); errors = []
bad = z.testzip()
if bad: errors.append('crc ' + bad)
names = z.namelist()
if 'mimetype' in names and (names[0] != 'mimetype' or z.infolist()[0].compress_type != 0): errors.append('mimetype not first and stored')
texts = []
def text(node): return ''.join(n.data if n.nodeType == n.TEXT_NODE else text(n) for n in node.childNodes)
for n in names:
    if not re.search(r'\\.(xml|rels|vml)$', n): continue
    data = z.read(n)
    if not data.strip(): continue
    try: doc = minidom.parseString(data)
    except Exception: errors.append('xml ' + n); continue
    if re.match(r'(word/(document|header\\d*|footer\\d*|comments)|xl/sharedStrings|xl/worksheets/sheet\\d+|ppt/slides/slide\\d+|(.*/)?content)\\.xml$', n):
        texts.append(n + ':' + text(doc))
print(json.dumps({'errors': errors, 'text': hashlib.md5('\\n'.join(sorted(texts)).encode()).hexdigest()}))
`;

function framemd5(path: string, maps: readonly string[]): ContentDigest {
  const run = runTool('ffmpeg', ['-v', 'error', '-i', path, ...maps.flatMap((m) => ['-map', m]), '-f', 'framemd5', '-']);
  const frames = run.stdout.toString('utf8').split('\n').filter((l) => l !== '' && !l.startsWith('#'));
  return { ok: run.status === 0 && run.stderr.trim() === '' && frames.length > 0, digest: md5(frames.join('\n')), detail: run.stderr.trim() };
}

function office(path: string): ContentDigest {
  const run = runTool('python3', ['-c', OFFICE_CHECK, path]);
  if (run.status !== 0) return { ok: false, digest: '', detail: run.stderr.trim() };
  const report = JSON.parse(run.stdout.toString('utf8')) as { readonly errors: readonly string[]; readonly text: string };
  return { ok: report.errors.length === 0, digest: report.text, detail: report.errors.join('; ') };
}

function pdfPages(path: string, dir: string): ContentDigest {
  const prefix = join(dir, `pages-${md5(path)}`);
  const run = runTool('pdftoppm', ['-r', '20', '-png', path, prefix]);
  const pages = readdirSync(dir).filter((f) => f.startsWith(`pages-${md5(path)}`)).sort();
  const digest = md5(pages.map((p) => md5(readFileSync(join(dir, p)))).join());
  for (const p of pages) rmSync(join(dir, p));
  return { ok: run.status === 0 && pages.length > 0, digest, detail: run.stderr.trim() };
}

export function contentDigest(kind: ScrubKind, path: string, dir: string): ContentDigest {
  switch (kind) {
    case 'jpeg': {
      const run = runTool('djpeg', ['-ppm', path]);
      return { ok: run.status === 0 || run.status === 2, digest: md5(run.stdout), detail: run.stderr.trim() };
    }
    case 'png': {
      const check = runTool('pngcheck', ['-q', path]);
      const pixels = decodePngRgba(readBytes(path));
      return { ok: check.status === 0, digest: pixels === undefined ? 'layout not decoded' : md5(pixels), detail: check.stdout.toString('utf8').trim() };
    }
    case 'heif':
    case 'avif': {
      const out = join(dir, `${md5(path)}.y4m`);
      const run = runTool('heif-convert', [path, out]);
      const digest = run.status === 0 ? md5(readFileSync(out)) : '';
      rmSync(out, { force: true });
      return { ok: run.status === 0, digest, detail: run.stderr.trim() };
    }
    case 'gif':
    case 'webp':
      return framemd5(path, ['0:v']);
    case 'mp3':
    case 'wav':
    case 'ogg':
    case 'flac':
    case 'm4a':
      return framemd5(path, ['0:a']); // not 0:v: a FLAC's cover picture shows up as a video stream
    case 'mp4':
    case 'mov':
    case 'webm':
      return framemd5(path, ['0:v?', '0:a?']);
    case 'pdf':
      return pdfPages(path, dir);
    case 'docx':
    case 'xlsx':
    case 'pptx':
    case 'odt':
    case 'ods':
    case 'odp':
      return office(path);
    default: {
      const never: never = kind;
      throw new Error(`no content check for ${String(never)}`);
    }
  }
}
