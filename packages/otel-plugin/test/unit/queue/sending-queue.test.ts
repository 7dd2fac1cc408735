import { describe, expect, it } from 'vitest';
import { createSendingQueue } from '../../../src/queue/sending-queue.js';

/** A consumer whose items finish only when the test releases them. */
function gatedConsumer() {
  const started: number[] = [];
  const gates = new Map<number, () => void>();
  const consume = (item: number) =>
    new Promise<void>((resolve) => {
      started.push(item);
      gates.set(item, resolve);
    });
  const release = (item: number) => gates.get(item)?.();
  return { started, consume, release };
}
const tick = () => new Promise((r) => setImmediate(r));

describe('createSendingQueue', () => {
  it('runs at most numConsumers items at once, in FIFO order', async () => {
    const c = gatedConsumer();
    const q = createSendingQueue<number>({
      queueSize: 10,
      sizeOf: () => 1,
      numConsumers: 2,
      blockOnOverflow: false,
      consume: c.consume,
    });
    for (const i of [1, 2, 3, 4]) expect(await q.offer(i)).toBe('accepted');
    expect(c.started).toEqual([1, 2]);
    expect([q.size(), q.inFlight()]).toEqual([2, 2]);
    c.release(1);
    await tick();
    expect(c.started).toEqual([1, 2, 3]);
  });

  it('refuses at once when full and not blocking; sizes by items when asked', async () => {
    const c = gatedConsumer();
    const q = createSendingQueue<number>({
      queueSize: 5,
      sizeOf: (n) => n,
      numConsumers: 1,
      blockOnOverflow: false,
      consume: c.consume,
    });
    expect(await q.offer(1)).toBe('accepted'); // taken by the consumer at once
    expect(await q.offer(3)).toBe('accepted');
    expect(await q.offer(2)).toBe('accepted');
    expect(await q.offer(1)).toBe('full'); // 3 + 2 queued = 5
    expect(await q.offer(6)).toBe('full'); // can never fit
    expect(q.size()).toBe(5);
  });

  it('with block_on_overflow, an offer waits for room', async () => {
    const c = gatedConsumer();
    const q = createSendingQueue<number>({
      queueSize: 1,
      sizeOf: () => 1,
      numConsumers: 1,
      blockOnOverflow: true,
      consume: c.consume,
    });
    await q.offer(1);
    await q.offer(2);
    let third: string | undefined;
    void q.offer(3).then((r) => {
      third = r;
    });
    await tick();
    expect(third).toBeUndefined();
    c.release(1);
    await tick();
    expect(third).toBe('accepted');
    expect(c.started).toEqual([1, 2]);
  });

  it('drain resolves when idle, or false at the deadline; close returns what never started', async () => {
    const c = gatedConsumer();
    const q = createSendingQueue<number>({
      queueSize: 5,
      sizeOf: () => 1,
      numConsumers: 1,
      blockOnOverflow: false,
      consume: c.consume,
    });
    await q.offer(1);
    await q.offer(2);
    expect(await q.drain(20)).toBe(false);
    const draining = q.drain(5000);
    c.release(1);
    await tick();
    c.release(2);
    expect(await draining).toBe(true);
    await q.offer(3);
    await q.offer(4);
    expect(q.close()).toEqual([4]);
    expect(await q.offer(5)).toBe('closed');
  });
});
