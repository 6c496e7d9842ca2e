import { z } from '@hono/zod-openapi';

/**
 * The JSON shapes of budget positions and allocations, shared by the national and officer APIs so
 * both describe the same money the same way.
 */

/** A grant year in a path: four digits. */
export const grantYearParam = z.object({
  year: z.coerce.number().int().min(2000).max(2100).meta({ description: 'The grant year.', example: 2027 }),
});

const kroner = z.number().int().min(0);

/** A municipality-year's budget position, with what is left. */
export const budgetPositionSchema = z
  .object({
    tenantId: z.string(),
    grantYear: z.number().int(),
    frame: kroner,
    adminCap: kroner,
    adminReserved: kroner,
    awarded: kroner,
    paid: kroner,
    returned: kroner,
    returnedToImdi: kroner,
    carriedOver: kroner,
    carriedForward: kroner.meta({ description: 'Moved on to next year’s position when the year was closed under the carry-over rule.' }),
    closed: z
      .object({ at: z.string(), by: z.string(), outcome: z.enum(['carried_over', 'returned_to_imdi']), amount: kroner })
      .optional()
      .meta({ description: 'Set once the year is closed; a closed position takes no change.' }),
    version: z.number().int(),
    allocationVersion: z.number().int(),
    available: z.number().int().meta({ description: 'frame + carried over + returned − reserved − awarded − returned to IMDi − carried forward.' }),
  })
  .meta({ id: 'BudgetPosition' });

/** One municipality's frame in an allocation, with the line that explains it. */
export const municipalFrameSchema = z
  .object({
    tenantId: z.string(),
    name: z.string(),
    kommunenummer: z.string(),
    key: z.number().int(),
    share: z.string(),
    floor: kroner,
    exactQuota: z.string(),
    exactQuotaDecimal: z.string(),
    quotaBeforeRounding: kroner,
    roundingAdjustment: z.union([z.literal(0), z.literal(1)]),
    frame: kroner,
    adminCap: kroner,
  })
  .meta({ id: 'MunicipalFrame' });

/** An allocation as computed: the national split and every frame. */
export const allocationProposalSchema = z
  .object({
    grantYear: z.number().int(),
    split: z.object({ frame: kroner, municipalShare: z.string(), exactMunicipalPool: z.string(), municipalPool: kroner, imdi: kroner }),
    frames: z.array(municipalFrameSchema).readonly(),
    framesTotal: kroner,
    adminCapsTotal: kroner,
  })
  .meta({ id: 'AllocationProposal' });

/** How one municipality's frame moved from the version before. */
export const frameChangeSchema = z
  .object({ tenantId: z.string(), name: z.string(), before: kroner, after: kroner, change: z.number().int() })
  .meta({ id: 'FrameChange' });

/** A published version with how its frames moved. */
export const allocationVersionSchema = allocationProposalSchema
  .extend({
    version: z.number().int(),
    publishedAt: z.string(),
    publishedBy: z.string(),
    reason: z.string(),
    status: z.enum(['applying', 'published']),
    changes: z.array(frameChangeSchema).readonly(),
  })
  .meta({ id: 'AllocationVersion' });
