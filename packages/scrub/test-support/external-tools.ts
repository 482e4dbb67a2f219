// Runs the independent judges the corpus tests rely on (exiftool, djpeg, pngcheck, mat2, and
// for the other kinds ffmpeg, heif-convert, pdftoppm and Python's zipfile and XML parser).
// They are Debian packages that CI installs; see README.md "Tests". Locally a missing tool
// skips the tests that need it; under CI (CI=true) it fails them, so a green CI run can never
// mean "nothing was checked".

import { spawnSync } from 'node:child_process';

export const TOOL_PACKAGES = {
  exiftool: 'libimage-exiftool-perl',
  djpeg: 'libjpeg-turbo-progs',
  pngcheck: 'pngcheck',
  mat2: 'mat2',
  ffmpeg: 'ffmpeg',
  'heif-convert': 'libheif-examples',
  'heif-enc': 'libheif-examples',
  pdftoppm: 'poppler-utils',
  python3: 'python3',
} as const;

export type ToolName = keyof typeof TOOL_PACKAGES;

export type ToolRun = { readonly status: number; readonly stdout: Buffer; readonly stderr: string };

export function hasTool(tool: ToolName): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).status === 0;
}

/** True when the tests needing `tools` should run; throws under CI if one is missing. */
export function toolsAvailable(...tools: readonly ToolName[]): boolean {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length === 0) return true;
  const packages = missing.map((t) => TOOL_PACKAGES[t]).join(' ');
  if (process.env['CI']) throw new Error(`missing ${missing.join(', ')}: apt-get install -y ${packages}`);
  process.stderr.write(`scrub tests: skipping checks that need ${missing.join(', ')} (apt-get install -y ${packages})\n`);
  return false;
}

export function runTool(tool: ToolName, args: readonly string[], options: { readonly cwd?: string; readonly input?: string } = {}): ToolRun {
  const run = spawnSync(tool, args, { cwd: options.cwd, input: options.input, maxBuffer: 512 * 1024 * 1024, timeout: 120_000 });
  if (run.error) throw run.error;
  return { status: run.status ?? -1, stdout: run.stdout, stderr: run.stderr.toString('utf8') };
}
