/** Intake: what the reporter's browser loads before writing an alert. */
export { getIntake } from './intake.ts';
export { communesAnswerLength, communesOf, paddedCommunesAnswer, placeOutline } from './place-parts.ts';
export type { IntakeLimits, PlacesRepo } from './intake.ts';
