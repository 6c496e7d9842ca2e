/**
 * An entity as Enhetsregisteret (data.brreg.no, `GET /enhetsregisteret/api/enheter/{orgnr}`) returns
 * it, reduced to what eligibility needs. The registry adapter parses the JSON with
 * {@link registryRecordSchema}; unknown fields are dropped, so registry additions do not break us.
 */
import { z } from 'zod';
import { orgnrSchema } from '../kernel/orgnr.js';

/** Schema for an address in Enhetsregisteret. */
export const registryAddressSchema = z.object({
  adresse: z.array(z.string()).optional(),
  postnummer: z.string().optional(),
  poststed: z.string().optional(),
  kommunenummer: z.string().regex(/^\d{4}$/).optional(),
  kommune: z.string().optional(),
  landkode: z.string().optional(),
  land: z.string().optional(),
});

/** An address in Enhetsregisteret. */
export type RegistryAddress = z.infer<typeof registryAddressSchema>;

/**
 * Schema for an Enhetsregisteret entity. The status flags default to false when absent, as the
 * registry omits them in some older responses; dates are `YYYY-MM-DD`.
 */
export const registryRecordSchema = z.object({
  organisasjonsnummer: orgnrSchema,
  navn: z.string().min(1),
  organisasjonsform: z.object({ kode: z.string().min(1), beskrivelse: z.string().optional() }),
  forretningsadresse: registryAddressSchema.optional(),
  postadresse: registryAddressSchema.optional(),
  registrertIFrivillighetsregisteret: z.boolean().default(false),
  konkurs: z.boolean().default(false),
  underAvvikling: z.boolean().default(false),
  underTvangsavviklingEllerTvangsopplosning: z.boolean().default(false),
  stiftelsesdato: z.iso.date().optional(),
  registreringsdatoEnhetsregisteret: z.iso.date().optional(),
  /** Set when the entity has been deleted from the register. */
  slettedato: z.iso.date().optional(),
});

/** An Enhetsregisteret entity, as parsed. */
export type RegistryRecord = z.infer<typeof registryRecordSchema>;
