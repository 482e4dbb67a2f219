/**
 * Voice messages for the reporter (about two thirds of adults in Mali do not read). Only the
 * entry button is exported: everything else loads when it is tapped.
 */
export { VoiceEntry } from './voice-entry.tsx';
export type { VoiceEntryProps } from './voice-entry.tsx';
