/** Intake: what the reporter's browser loads before writing an alert. */
export { getIntake } from './intake.ts';
export { placeOutline } from './place-parts.ts';
export type { IntakeLimits, PlacesRepo } from './intake.ts';
