/**
 * Closing rounds at their deadline, against the real DynamoDB Local.
 *
 * The list of open calls is national and shared by every test file, so these tests give their
 * rounds deadlines in the 1990s and run the job at instants then: it sees only this file's rounds.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
import { auditEventItem } from '../../functions/adapters/entities/audit-event-item';
import { roundItem } from '../../functions/adapters/entities/round-item';
import { closeRoundsAtDeadline } from '../../shared/rounds/use-cases/close-rounds-at-deadline';
import { openCall } from '../support/calls';
import { freshTenantId, testAdapters, testConfig } from '../support/test-environment';

const config = testConfig();
const adapters = testAdapters(config);
const tenantId = freshTenantId('close');

const fixedClock = (iso: string) => () => new Date(iso);

function round(roundId: string, deadline: string) {
  return openCall(tenantId, { roundId, opensAt: '1990-01-01T00:00:00.000Z', deadline });
}

async function auditEventsOf(roundId: string): Promise<Record<string, unknown>[]> {
  const result = await adapters.db.send(
    new QueryCommand({
      TableName: config.TABLE_NAME,
      KeyConditionExpression: 'PK = :pk',
      FilterExpression: 'entityKey = :entity',
      ExpressionAttributeValues: { ':pk': auditEventItem.partitionOf(tenantId), ':entity': roundItem.key(tenantId, roundId).SK },
      ConsistentRead: true,
    }),
  );
  return result.Items ?? [];
}

describe('closing rounds at their deadline', () => {
  it('closes a round whose deadline has passed, takes it off the open list and records who closed it', async () => {
    // Prepare
    await adapters.calls.create(round('past', '1999-02-15T11:00:00.000Z'));
    await adapters.calls.create(round('future', '1999-04-15T10:00:00.000Z'));

    // Act
    const result = await closeRoundsAtDeadline({ calls: adapters.calls, clock: fixedClock('1999-03-01T00:00:00.000Z'), newId: ulid });

    // Assess
    expect(result.outcomes).toContainEqual({ tenantId, roundId: 'past', outcome: 'closed' });
    expect(result.outcomes.map((o) => o.roundId)).not.toContain('future');
    expect((await adapters.calls.get(tenantId, 'past'))?.status).toBe('closed');
    expect((await adapters.calls.get(tenantId, 'future'))?.status).toBe('open');
    const open = (await adapters.calls.listOpen()).filter((call) => call.tenantId === tenantId).map((call) => call.roundId);
    expect(open).toEqual(['future']);
    const events = await auditEventsOf('past');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      entity: 'audit-event',
      machine: 'round',
      action: 'close',
      from: 'open',
      to: 'closed',
      actor: 'system:close-rounds',
      at: '1999-03-01T00:00:00.000Z',
      version: 2,
      roundId: 'past',
    });
  });

  it('closes a round once when two runs race, with one audit event', async () => {
    // Prepare
    await adapters.calls.create(round('race', '1997-02-15T11:00:00.000Z'));
    // Both runs list the round before either closes it, as two overlapping runs in production can:
    // without this barrier the second run might list after the first closed, and never race at all.
    let listings = 0;
    let bothListed!: () => void;
    const listedByBoth = new Promise<void>((resolve) => (bothListed = resolve));
    const calls = {
      ...adapters.calls,
      async listOpenWithDeadlineBefore(now: string) {
        const open = await adapters.calls.listOpenWithDeadlineBefore(now);
        if (++listings === 2) bothListed();
        await listedByBoth;
        return open;
      },
    };
    const deps = { calls, clock: fixedClock('1997-03-01T00:00:00.000Z'), newId: ulid };

    // Act
    const runs = await Promise.all([closeRoundsAtDeadline(deps), closeRoundsAtDeadline(deps)]);

    // Assess
    const outcomes = runs.flatMap((run) => run.outcomes).filter((o) => o.tenantId === tenantId && o.roundId === 'race');
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(['closed', 'skipped']);
    expect(outcomes.find((o) => o.outcome === 'skipped')?.reason).toBe('changed');
    expect((await adapters.calls.get(tenantId, 'race'))?.status).toBe('closed');
    expect(await auditEventsOf('race')).toHaveLength(1);
  });

  it('leaves a round open whose deadline was moved after the job listed it', async () => {
    // Prepare: the job has read version 1; an officer then moves the deadline (version 2)
    await adapters.calls.create(round('moved', '1996-02-15T11:00:00.000Z'));
    const [listed] = (await adapters.calls.listOpenWithDeadlineBefore('1996-03-01T00:00:00.000Z')).filter((c) => c.roundId === 'moved' && c.tenantId === tenantId);
    await adapters.db.send(
      new UpdateCommand({
        TableName: config.TABLE_NAME,
        Key: roundItem.key(tenantId, 'moved'),
        UpdateExpression: 'SET deadline = :deadline, GSI1SK = :sk, #version = :two',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':deadline': '1996-04-01T10:00:00.000Z', ':sk': `1996-04-01T10:00:00.000Z#${tenantId}#moved`, ':two': 2 },
      }),
    );

    // Act
    const result = await adapters.calls.close({
      tenantId,
      roundId: 'moved',
      expectedVersion: listed!.version,
      at: '1996-03-01T00:00:00.000Z',
      eventId: ulid(),
      actor: 'system:close-rounds',
    });

    // Assess
    expect(listed?.version).toBe(1);
    expect(result).toBe('stale');
    expect((await adapters.calls.get(tenantId, 'moved'))?.status).toBe('open');
    expect(await auditEventsOf('moved')).toHaveLength(0);
  });

  it('keeps a round open during the second of its deadline and closes it after', async () => {
    // Prepare
    await adapters.calls.create(round('second', '1995-06-01T10:00:00.000Z'));

    // Act
    const during = await closeRoundsAtDeadline({ calls: adapters.calls, clock: fixedClock('1995-06-01T10:00:00.900Z'), newId: ulid });
    const after = await closeRoundsAtDeadline({ calls: adapters.calls, clock: fixedClock('1995-06-01T10:00:01.000Z'), newId: ulid });

    // Assess
    expect(during.outcomes).toContainEqual({ tenantId, roundId: 'second', outcome: 'skipped', reason: 'deadline_not_passed' });
    expect(after.outcomes).toContainEqual({ tenantId, roundId: 'second', outcome: 'closed' });
  });
});
