import { createHash } from 'node:crypto';
import type { RateRule } from '../../../shared/kernel/ports';
import type { Change } from '../unit-of-work';
import type { ItemKey } from './item';

/** Keeps an item past its window a little, so a clock slightly behind never finds it gone early. */
const EXPIRY_MARGIN_SECONDS = 60;

/**
 * One subject's attempts in one fixed window of one rate rule. The subject is stored hashed (it is
 * an IP address or an email address), and the item expires with its window through TTL. Not
 * tenant data: its partitions start with `RATE#`.
 */
export const rateWindowItem = {
  key: (rule: string, subjectHash: string, windowStart: number): ItemKey => ({
    PK: `RATE#${rule}#${subjectHash}`,
    SK: `WINDOW#${windowStart}`,
  }),

  /** The window `now` falls in, and how long until it ends. */
  windowOf(rule: RateRule, subject: string, now: Date) {
    const seconds = Math.floor(now.getTime() / 1000);
    const start = seconds - (seconds % rule.windowSeconds);
    const end = start + rule.windowSeconds;
    const subjectHash = createHash('sha256').update(subject).digest('base64url');
    return { key: rateWindowItem.key(rule.name, subjectHash, start), expiresAt: end + EXPIRY_MARGIN_SECONDS, retryAfterSeconds: Math.max(1, end - seconds) };
  },

  /**
   * Counts one attempt, only while the window is under the limit: the count and the check are one
   * conditional `ADD`, so concurrent requests can never together pass the limit.
   */
  count(rule: RateRule, window: { key: ItemKey; expiresAt: number }): Change {
    return {
      type: 'add',
      key: window.key,
      counters: { hits: 1 },
      set: { expiresAt: window.expiresAt, entity: 'rate-window' },
      condition: { expression: 'attribute_not_exists(#hits) OR #hits < :limit', names: { '#hits': 'hits' }, values: { ':limit': rule.limit } },
    };
  },
};
