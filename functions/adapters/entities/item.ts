/** What every entity module works with: a stored item and its primary key. */

/** The primary key of an item in the single table. */
export interface ItemKey {
  readonly PK: string;
  readonly SK: string;
}

/** An item as the document client reads and writes it. */
export type Item = Record<string, unknown>;

/** The attributes that place an item in the table and its indexes, never part of the entity itself. */
const placementAttributes = ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'entity'] as const;

/** The entity's own attributes of an item: its keys, index keys and entity tag left out. */
export function withoutPlacement(item: Item): Item {
  const fields = { ...item };
  for (const name of placementAttributes) delete fields[name];
  return fields;
}
