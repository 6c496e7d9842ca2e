/**
 * A value or a named error, for rules whose failure is an expected outcome (a typo in an amount,
 * an award above the available funds) rather than a bug, so callers must look at it.
 */

/** Success with a value, or failure with an error. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Wraps a value as success. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Wraps an error as failure. */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}
