import { z } from 'zod';
import { tenantIdSchema } from '../kernel/tenants';

/**
 * A municipality's full data as one JSON document, to keep outside AWS or to move into another
 * table. Versioned: a reader refuses a format or version it does not know rather than guess.
 *
 * `items` are the stored items exactly as DynamoDB holds them (its attribute-value JSON: `S`, `N`,
 * `BOOL`, `M`, `L`, `SS`, …; binary values in base64), so every item type — rounds, applications,
 * audit events, budget positions, counters and whatever is added later — comes along without this
 * format naming them, and numbers keep every digit.
 */
export const TENANT_EXPORT_FORMAT = 'fordel.tenant-export';
export const TENANT_EXPORT_VERSION = 1;

/** One attribute value in DynamoDB's JSON. */
export type AttributeJson =
  | { S: string }
  | { N: string }
  | { B: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { L: AttributeJson[] }
  | { M: Record<string, AttributeJson> };

const attributeJson: z.ZodType<AttributeJson> = z.lazy(() =>
  z.union([
    z.strictObject({ S: z.string() }),
    z.strictObject({ N: z.string() }),
    z.strictObject({ B: z.base64() }),
    z.strictObject({ BOOL: z.boolean() }),
    z.strictObject({ NULL: z.literal(true) }),
    z.strictObject({ SS: z.array(z.string()) }),
    z.strictObject({ NS: z.array(z.string()) }),
    z.strictObject({ BS: z.array(z.base64()) }),
    z.strictObject({ L: z.array(attributeJson) }),
    z.strictObject({ M: z.record(z.string(), attributeJson) }),
  ]),
);

/** A stored item: its attributes, `PK` and `SK` among them. */
export const exportedItemSchema = z
  .record(z.string(), attributeJson)
  .refine((item) => item.PK !== undefined && 'S' in item.PK && item.SK !== undefined && 'S' in item.SK, { message: 'every item needs a string PK and SK' });

export type ExportedItem = Record<string, AttributeJson>;

/** The document. */
export const tenantExportSchema = z.strictObject({
  format: z.literal(TENANT_EXPORT_FORMAT),
  version: z.literal(TENANT_EXPORT_VERSION),
  tenantId: tenantIdSchema,
  exportedAt: z.iso.datetime(),
  itemCount: z.number().int().min(0),
  items: z.array(exportedItemSchema),
});

export type TenantExport = z.infer<typeof tenantExportSchema>;

/** The partition key of an exported item. */
export function partitionKeyOf(item: ExportedItem): string {
  return (item.PK as { S: string }).S;
}

/** Items in a stable order (partition, then sort key), so two exports of the same data are equal. */
export function inKeyOrder(items: readonly ExportedItem[]): ExportedItem[] {
  const key = (item: ExportedItem) => `${partitionKeyOf(item)}\u0000${(item.SK as { S: string }).S}`;
  return [...items].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}
