/** The module build/first-screen-plugin.ts writes at build time (see src/i18n/first-screen.ts). */
declare module 'virtual:kenekanko/first-screen' {
  import type { FirstScreen } from './first-screen.ts';

  export const FIRST_SCREEN: FirstScreen;
}
