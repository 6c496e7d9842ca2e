/**
 * Explicit state machines for the things with a lifecycle. Each machine is data — states, and
 * transitions with optional guards — so pages can ask which actions are allowed now and show only
 * those buttons, and the store can check the status it expects in its conditional write.
 */
import { DomainError } from './errors.js';
import type { LocalizedText } from './i18n.js';

/** Why a guard refused: a stable code and a message for the user. */
export interface GuardFailure {
  readonly code: string;
  readonly messages: LocalizedText;
}

/** A guard returns undefined to allow, or the reason to refuse. */
export type Guard<C> = (context: C) => GuardFailure | undefined;

/** One edge: `action` moves `from` to `to` if the guard allows. */
export interface TransitionDefinition<S extends string, A extends string, C> {
  readonly from: S | readonly S[];
  readonly action: A;
  readonly to: S;
  readonly guard?: Guard<C>;
}

/** A state machine: its name (for errors and audit events), states and transitions. */
export interface StateMachine<S extends string, A extends string, C> {
  readonly name: string;
  readonly states: readonly S[];
  readonly initial: S;
  /** States with no way out. */
  readonly terminal: readonly S[];
  readonly transitions: readonly TransitionDefinition<S, A, C>[];
}

/** Thrown when an action is not allowed from a state, or its guard refuses. */
export class IllegalTransitionError extends DomainError {
  readonly machine: string;
  readonly from: string;
  readonly action: string;
  /** The guard's code when a guard refused; undefined when no such transition exists. */
  readonly reason: string | undefined;

  constructor(machine: string, from: string, action: string, failure?: GuardFailure) {
    super('lifecycle.illegal_transition', failure?.messages ?? {
      nb: `Handlingen «${action}» er ikke mulig når status er «${from}».`,
      nn: `Handlinga «${action}» er ikkje mogleg når status er «${from}».`,
      en: `The action "${action}" is not possible when the status is "${from}".`,
    }, { details: { machine, from, action, ...(failure ? { reason: failure.code } : {}) } });
    this.machine = machine;
    this.from = from;
    this.action = action;
    this.reason = failure?.code;
  }
}

function matches<S extends string>(from: S | readonly S[], state: S): boolean {
  return typeof from === 'string' ? from === state : from.includes(state);
}

/** Checks a definition once, when the module loads, so a typo in a machine fails every test. */
export function defineMachine<S extends string, A extends string, C>(machine: StateMachine<S, A, C>): StateMachine<S, A, C> {
  const known = new Set<string>(machine.states);
  for (const t of machine.transitions) {
    const froms: readonly S[] = typeof t.from === 'string' ? [t.from] : t.from;
    for (const s of [...froms, t.to]) if (!known.has(s)) throw new Error(`${machine.name}: unknown state ${s}`);
    for (const s of froms) if (machine.terminal.includes(s)) throw new Error(`${machine.name}: terminal state ${s} has a transition`);
    const duplicates = machine.transitions.filter((o) => o.action === t.action && froms.some((s) => matches(o.from, s)));
    if (duplicates.length > 1) throw new Error(`${machine.name}: action ${t.action} is ambiguous`);
  }
  return machine;
}

/**
 * The state after `action` from `from`; throws {@link IllegalTransitionError} if there is no such
 * transition or its guard refuses (the error then carries the guard's code and message).
 */
export function transition<S extends string, A extends string, C>(machine: StateMachine<S, A, C>, from: S, action: A, context: C): S {
  const edge = machine.transitions.find((t) => t.action === action && matches(t.from, from));
  if (!edge) throw new IllegalTransitionError(machine.name, from, action);
  const failure = edge.guard?.(context);
  if (failure) throw new IllegalTransitionError(machine.name, from, action, failure);
  return edge.to;
}

/** The actions whose transitions exist from `state` and whose guards allow them now. */
export function allowedActions<S extends string, A extends string, C>(machine: StateMachine<S, A, C>, state: S, context: C): A[] {
  return machine.transitions.filter((t) => matches(t.from, state) && !t.guard?.(context)).map((t) => t.action);
}

/** Every action defined from `state`, regardless of guards (e.g. to show disabled buttons with a reason). */
export function definedActions<S extends string, A extends string, C>(machine: StateMachine<S, A, C>, state: S): A[] {
  return machine.transitions.filter((t) => matches(t.from, state)).map((t) => t.action);
}
