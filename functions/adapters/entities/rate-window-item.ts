import type { ItemKey } from './item';

/**
 * One subject's attempts in one fixed window of one rate rule. The subject is a hash (of an IP
 * address or an email address), never the address itself, and the item expires with its window
 * through TTL. Not tenant data: its partitions start with `RATE#`.
 */
export const rateWindowItem = {
  key: (rule: string, subjectHash: string, windowStart: number): ItemKey => ({
    PK: `RATE#${rule}#${subjectHash}`,
    SK: `WINDOW#${windowStart}`,
  }),
};
