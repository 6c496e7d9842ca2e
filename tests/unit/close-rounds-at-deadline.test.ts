/**
 * The branching of closeRoundsAtDeadline with an in-memory list of rounds. The DynamoDB transaction
 * is covered by tests/integration/close-rounds.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { CallRepository, RoundClosing, VersionedCall } from '../../shared/rounds/ports';
import type { TenantId } from '../../shared/kernel/tenants';
import { closeRoundsAtDeadline } from '../../shared/rounds/use-cases/close-rounds-at-deadline';
import { openCall } from '../support/calls';

function listed(roundId: string, deadline: string): VersionedCall {
  return { ...openCall('k3201' as TenantId, { roundId, deadline }), version: 3 };
}

function fakeCalls(due: VersionedCall[], answer: 'closed' | 'stale' = 'closed') {
  const closings: RoundClosing[] = [];
  const calls = {
    listOpenWithDeadlineBefore: async () => due,
    close: async (closing: RoundClosing) => (closings.push(closing), answer),
  } as Pick<CallRepository, 'listOpenWithDeadlineBefore' | 'close'> as CallRepository;
  return { calls, closings };
}

let ids = 0;
const newId = () => `event-${++ids}`;

describe('closeRoundsAtDeadline', () => {
  it('closes a listed round at the version it was read, as the system', async () => {
    // Prepare
    const { calls, closings } = fakeCalls([listed('a', '2027-03-01T11:00:00.000Z')]);

    // Act
    const result = await closeRoundsAtDeadline({ calls, clock: () => new Date('2027-03-01T11:00:01.000Z'), newId });

    // Assess
    expect(result).toMatchObject({ closed: 1, skipped: 0 });
    expect(closings).toEqual([
      { tenantId: 'k3201', roundId: 'a', expectedVersion: 3, at: '2027-03-01T11:00:01.000Z', eventId: expect.any(String), actor: 'system:close-rounds' },
    ]);
  });

  it('leaves a round alone within the second of its deadline', async () => {
    // Prepare
    const { calls, closings } = fakeCalls([listed('a', '2027-03-01T11:00:00.000Z')]);

    // Act
    const result = await closeRoundsAtDeadline({ calls, clock: () => new Date('2027-03-01T11:00:00.999Z'), newId });

    // Assess
    expect(result.outcomes).toEqual([{ tenantId: 'k3201', roundId: 'a', outcome: 'skipped', reason: 'deadline_not_passed' }]);
    expect(closings).toEqual([]);
  });

  it('skips a round that changed after it was listed', async () => {
    // Prepare
    const { calls } = fakeCalls([listed('a', '2027-03-01T11:00:00.000Z')], 'stale');

    // Act
    const result = await closeRoundsAtDeadline({ calls, clock: () => new Date('2027-03-02T00:00:00.000Z'), newId });

    // Assess
    expect(result.outcomes).toEqual([{ tenantId: 'k3201', roundId: 'a', outcome: 'skipped', reason: 'changed' }]);
  });
});
