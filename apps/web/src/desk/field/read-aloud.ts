/**
 * Reading the receipt aloud to a citizen who does not read: the digits one by one, a pause
 * between groups of four, in the page's language, only when the browser has a voice for it
 * (Chromium and most phones have French and English; none has Bambara yet: the focal point
 * then reads the large digits out themselves). Speech runs in the browser, never on a server.
 */
import { formatReceipt } from '@kenekanko/crypto';

type Voice = Pick<SpeechSynthesisVoice, 'lang'>;

/** The receipt as text to speak: "1 2 3 4, 5 6 7 8, …" (a comma makes voices pause). */
export function spokenReceipt(receipt: string): string {
  return formatReceipt(receipt)
    .split(' ')
    .map((group) => group.split('').join(' '))
    .join(', ');
}

/** A voice speaking `language` ('fr' matches 'fr-FR', 'fr-ML'…), or undefined. */
export function voiceFor<V extends Voice>(voices: readonly V[], language: string): V | undefined {
  const wanted = language.toLowerCase();
  return voices.find((voice) => {
    const lang = voice.lang.toLowerCase().replace('_', '-');
    return lang === wanted || lang.startsWith(wanted + '-');
  });
}

function synthesis(): SpeechSynthesis | undefined {
  return typeof window !== 'undefined' && 'speechSynthesis' in window ? window.speechSynthesis : undefined;
}

/** Whether this browser can read the receipt aloud in `language`. */
export function canReadAloud(language: string): boolean {
  const speech = synthesis();
  return speech !== undefined && voiceFor(speech.getVoices(), language) !== undefined;
}

/** Reads the receipt aloud, slowly, twice (the citizen may miss a digit the first time). */
export function readAloud(receipt: string, language: string): boolean {
  const speech = synthesis();
  const voice = speech === undefined ? undefined : voiceFor(speech.getVoices(), language);
  if (speech === undefined || voice === undefined) return false;
  speech.cancel();
  for (let i = 0; i < 2; i += 1) {
    const utterance = new SpeechSynthesisUtterance(spokenReceipt(receipt));
    utterance.voice = voice;
    utterance.lang = voice.lang;
    utterance.rate = 0.7;
    speech.speak(utterance);
  }
  return true;
}
