import { z } from 'zod';

/**
 * Tenants: the administrators of the scheme. A tenant is a managing municipality or IMDi.
 * Its id is stable across years (kommunenummer change, the tenant does not), so keys never
 * embed a kommunenummer.
 */

/** Characters that would break key prefixes or IAM patterns are refused: `#`, `*`, `?`. */
export const tenantIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'A tenant id is 2–40 lowercase letters, digits or hyphens.')
  .brand<'TenantId'>();

/** A validated tenant id; safe to embed in a key. */
export type TenantId = z.infer<typeof tenantIdSchema>;

/** The id of IMDi's own tenant, which runs the national call. */
export const NATIONAL_TENANT_ID = 'imdi' as TenantId;

/** One entry in the tenant register that IMDi maintains. */
export const tenantSchema = z.object({
  tenantId: tenantIdSchema,
  kind: z.enum(['municipality', 'national']),
  /** Name as the public knows it ("Eidsvoll kommune", "IMDi"). */
  name: z.string().min(1),
  /** Four digits with leading zero, for municipalities; valid from `kommunenummerValidFrom`. */
  kommunenummer: z.string().regex(/^\d{4}$/).optional(),
  kommunenummerValidFrom: z.number().int().optional(),
  /** Grant years in which the tenant is a managing municipality (or IMDi). */
  managingYears: z.array(z.number().int()).default([]),
  /** Where the scheme's officer is reached (the assignment letter goes here); a role address, not a person's. */
  contactEmail: z.email().optional(),
});

/** A tenant as stored in the register. */
export type Tenant = z.infer<typeof tenantSchema>;

/** The tenant id a municipality gets: `k` and its kommunenummer when it first became a tenant. */
export function municipalTenantId(kommunenummer: string): TenantId {
  return tenantIdSchema.parse(`k${kommunenummer}`);
}
