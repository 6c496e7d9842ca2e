import { Hono, type Context } from 'hono';
import { ulid } from 'ulid';
import { z } from 'zod';
import { decisionOutcomes } from '../../../../shared/decisions/decision';
import { MAX_TEXT_LENGTH, MAX_TEXTS_PER_OUTCOME, standardTextsOrDefaults, type StandardText } from '../../../../shared/decisions/standard-texts';
import { saveStandardTexts } from '../../../../shared/decisions/use-cases/save-standard-texts';
import type { Clock } from '../../../../shared/kernel/ports';
import { textTranslator } from '../../../../web/i18n';
import { recommendationText } from '../../../../web/messages/recommendation';
import type { FieldErrors } from '../../../../web/components/form-fields';
import { OfficerStandardTextsPage, standardTextsPath, type StandardTextRow } from '../../../../web/pages/officer-standard-texts-page';
import { principalOf } from '../../common/authentication';
import { readForm, single, type FormValues } from '../../common/form-cycle';
import { FORM_BODY_LIMIT_BYTES, limitBody } from '../../common/request-guards';
import { signedInPage } from '../../common/signed-in-app';
import type { OfficerEnv } from '../officer-data';
import { requirePermission } from '../permissions';

const languages = ['nb', 'nn', 'en'] as const;

/** The stored texts as rows, with an empty row to add one under each outcome. */
function rowsOf(texts: readonly StandardText[]): StandardTextRow[] {
  return [
    ...texts.map((text) => ({ id: text.id, outcome: text.outcome, ...text.text })),
    ...decisionOutcomes.map((outcome) => ({ outcome, nb: '', nn: '', en: '' })),
  ];
}

/** The posted rows, in the order they were shown, by their numbered fields. */
function postedRows(values: FormValues): StandardTextRow[] {
  const indices = Object.keys(values)
    .map((name) => /^outcome\.(\d{1,3})$/.exec(name)?.[1])
    .filter((index): index is string => index !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
  return indices.flatMap((index) => {
    const outcome = decisionOutcomes.find((each) => each === single(values[`outcome.${index}`]));
    if (!outcome) return [];
    const id = single(values[`id.${index}`]);
    return [{ ...(id ? { id } : {}), outcome, nb: single(values[`nb.${index}`]), nn: single(values[`nn.${index}`]), en: single(values[`en.${index}`]), remove: single(values[`remove.${index}`]) === '1' }];
  });
}

/** The texts the rows keep, or the errors by field (numbered as the rows were posted). */
function textsOf(rows: readonly StandardTextRow[], tr: ReturnType<typeof textTranslator<keyof typeof recommendationText>>): { texts: StandardText[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const texts: StandardText[] = [];
  rows.forEach((row, index) => {
    const blank = languages.every((language) => row[language].trim() === '');
    if (row.remove || (!row.id && blank)) return;
    for (const language of languages) {
      const value = row[language].trim();
      if (value === '') errors[`${language}.${index}`] = tr('texts.required');
      else if (value.length > MAX_TEXT_LENGTH) errors[`${language}.${index}`] = tr('texts.tooLong', { max: MAX_TEXT_LENGTH });
    }
    const id = row.id && /^[a-z0-9-]{1,40}$/.test(row.id) ? row.id : `${row.outcome.replace('_', '-')}-${ulid().toLowerCase().slice(-10)}`;
    texts.push({ id, outcome: row.outcome, text: { nb: row.nb.trim(), nn: row.nn.trim(), en: row.en.trim() } });
  });
  for (const outcome of decisionOutcomes) {
    const count = texts.filter((text) => text.outcome === outcome).length;
    if (count === 0) errors[`outcome.${outcome}`] = tr('texts.outcomeEmpty');
    if (count > MAX_TEXTS_PER_OUTCOME) errors[`outcome.${outcome}`] = tr('texts.tooMany', { max: MAX_TEXTS_PER_OUTCOME });
  }
  return { texts, errors };
}

/**
 * The municipality's standard reason texts, kept by its admin (`texts.manage`): the page shows the
 * list (the product's defaults until the first save) and saves it whole, guarded by the version it
 * was read at; a save by someone else meanwhile answers 409 with everything typed kept.
 */
export function standardTextsRoutes(options: { clock?: Clock } = {}) {
  const clock = options.clock ?? (() => new Date());
  const app = new Hono<OfficerEnv>();
  const manage = requirePermission('texts.manage');

  const show = async (c: Context<OfficerEnv>, view: { rows: StandardTextRow[]; version: number; errors?: FieldErrors; formError?: string; saved?: boolean }, status: 200 | 409 | 422) => {
    const page = await signedInPage(c, 'officer', async (id) => (await c.var.data.tenants.getProfile(id))?.name);
    return c.html(<OfficerStandardTextsPage page={page} {...view} />, status);
  };

  app.get(standardTextsPath, manage, async (c) => {
    const { tenantId } = principalOf(c);
    const stored = standardTextsOrDefaults(tenantId, await c.var.data.standardTexts.get(tenantId));
    return show(c, { rows: rowsOf(stored.texts), version: stored.version, saved: c.req.query('saved') === '1' }, 200);
  });

  app.post(standardTextsPath, manage, limitBody(FORM_BODY_LIMIT_BYTES), async (c) => {
    const tr = textTranslator(recommendationText, c.var.lang);
    const { tenantId, userId } = principalOf(c);
    const form = await readForm(c);
    const version = z.coerce.number().int().min(0).safeParse(single(form.values.version));
    const rows = postedRows(form.values);
    const { texts, errors } = textsOf(rows, tr);
    const typed = rows.concat(decisionOutcomes.filter((outcome) => !rows.some((row) => !row.id && row.outcome === outcome)).map((outcome) => ({ outcome, nb: '', nn: '', en: '' })));
    if (!version.success || Object.keys(errors).length > 0) return show(c, { rows: typed, version: version.success ? version.data : 0, errors }, 422);
    try {
      await saveStandardTexts({ standardTexts: c.var.data.standardTexts }, { tenantId, expectedVersion: version.data, texts, actor: userId, now: clock(), eventId: ulid() });
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'standard_texts.changed_meanwhile')) throw error;
      const now = (await c.var.data.standardTexts.get(tenantId))?.version ?? 0;
      return show(c, { rows: typed, version: now, formError: tr('texts.changedMeanwhile') }, 409);
    }
    return c.redirect(`${standardTextsPath}?saved=1`, 303);
  });

  return app;
}

