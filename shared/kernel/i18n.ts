/**
 * Languages of the product and the shape every user-facing text takes in `shared/`.
 *
 * Domain code never picks a language: it returns all three, and the page or API layer picks one,
 * so that the same finding or error can be shown to an applicant in nynorsk and logged in English.
 */
import { z } from 'zod';

/** The product's languages: bokmål (default), nynorsk, English. */
export const locales = ['nb', 'nn', 'en'] as const;

/** One of {@link locales}. */
export type Locale = (typeof locales)[number];

/** The same text in every product language. */
export interface LocalizedText {
  readonly nb: string;
  readonly nn: string;
  readonly en: string;
}

/** Schema for a {@link LocalizedText}; each language must be present and non-blank. */
export const localizedTextSchema = z.object({
  nb: z.string().trim().min(1),
  nn: z.string().trim().min(1),
  en: z.string().trim().min(1),
});

/** Picks the text for one language. */
export function localize(text: LocalizedText, locale: Locale): string {
  return text[locale];
}

/**
 * What `shared/` schemas attach to a zod issue's `params`, so an edge can show the message in the
 * user's language instead of zod's English default.
 */
export interface IssueParams {
  /** Stable code, e.g. `orgnr.checksum`; safe to match on. */
  readonly code: string;
  readonly messages: LocalizedText;
}

/**
 * The message of a zod issue in the given language: ours when a `shared/` schema raised it, zod's
 * own text otherwise (zod's built-in messages exist in English only).
 */
export function issueMessage(issue: { readonly message: string }, locale: Locale): string {
  const params = (issue as { params?: unknown }).params as Partial<IssueParams> | undefined;
  return params?.messages?.[locale] ?? issue.message;
}

/** The stable code of a zod issue raised by a `shared/` schema, or undefined for zod's own issues. */
export function issueCode(issue: object): string | undefined {
  return ((issue as { params?: unknown }).params as Partial<IssueParams> | undefined)?.code;
}

/**
 * Adds a localized custom issue to a zod refinement context. English is zod's `message` so that
 * logs and default error output stay readable.
 */
export function addLocalizedIssue(
  ctx: Pick<z.RefinementCtx, 'addIssue'>,
  params: IssueParams,
  path?: PropertyKey[],
): void {
  ctx.addIssue({ code: 'custom', message: params.messages.en, params: { ...params }, ...(path ? { path } : {}) });
}
