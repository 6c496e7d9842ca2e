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

/**
 * A run of grant years in which a tenant manages the scheme: from `from` through `to` (both
 * included); without `to` it still manages it. Retiring sets `to`, so history is never lost.
 */
export const managingPeriodSchema = z
  .object({ from: z.number().int(), to: z.number().int().optional() })
  .refine((period) => period.to === undefined || period.to >= period.from, 'A period ends in or after the year it starts.');

/** A period of the register. */
export type ManagingPeriod = z.infer<typeof managingPeriodSchema>;

/** One entry in the tenant register that IMDi maintains. */
export const tenantSchema = z.object({
  tenantId: tenantIdSchema,
  kind: z.enum(['municipality', 'national']),
  /** Name as the public knows it ("Eidsvoll kommune", "IMDi"). */
  name: z.string().min(1),
  /** Four digits with leading zero, for municipalities; valid from `kommunenummerValidFrom`. */
  kommunenummer: z.string().regex(/^\d{4}$/).optional(),
  kommunenummerValidFrom: z.number().int().optional(),
  /**
   * Single grant years in which the tenant manages the scheme, as older entries and fixtures give
   * them; the register's own changes write `managingPeriods`. Read both through {@link managesIn}.
   */
  managingYears: z.array(z.number().int()).default([]),
  /** The periods in which the tenant manages the scheme (or, for IMDi, runs it), oldest first. */
  managingPeriods: z.array(managingPeriodSchema).optional(),
  /** Where the scheme's officer is reached (the assignment letter goes here); a role address, not a person's. */
  contactEmail: z.email().optional(),
});

/** A tenant as stored in the register. */
export type Tenant = z.infer<typeof tenantSchema>;

/** The tenant id a municipality gets: `k` and its kommunenummer when it first became a tenant. */
export function municipalTenantId(kommunenummer: string): TenantId {
  return tenantIdSchema.parse(`k${kommunenummer}`);
}

/**
 * Every period in which the tenant manages the scheme, oldest first: its periods and its single
 * years together, runs of consecutive years joined into one period.
 */
export function managingPeriodsOf(tenant: Pick<Tenant, 'managingYears' | 'managingPeriods'>): ManagingPeriod[] {
  const periods = [...(tenant.managingPeriods ?? []), ...(tenant.managingYears ?? []).map((year) => ({ from: year, to: year }))]
    .sort((a, b) => a.from - b.from);
  const joined: ManagingPeriod[] = [];
  for (const period of periods) {
    const last = joined.at(-1);
    if (last && (last.to === undefined || last.to + 1 >= period.from)) {
      joined[joined.length - 1] = last.to === undefined || period.to === undefined ? { from: last.from } : { from: last.from, to: Math.max(last.to, period.to) };
    } else joined.push({ ...period });
  }
  return joined;
}

/** Whether the tenant manages the scheme in `grantYear`. */
export function managesIn(tenant: Pick<Tenant, 'managingYears' | 'managingPeriods'>, grantYear: number): boolean {
  return managingPeriodsOf(tenant).some((period) => period.from <= grantYear && (period.to === undefined || grantYear <= period.to));
}
