/**
 * Fordel's domain core: pure TypeScript + zod, no I/O, no clock, no environment. Read top-down:
 *
 * 1. Foundations
 *    - `errors`   — {@link DomainError}: every named rule break has a stable `code` and nb/nn/en messages.
 *    - `i18n`     — {@link LocalizedText}; `issueMessage` shows our zod issues in the user's language.
 *    - `result`   — {@link Result} for expected failures (typos, over-awards) that callers must handle.
 *    - `ports`    — {@link Clock} and {@link IdGenerator}, always passed in.
 * 2. Values
 *    - `money`          — {@link Kroner}: whole kroner, exact percentages with explicit rounding,
 *                         nb/en formatting, parsing of what people type.
 *    - `fraction`       — exact rationals behind money and allocation.
 *    - `orgnr`          — organisasjonsnummer with the modulus-11 check digit.
 *    - `kommunenummer`  — municipality numbers, stored with the year they are valid from (2024 renumbering).
 *    - `deadlines`      — Europe/Oslo in, UTC ISO stored; on-time rule; appeal deadlines (fvl. §§ 29–30).
 * 3. Rules of the scheme
 *    - `rules`          — one {@link RuleSet} per grant year (2021–2026 defaults), `ruleSetFor`,
 *                         the round-settings schema and `validateRoundSettings`.
 * 4. Money flows
 *    - `allocation`     — national frame → IMDi share and municipal pool → one frame per municipality
 *                         (largest remainder), and where returned funds go.
 *    - `budget`         — a municipality's position: admin cap, awards, returns, and the guards the
 *                         store turns into DynamoDB conditions.
 * 5. Cases
 *    - `eligibility`    — screening an application against the rules and Enhetsregisteret.
 *    - `lifecycle`      — state machines for rounds, applications, appeals and reports.
 *    - `attachments`    — file type by content (PDF, ODT, DOCX, PNG, JPEG), size limit, safe names.
 *
 * `table.ts` (the DynamoDB single-table definition) is imported directly by the store and CDK, not
 * re-exported here, so that domain readers do not depend on storage keys.
 *
 * @packageDocumentation
 */
export * from './errors.js';
export * from './i18n.js';
export * from './result.js';
export * from './ports.js';
export * from './money.js';
export {
  type Fraction, fraction, decimalToFraction, roundFraction, fractionToString, fractionToDecimalString,
  compare as compareFractions, multiply as multiplyFractions, divide as divideFractions,
} from './fraction.js';
export * from './orgnr.js';
export * from './kommunenummer.js';
export * from './deadlines.js';
export * from './rules/index.js';
export * from './allocation.js';
export * from './budget.js';
export * from './registry-record.js';
export * from './attachments.js';
export {
  assessEligibility, isEligible, fullYearsBetween,
  type ApplicationFacts, type CallScope, type EligibilityContext, type EligibilityFinding, type Severity,
} from './eligibility.js';
export * from './lifecycle/index.js';
