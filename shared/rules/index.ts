/** Versioned national rules: one rule set per grant year, and round settings checked against it. */
export * from './sub-goals.js';
export * from './rule-set.js';
export * from './default-rule-sets.js';
export * from './rule-set-for.js';
export * from './round-settings.js';
