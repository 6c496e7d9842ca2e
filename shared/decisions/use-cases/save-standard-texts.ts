import type { TenantId } from '../../kernel/tenants';
import { StandardTextsChangedError, standardTextListSchema, type StandardText, type StandardTextRepository, type StoredStandardTexts } from '../standard-texts';

/** What {@link saveStandardTexts} needs. */
export interface SaveStandardTextsDeps {
  readonly standardTexts: StandardTextRepository;
}

/**
 * The municipality's admin saves the whole list of standard reason texts.
 *
 * Primary course: the list is valid (every text in nb, nn and en, ids unique, at least one text per
 * outcome) and the stored list still has `expectedVersion` (0: the product's defaults, never
 * saved); it is stored as the next version with an audit event in the same write.
 *
 * Alternatives:
 * - The list is not valid: the schema's `ZodError` (the caller shows it by field).
 * - Someone saved the list since it was read, or at the same moment: `StandardTextsChangedError`
 *   (409) and nothing is written.
 */
export async function saveStandardTexts(
  deps: SaveStandardTextsDeps,
  input: { readonly tenantId: TenantId; readonly expectedVersion: number; readonly texts: readonly StandardText[]; readonly actor: string; readonly now: Date; readonly eventId: string },
): Promise<StoredStandardTexts> {
  const texts = standardTextListSchema.parse(input.texts);
  const stored = await deps.standardTexts.get(input.tenantId);
  if ((stored?.version ?? 0) !== input.expectedVersion) throw new StandardTextsChangedError();
  const at = input.now.toISOString();
  const next: StoredStandardTexts = { tenantId: input.tenantId, texts, version: input.expectedVersion + 1, updatedAt: at, updatedBy: input.actor };
  await deps.standardTexts.save(next, { eventId: input.eventId, at, actor: `officer:${input.actor}` });
  return next;
}
