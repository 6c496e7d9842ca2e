/** Versioned national rules: one rule set per grant year, allocation, the budget position and eligibility. */
export * from './sub-goals.js';
export * from './rule-set.js';
export * from './default-rule-sets.js';
export * from './rule-set-for.js';

export * from './rule-set-version.js';
export * from './rule-sets.js';
