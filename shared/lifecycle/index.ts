/** Lifecycles of rounds, applications, appeals and reports, as explicit state machines with guards. */
export * from './state-machine.js';
export * from './round.js';
export * from './application.js';
export * from './appeal.js';
export * from './report.js';
