/**
 * Fordel's domain core: pure TypeScript + zod, no I/O, no clock, no environment. It is organised by
 * capability; each folder holds its entity, lifecycle, form schema, ports and `use-cases/` (one file
 * per thing a user does). Read top-down:
 *
 * 1. `kernel/` — what every capability uses:
 *    - `errors`, `i18n`, `result` — {@link DomainError} with a stable `code` and nb/nn/en messages;
 *      {@link LocalizedText}; {@link Result} for expected failures.
 *    - `money`, `fraction` — {@link Kroner}: whole kroner, exact percentages with explicit rounding.
 *    - `orgnr`, `kommunenummer`, `tenants` — identifiers, validated and branded.
 *    - `deadlines` — Europe/Oslo in, UTC ISO stored; on-time rule; appeal deadlines (fvl. §§ 29–30).
 *    - `state-machine` — the lifecycle machinery; `ports` — {@link Clock}, {@link IdGenerator}.
 * 2. `rules/` — the national rules: one {@link RuleSet} per grant year, `allocation` (national frame →
 *    one frame per municipality, largest remainder), `budget` (a municipality's position and its guards),
 *    `eligibility` (screening against the rules and Enhetsregisteret).
 * 3. `rounds/` — calls as the public sees them, round settings checked against the rules, the round
 *    lifecycle, closing rounds at their deadline.
 * 4. `applications/` — the application, its form, attachments, registry facts, lifecycle and the
 *    applicant's use cases (start, save a section, submit, withdraw).
 * 5. `appeals/`, `reports/` — their lifecycles.
 * 6. `national/` — the tenant register, the distribution key and the year's allocation versions, each
 *    municipality-year's stored budget position, and the tenant-year aggregates that the national
 *    roll-up reads; use cases to import a key, publish an allocation and set the admin reservation.
 * 7. `outbox/` — emails written with the change they report and sent once by a job.
 *
 * `table.ts` (the DynamoDB single-table definition) is imported directly by the store and CDK, not
 * re-exported here, so that domain readers do not depend on storage keys.
 *
 * @packageDocumentation
 */
export * from './kernel/errors.js';
export * from './kernel/i18n.js';
export * from './kernel/result.js';
export * from './kernel/ports.js';
export * from './kernel/tenants.js';
export * from './kernel/money.js';
export {
  type Fraction, fraction, decimalToFraction, roundFraction, fractionToString, fractionToDecimalString,
  compare as compareFractions, multiply as multiplyFractions, divide as divideFractions,
} from './kernel/fraction.js';
export * from './kernel/orgnr.js';
export * from './kernel/kommunenummer.js';
export * from './kernel/deadlines.js';
export * from './rules/index.js';
export * from './rules/allocation.js';
export * from './rules/budget.js';
export * from './rules/budget-guards.js';
export * from './applications/registry-record.js';
export * from './applications/attachments.js';
export {
  assessEligibility, isEligible, fullYearsBetween,
  type ApplicationFacts, type CallScope, type EligibilityContext, type EligibilityFinding, type Severity,
} from './rules/eligibility.js';
export * from './kernel/state-machine.js';
export * from './rounds/lifecycle.js';
export * from './rounds/round-settings.js';
export * from './applications/lifecycle.js';
export * from './appeals/lifecycle.js';
export * from './appeals/appeal-deadline.js';
export * from './reports/lifecycle.js';
