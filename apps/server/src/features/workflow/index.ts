/** The case workflow: the rules of every state change (DESIGN §4), and the one function that makes one. */
export { decideTransition, allowedDeskTransitions, applyRequests, isExitState, isTerminalState, TRANSITION_REFUSALS } from './state-machine.ts';
export type { TransitionContext, TransitionDecision, TransitionEvent, TransitionRefusal } from './state-machine.ts';
export { applyStateChange } from './apply-state-change.ts';
export type { StateChangeRequest, WorkflowRepos } from './apply-state-change.ts';
