/** The case workflow: which state changes the desk may make (DESIGN §4). */
export { decideTransition, allowedCoreTransitions, applyRequests, isExitState } from './state-machine.ts';
export type { TransitionDecision } from './state-machine.ts';
