// Runs the command line as a reporter's helper would: `npm run scrub -- INPUT OUTPUT`.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ascii, exifPayload, segment, TINY_BASELINE_JPEG, withSegments } from '../../test-support/jpeg-fixtures.ts';
import { detectKind, scrub } from '../index.ts';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));

function run(...args: string[]): { readonly status: number | null; readonly stdout: string; readonly stderr: string } {
  const r = spawnSync('npm', ['run', '--silent', 'scrub', '--', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run scrub', () => {
  const dir = mkdtempSync(join(tmpdir(), 'scrub-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const file = (name: string, bytes?: Uint8Array): string => {
    const path = join(dir, name);
    if (bytes !== undefined) writeFileSync(path, bytes);
    return path;
  };

  it('cleans a file, prints what it removed and exits 0', () => {
    const photo = withSegments(TINY_BASELINE_JPEG, segment(0xe1, exifPayload({ make: 'Nokia', gps: true })));
    const out = file('clean.jpg');
    const r = run(file('photo.jpg', photo), out);
    expect(r).toMatchObject({ status: 0, stderr: '' });
    expect(r.stdout).toBe('cleaned jpeg: removed EXIF (GPS, camera)\n');
    const written = new Uint8Array(readFileSync(out));
    expect(detectKind(written)).toBe('jpeg');
    expect(scrub(written)).toMatchObject({ status: 'cleaned', removed: [] });
  }, 60_000);

  it('exits 2 with the reason on stderr, writing nothing, for a kind it does not clean or a damaged file', () => {
    const svg = run(file('logo.svg', ascii('<svg xmlns="http://www.w3.org/2000/svg"/>')), file('svg-out'));
    expect(svg.status).toBe(2);
    expect(svg.stderr).toMatch(/^not cleaned: SVG images can hold scripts/);
    const pdf = run(file('broken.pdf', ascii('%PDF-1.7\n1 0 obj\n<<')), file('pdf-out'));
    expect(pdf.status).toBe(2);
    expect(pdf.stderr).toMatch(/^not cleaned: this pdf file cannot be cleaned safely \((malformed|truncated)\)/);
    expect(existsSync(file('svg-out')) || existsSync(file('pdf-out'))).toBe(false);
  }, 60_000);

  it('exits 1 on a missing input, an unwritable output or wrong arguments', () => {
    expect(run(file('missing.jpg'), file('x')).status).toBe(1);
    expect(run(file('in.jpg', TINY_BASELINE_JPEG), join(dir, 'no-such-dir', 'out.jpg')).status).toBe(1);
    expect(run('only-one').status).toBe(1);
  }, 60_000);
});
