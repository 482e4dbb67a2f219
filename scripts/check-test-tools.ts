/**
 * Runs before `npm test`: the suite drives real tools (Chromium, PostgreSQL, exiftool, mat2,
 * djpeg, pngcheck, ffmpeg), and a missing one should be named with the line that installs it, not
 * surface later as an obscure failure. `.ci/run` installs them the same way.
 */
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const onPath = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const postgresInstalled = (): boolean =>
  existsSync('/usr/lib/postgresql') && readdirSync('/usr/lib/postgresql').some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));

const checks: readonly { readonly what: string; readonly debianPackage: string; readonly present: () => boolean }[] = [
  { what: 'Chromium (/usr/bin/chromium)', debianPackage: 'chromium', present: () => existsSync('/usr/bin/chromium') },
  { what: 'PostgreSQL server (initdb, pg_ctl)', debianPackage: 'postgresql', present: postgresInstalled },
  { what: 'exiftool', debianPackage: 'libimage-exiftool-perl', present: () => onPath('exiftool') },
  { what: 'mat2', debianPackage: 'mat2', present: () => onPath('mat2') },
  { what: 'djpeg', debianPackage: 'libjpeg-turbo-progs', present: () => onPath('djpeg') },
  { what: 'pngcheck', debianPackage: 'pngcheck', present: () => onPath('pngcheck') },
  { what: 'ffmpeg and ffprobe (voice messages, audio and video cleaning)', debianPackage: 'ffmpeg', present: () => onPath('ffmpeg') && onPath('ffprobe') },
  { what: 'heif-convert (HEIC/HEIF cleaning)', debianPackage: 'libheif-examples', present: () => onPath('heif-convert') },
];

// The media corpus and other shared inputs are not part of the repository (they are others'
// files, with their own licences): the tests read them from the folder beside the checkout.
const sharedData = fileURLToPath(new URL('../../shared/data/', import.meta.url));
const corpusPresent = existsSync(`${sharedData}media/MANIFEST.json`);

const missing = checks.filter((check) => !check.present());
if (!corpusPresent) {
  console.error(`The test suite reads the shared test data from ${sharedData} (media corpus, place list),`);
  console.error('which is not in this repository. Put the project\'s shared/ folder beside the checkout');
  console.error('(so that ../shared/data/media/MANIFEST.json exists) and run the tests again.');
}
if (missing.length > 0) {
  console.error('The test suite needs tools that are not installed:');
  for (const check of missing) console.error(`  - ${check.what} (Debian package ${check.debianPackage})`);
  console.error(`Install them with:\n  sudo apt-get install -y ${missing.map((check) => check.debianPackage).join(' ')}`);
  console.error('(.ci/run does this by itself.)');
}
if (missing.length > 0 || !corpusPresent) process.exit(1);
