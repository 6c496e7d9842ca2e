import { z } from 'zod';
import type { StoredBudgetPosition } from '../../../shared/national/budget-position';
import { kroner, kronerSchema } from '../../../shared/kernel/money';
import { tenantIdSchema, type TenantId } from '../../../shared/kernel/tenants';
import { tenantPrefix } from '../../../shared/table';
import type { Item, ItemKey } from './item';

const storedSchema = z.object({
  tenantId: tenantIdSchema,
  grantYear: z.number().int(),
  frame: kronerSchema,
  carriedOver: kronerSchema,
  adminCap: kronerSchema,
  adminReserved: kronerSchema,
  awarded: kronerSchema,
  returned: kronerSchema,
  returnedToImdi: kronerSchema,
  // Positions written before year close existed have no such attribute.
  carriedForward: kronerSchema.default(kroner(0)),
  paid: kronerSchema,
  version: z.number().int().min(0),
  allocationVersion: z.number().int().min(0),
  closedAt: z.string().optional(),
  closedBy: z.string().optional(),
  closeOutcome: z.enum(['carried_over', 'returned_to_imdi']).optional(),
  closeAmount: kronerSchema.optional(),
});

function fromStored(item: z.infer<typeof storedSchema>): StoredBudgetPosition {
  const { closedAt, closedBy, closeOutcome, closeAmount, ...position } = item;
  const closed = closedAt && closedBy && closeOutcome && closeAmount !== undefined
    ? { closed: { at: closedAt, by: closedBy, outcome: closeOutcome, amount: closeAmount } }
    : {};
  return { ...position, ...closed } as StoredBudgetPosition;
}

/** The attributes a guarded change adds to; `frame` and `adminCap` are set only by an allocation. */
export const budgetCounterNames = ['carriedOver', 'adminReserved', 'awarded', 'returned', 'returnedToImdi', 'carriedForward', 'paid'] as const;

/**
 * A municipality's budget position for one grant year: one item in the tenant's own `BUDGET`
 * partition, which is exactly what the national role's IAM policy grants besides national data, and
 * what the officer role reaches under its own prefix.
 */
export const budgetPositionItem = {
  key: (tenantId: TenantId, grantYear: number): ItemKey => ({ PK: `${tenantPrefix(tenantId)}BUDGET`, SK: `YEAR#${grantYear}` }),
  fromItem: (item: Item): StoredBudgetPosition => fromStored(storedSchema.parse(item)),
  /** What identifies the item besides its key, set by the write that creates it. */
  identity: (tenantId: TenantId, grantYear: number) => ({ entity: 'budget-position', tenantId, grantYear }),
  /**
   * The update expression that creates the item: its identity, `set` as given, `add` added, version 1,
   * and every other figure zero. Whichever write comes first (an allocation's frame, or a year close
   * carrying money over) thereby starts a complete position.
   */
  creation(tenantId: TenantId, grantYear: number, set: Record<string, number>, add: Record<string, number> = {}) {
    const figures = [...budgetCounterNames, 'frame', 'adminCap', 'allocationVersion'];
    const zeroed = Object.fromEntries(figures.filter((name) => !(name in set) && !(name in add)).map((name) => [name, 0]));
    const sets: Record<string, string | number> = { ...budgetPositionItem.identity(tenantId, grantYear), ...set, ...zeroed };
    const adds: Record<string, number> = { ...add, version: 1 };
    const clause = (values: Record<string, unknown>, operator: string) => Object.keys(values).map((name) => `#${name}${operator}:${name}`).join(', ');
    return {
      expression: `SET ${clause(sets, ' = ')} ADD ${clause(adds, ' ')}`,
      names: Object.fromEntries([...Object.keys(sets), ...Object.keys(adds)].map((name) => [`#${name}`, name])),
      values: Object.fromEntries([...Object.entries(sets), ...Object.entries(adds)].map(([name, value]) => [`:${name}`, value])),
    };
  },
};
