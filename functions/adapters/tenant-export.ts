import { DynamoDBClient, PutItemCommand, ScanCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  inKeyOrder,
  partitionKeyOf,
  TENANT_EXPORT_FORMAT,
  TENANT_EXPORT_VERSION,
  tenantExportSchema,
  type AttributeJson,
  type ExportedItem,
  type TenantExport,
} from '../../shared/data-safety/tenant-export';
import type { TenantId } from '../../shared/kernel/tenants';
import { tenantPrefix } from '../../shared/table';
import { isConditionalCheckFailed } from './dynamodb-errors';

/**
 * Export and import of one municipality's data: an operator's admin operation (`npm run
 * export-tenant`, `npm run import-tenant`), never a request path.
 *
 * Finding "everything under `T#<tenantId>#`" generically needs a Scan: a Query names one
 * partition, and a tenant's items live in many (one per application, round, year…). The Scan is
 * filtered on the key prefix, read consistently, paginated, and split into parallel segments;
 * it reads (and is billed for) the whole table, which is why it is an operation run by hand with
 * the operator's own credentials, not something the apps' roles may do.
 */

type Db = DynamoDBClient;

/** The plain client the operation runs with: the operator's credentials, or DynamoDB Local's. */
export function createOperatorClient(config: { AWS_REGION: string; DYNAMODB_ENDPOINT?: string }): DynamoDBClient {
  return new DynamoDBClient({
    region: config.AWS_REGION,
    ...(config.DYNAMODB_ENDPOINT ? { endpoint: config.DYNAMODB_ENDPOINT, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } } : {}),
  });
}

/** Every item whose partition key starts with the tenant's prefix, exactly as stored. */
export async function scanTenantItems(db: Db, tableName: string, tenantId: TenantId, options: { segments?: number; pageSize?: number } = {}): Promise<ExportedItem[]> {
  const segments = options.segments ?? 4;
  const prefix = tenantPrefix(tenantId);
  const readSegment = async (segment: number) => {
    const items: ExportedItem[] = [];
    let startKey: Record<string, AttributeValue> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({
          TableName: tableName,
          Segment: segment,
          TotalSegments: segments,
          ConsistentRead: true,
          Limit: options.pageSize,
          FilterExpression: 'begins_with(PK, :prefix)',
          ExpressionAttributeValues: { ':prefix': { S: prefix } },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const item of page.Items ?? []) items.push(toJson(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  };
  const all = await Promise.all(Array.from({ length: segments }, (_, segment) => readSegment(segment)));
  return inKeyOrder(all.flat());
}

/** The export document of a tenant. */
export async function exportTenant(db: Db, tableName: string, tenantId: TenantId, now: Date): Promise<TenantExport> {
  const items = await scanTenantItems(db, tableName, tenantId);
  return { format: TENANT_EXPORT_FORMAT, version: TENANT_EXPORT_VERSION, tenantId, exportedAt: now.toISOString(), itemCount: items.length, items };
}

/** Why an import was refused; nothing was written. */
export class TenantImportRefused extends Error {
  constructor(readonly reason: 'invalid_document' | 'foreign_item' | 'count_mismatch' | 'not_empty', detail: string) {
    super(`Import refused (${reason}): ${detail}`);
    this.name = 'TenantImportRefused';
  }
}

/**
 * Writes an export into a table where the tenant has no data yet. Refuses, before writing
 * anything, a document that does not parse, that holds an item outside the tenant's prefix, or
 * whose count does not match; and a table that already holds any of the tenant's items. Each put
 * is conditional on the key being free, so an import racing another write never overwrites it.
 */
export async function importTenant(db: Db, tableName: string, document: unknown, options: { concurrency?: number } = {}): Promise<{ written: number }> {
  const parsed = tenantExportSchema.safeParse(document);
  if (!parsed.success) throw new TenantImportRefused('invalid_document', parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).slice(0, 5).join('; '));
  const { tenantId, items, itemCount } = parsed.data;
  const prefix = tenantPrefix(tenantId);
  const foreign = items.find((item) => !partitionKeyOf(item).startsWith(prefix));
  if (foreign) throw new TenantImportRefused('foreign_item', `${partitionKeyOf(foreign)} is not under ${prefix}`);
  if (items.length !== itemCount) throw new TenantImportRefused('count_mismatch', `${items.length} items, the document says ${itemCount}`);
  if ((await scanTenantItems(db, tableName, tenantId)).length > 0) throw new TenantImportRefused('not_empty', `the table already holds data of ${tenantId}`);

  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      try {
        await db.send(new PutItemCommand({ TableName: tableName, Item: fromJson(item), ConditionExpression: 'attribute_not_exists(PK)' }));
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new TenantImportRefused('not_empty', `${partitionKeyOf(item)} was written meanwhile`);
        throw error;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 16 }, worker));
  return { written: items.length };
}

const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const bytesOf = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

function attributeToJson(value: AttributeValue): AttributeJson {
  if (value.S !== undefined) return { S: value.S };
  if (value.N !== undefined) return { N: value.N };
  if (value.B !== undefined) return { B: base64(value.B) };
  if (value.BOOL !== undefined) return { BOOL: value.BOOL };
  if (value.NULL !== undefined) return { NULL: true };
  if (value.SS !== undefined) return { SS: [...value.SS] };
  if (value.NS !== undefined) return { NS: [...value.NS] };
  if (value.BS !== undefined) return { BS: value.BS.map(base64) };
  if (value.L !== undefined) return { L: value.L.map(attributeToJson) };
  if (value.M !== undefined) return { M: toJson(value.M) };
  throw new Error(`Unknown attribute type: ${Object.keys(value).join(',')}`);
}

function attributeFromJson(value: AttributeJson): AttributeValue {
  if ('B' in value) return { B: bytesOf(value.B) };
  if ('BS' in value) return { BS: value.BS.map(bytesOf) };
  if ('L' in value) return { L: value.L.map(attributeFromJson) };
  if ('M' in value) return { M: fromJson(value.M) };
  return value as AttributeValue;
}

function toJson(item: Record<string, AttributeValue>): ExportedItem {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, attributeToJson(value)]));
}

function fromJson(item: ExportedItem): Record<string, AttributeValue> {
  return Object.fromEntries(Object.entries(item).map(([name, value]) => [name, attributeFromJson(value)]));
}
