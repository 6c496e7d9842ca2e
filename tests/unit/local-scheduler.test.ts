import { describe, expect, it } from 'vitest';
import { startScheduler } from '../../infra/local/scheduler';

/** A promise the test resolves when it chooses. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the local scheduler', () => {
  it('never starts a run of a job while the previous run is still going', async () => {
    // Prepare
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const slow = gate();
    const scheduler = startScheduler([
      {
        name: 'slow',
        everyMs: 1,
        handler: async () => {
          runs++;
          running++;
          mostAtOnce = Math.max(mostAtOnce, running);
          if (runs === 1) await slow.opened;
          running--;
          return {};
        },
      },
    ]);

    // Act: many intervals pass while the first run waits, then it finishes
    await tick();
    const runsWhileWaiting = runs;
    slow.open();
    await tick();
    await scheduler.stop();

    // Assess
    expect(runsWhileWaiting).toBe(1);
    expect(runs).toBeGreaterThan(1);
    expect(mostAtOnce).toBe(1);
  });

  it('waits for a run in progress when stopped, and starts no more runs', async () => {
    // Prepare
    const release = gate();
    let finished = false;
    let runs = 0;
    const scheduler = startScheduler([
      {
        name: 'job',
        everyMs: 1,
        handler: async () => {
          runs++;
          await release.opened;
          finished = true;
          return {};
        },
      },
    ]);
    await tick();

    // Act
    const stopped = scheduler.stop().then(() => finished);
    release.open();
    const finishedBeforeStopResolved = await stopped;
    const runsAtStop = runs;
    await tick();

    // Assess
    expect(finishedBeforeStopResolved).toBe(true);
    expect(runs).toBe(runsAtStop);
  });

  it('keeps the schedule after a failed run', async () => {
    // Prepare
    let runs = 0;
    const scheduler = startScheduler([
      {
        name: 'failing',
        everyMs: 1,
        handler: async () => {
          runs++;
          throw new Error('down');
        },
      },
    ]);

    // Act
    await tick();
    await scheduler.stop();

    // Assess
    expect(runs).toBeGreaterThan(1);
  });
});
