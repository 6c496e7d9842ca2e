import { Readable } from 'node:stream';
import type { DocumentClient } from '../../functions/adapters/dynamodb-client';
import { tableDefinition } from '../../shared/table';
import { evaluate, type AccessRequest, type PolicyDocument } from './iam-policy-evaluator';

/** The session behind an access key: its role and the tags STS put on it. */
export interface SessionLookup {
  (accessKeyId: string): { readonly roleArn: string; readonly tags: Readonly<Record<string, string>> } | undefined;
}

type Attribute = { S?: string };
type Body = Record<string, any>;

const partitionKeyOf = (indexName?: string) =>
  indexName === undefined ? tableDefinition.partitionKey : tableDefinition.globalSecondaryIndexes.find((index) => index.indexName === indexName)!.partitionKey;

/** The partition key a query's key condition fixes: `<name> = :value`, names resolved. */
function queryPartitionKey(body: Body): string | undefined {
  const wanted = partitionKeyOf(body.IndexName);
  for (const [, name, valueName] of String(body.KeyConditionExpression).matchAll(/(#?[\w]+)\s*=\s*(:[\w]+)/g)) {
    const attribute = name!.startsWith('#') ? body.ExpressionAttributeNames?.[name!] : name;
    if (attribute === wanted) return (body.ExpressionAttributeValues?.[valueName!] as Attribute).S;
  }
  return undefined;
}

const transactActions: Record<string, [string, string]> = {
  Put: ['dynamodb:PutItem', 'Item'],
  Update: ['dynamodb:UpdateItem', 'Key'],
  Delete: ['dynamodb:DeleteItem', 'Key'],
  ConditionCheck: ['dynamodb:ConditionCheckItem', 'Key'],
  Get: ['dynamodb:GetItem', 'Key'],
};

/**
 * The authorisation requests DynamoDB makes of one API call, as documented: a transaction is
 * authorised per item under the item's own action, a batch under its own action with every key,
 * a query on the index it names with the partition key its key condition fixes.
 */
export function authorisationRequests(operation: string, body: Body, tableArn: (tableName: string) => string) {
  const request = (action: string, tableName: string, keys: (string | undefined)[], indexName?: string, detail?: Body) => ({
    action,
    resource: indexName ? `${tableArn(tableName)}/index/${indexName}` : tableArn(tableName),
    leadingKeys: keys.filter((key): key is string => key !== undefined),
    ...(detail ? attributeContext(detail) : {}),
  });
  const pk = (item: Record<string, Attribute> | undefined) => item?.[tableDefinition.partitionKey]?.S;
  switch (operation) {
    case 'UpdateItem':
      return [request('dynamodb:UpdateItem', body.TableName, [pk(body.Key)], undefined, body)];
    case 'GetItem':
    case 'DeleteItem':
      return [request(`dynamodb:${operation}`, body.TableName, [pk(body.Key)])];
    case 'PutItem':
      return [request('dynamodb:PutItem', body.TableName, [pk(body.Item)])];
    case 'Query':
      return [request('dynamodb:Query', body.TableName, [queryPartitionKey(body)], body.IndexName)];
    case 'BatchGetItem':
      return Object.entries(body.RequestItems as Record<string, { Keys: Record<string, Attribute>[] }>).map(([table, { Keys }]) =>
        request('dynamodb:BatchGetItem', table, Keys.map(pk)),
      );
    case 'TransactWriteItems':
    case 'TransactGetItems':
      return (body.TransactItems as Record<string, Body>[]).map((entry) => {
        const [kind, detail] = Object.entries(entry)[0]!;
        const [action, keyField] = transactActions[kind]!;
        return request(action, detail.TableName, [pk(detail[keyField])], undefined, kind === 'Update' ? detail : undefined);
      });
    default:
      return [request(`dynamodb:${operation}`, body.TableName, [])];
  }
}

/**
 * `dynamodb:Attributes` and `dynamodb:ReturnValues` of an update: the top-level attribute names it
 * touches (its key's, and every name its update and condition expressions use, placeholders
 * resolved), and the values it asks back.
 */
function attributeContext(detail: Body): { attributes: string[]; returnValues?: string } {
  const names = new Set<string>(Object.keys(detail.Key ?? {}));
  for (const expression of [detail.UpdateExpression, detail.ConditionExpression]) {
    if (typeof expression !== 'string') continue;
    // Drop the values (`:x`) and function names, keep attribute names and `#placeholders`.
    const withoutValues = expression.replace(/:[\w]+/g, ' ').replace(/\b(SET|REMOVE|ADD|DELETE|AND|OR|NOT|attribute_exists|attribute_not_exists|if_not_exists|begins_with|list_append|size|contains|attribute_type|BETWEEN|IN)\b/g, ' ');
    for (const [token] of withoutValues.matchAll(/#?[A-Za-z_][\w]*/g)) {
      names.add(token.startsWith('#') ? String(detail.ExpressionAttributeNames?.[token]) : token);
    }
  }
  return { attributes: [...names], ...(typeof detail.ReturnValues === 'string' ? { returnValues: detail.ReturnValues } : {}) };
}

/** DynamoDB's answer to a refused call, with the detail AWS puts in it (which a user must never see). */
function accessDeniedResponse(message: string) {
  const body = JSON.stringify({ __type: 'com.amazonaws.dynamodb.v20120810#AccessDeniedException', Message: message });
  return { statusCode: 400, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: Readable.from([Buffer.from(body)]) };
}

/**
 * Holds a document client to IAM as AWS would: each signed request is looked up by its access key
 * to find the session's role and tags, every authorisation request it makes is evaluated against
 * that role's identity policies, and a refused request never reaches DynamoDB Local but is answered
 * with the `AccessDeniedException` DynamoDB sends, which the SDK parses as it would in AWS.
 */
export function holdToPolicy(
  client: DocumentClient,
  options: { policiesOf: (roleArn: string) => readonly PolicyDocument[]; sessionOf: SessionLookup; tableArn: (tableName: string) => string },
): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const http = args.request as { headers: Record<string, string>; body: string | Uint8Array };
      const operation = http.headers['x-amz-target']!.split('.')[1]!;
      const accessKeyId = /Credential=([A-Z0-9]+)\//.exec(http.headers.authorization ?? '')?.[1] ?? '';
      const session = options.sessionOf(accessKeyId);
      const policies = session ? options.policiesOf(session.roleArn) : [];
      for (const access of authorisationRequests(operation, JSON.parse(typeof http.body === 'string' ? http.body : new TextDecoder().decode(http.body)) as Body, options.tableArn)) {
        const request: AccessRequest = {
          action: access.action,
          resource: access.resource,
          context: {
            'dynamodb:LeadingKeys': access.leadingKeys,
            ...('attributes' in access && access.attributes ? { 'dynamodb:Attributes': access.attributes } : {}),
            ...('returnValues' in access && access.returnValues ? { 'dynamodb:ReturnValues': access.returnValues } : {}),
          },
          principalTags: session?.tags ?? {},
        };
        if (evaluate(policies, request) !== 'Allow') {
          const who = session ? `${session.roleArn}/${JSON.stringify(session.tags)}` : accessKeyId;
          const message = `User: ${who} is not authorized to perform: ${access.action} on resource: ${access.resource}`;
          return { response: accessDeniedResponse(message), output: undefined };
        }
      }
      return next(args);
    },
    { step: 'deserialize', priority: 'low', name: 'holdToSessionPolicy' },
  );
}
