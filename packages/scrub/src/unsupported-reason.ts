// A plain reason for a file we do not clean, naming the kind when we can tell it: the UI
// shows it when it warns the reporter. Never quotes the file's content.

import { latin1 } from './bytes.ts';

const SNIFF_LENGTH = 4096;

export function unsupportedReason(bytes: Uint8Array): string {
  const head = latin1(bytes, 0, Math.min(bytes.length, SNIFF_LENGTH)).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/<svg[\s>]/.test(head)) return 'SVG images can hold scripts (active content) and are not cleaned; they can only be sent as they are';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'web pages can hold scripts (active content) and are not cleaned';
  if (latin1(bytes, 0, 8) === '\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1') {
    return 'old-format (.doc, .xls, .ppt) or password-protected Office documents cannot be cleaned';
  }
  return 'this kind of file cannot be cleaned';
}
