/** Intake: what the reporter's browser loads before writing an alert. */
export { getIntake } from './intake.ts';
export type { IntakeLimits, PlacesRepo } from './intake.ts';
