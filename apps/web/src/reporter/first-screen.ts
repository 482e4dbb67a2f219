/**
 * The reporter's first screen, as the build wrote it (build/first-screen-plugin.ts): the
 * languages offered, in their own words, and the header's words before a language is chosen.
 */
import { FIRST_SCREEN } from 'virtual:kenekanko/first-screen';
import { provideInterim } from '../i18n/catalogues.ts';

export const LANGUAGE_CHOICES = FIRST_SCREEN.choices;

/** Called once by the entry, before the first render. */
export function startFirstScreen(): void {
  provideInterim(FIRST_SCREEN.interim);
}
