/**
 * The base of every named domain error. The HTTP layer maps `code` to a status once
 * (`app.onError`), so codes are stable API: rename one only with a decision record.
 */
import type { LocalizedText } from './i18n.js';

/** A problem with one input field, for forms that show errors next to the field. */
export interface FieldError {
  /** Dotted path of the field, e.g. `budget.lines.2.amount`. */
  readonly field: string;
  readonly code: string;
  readonly messages: LocalizedText;
}

/** Options shared by all domain errors. */
export interface DomainErrorOptions {
  /** Per-field details, when the error concerns input the user can correct. */
  readonly fields?: readonly FieldError[];
  /** Extra machine-readable facts (never personal data), e.g. the amounts compared. */
  readonly details?: Readonly<Record<string, unknown>>;
  readonly cause?: unknown;
}

/**
 * A broken domain rule. Subclasses fix `code`; the English message is for logs, `messages` for users.
 */
export class DomainError extends Error {
  /** Stable, dotted, lower-case code, e.g. `budget.insufficient_funds`. */
  readonly code: string;
  /** The message in every product language. */
  readonly messages: LocalizedText;
  readonly fields: readonly FieldError[];
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: string, messages: LocalizedText, options: DomainErrorOptions = {}) {
    super(messages.en, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.messages = messages;
    this.fields = options.fields ?? [];
    this.details = options.details ?? {};
  }
}

/** Any domain value that is not what the rule requires (a non-integer amount, a bad number). */
export class InvalidValueError extends DomainError {}
