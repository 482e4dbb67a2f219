import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AttachmentRef } from '@kenekanko/contracts';
import { mayPreview, previewType, safeFileName } from './attachment-file.ts';

const media = (name: string) => new Uint8Array(readFileSync(resolve(process.cwd(), '../shared/data/media', name)));
const ref = (type: string, name = 'f'): AttachmentRef => ({ blobId: 'A'.repeat(22), name, type, size: 1, chunkCount: 1, scrub: 'cleaned' });

describe('previews', () => {
  it('previews a JPEG or PNG only when its bytes say so too', () => {
    expect(previewType(ref('image/jpeg'), media('cam-BlueSquare.jpg'))).toBe('image/jpeg');
    expect(previewType(ref('image/png'), media('mat2-dirty.png'))).toBe('image/png');
    expect(previewType(ref('image/png'), media('cam-BlueSquare.jpg'))).toBeNull();
  });

  it('never previews SVG, HTML or PDF, whatever they claim to be', () => {
    const svg = media('mat2-dirty.svg');
    expect(mayPreview(ref('image/svg+xml'))).toBe(false);
    expect(previewType(ref('image/svg+xml'), svg)).toBeNull();
    expect(previewType(ref('image/jpeg'), svg)).toBeNull();
    expect(previewType(ref('image/png'), new TextEncoder().encode('<html><script>alert(1)</script>'))).toBeNull();
    expect(previewType(ref('image/jpeg'), media('mat2-dirty.pdf'))).toBeNull();
    expect(mayPreview(ref('text/html'))).toBe(false);
    expect(mayPreview(ref('image/jpeg'))).toBe(true);
  });
});

describe('safeFileName', () => {
  it('keeps an ordinary name', () => {
    expect(safeFileName('Reçu douane 2024.pdf')).toBe('Reçu douane 2024.pdf');
  });

  it('drops paths, hidden-file dots, control and direction characters', () => {
    expect(safeFileName('../../etc/passwd')).toBe('passwd');
    expect(safeFileName('C:\\Users\\x\\photo.jpg')).toBe('photo.jpg');
    expect(safeFileName('.bashrc')).toBe('bashrc');
    expect(safeFileName('facture\u202Egpj.exe')).toBe('facturegpj.exe');
    expect(safeFileName('a\u0000b\nc.txt')).toBe('abc.txt');
  });

  it('never suggests an empty name, and keeps the extension of a long one', () => {
    expect(safeFileName('')).toBe('attachment');
    expect(safeFileName('...')).toBe('attachment');
    const long = safeFileName(`${'x'.repeat(300)}.png`);
    expect(long).toHaveLength(120);
    expect(long.endsWith('.png')).toBe(true);
  });
});
