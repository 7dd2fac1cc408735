import { describe, expect, it } from 'vitest';
import { createSemaphore } from '../../../src/transport/semaphore.js';

describe('semaphore', () => {
  it('admits at most `limit` holders, FIFO', async () => {
    const sem = createSemaphore(2);
    const order: number[] = [];
    const r1 = await sem.acquire();
    const r2 = await sem.acquire();
    const p3 = sem.acquire().then((r) => {
      order.push(3);
      return r;
    });
    const p4 = sem.acquire().then((r) => {
      order.push(4);
      return r;
    });
    expect([sem.active, sem.waiting]).toEqual([2, 2]);
    r1();
    r1(); // double release is harmless
    const r3 = await p3;
    expect(order).toEqual([3]);
    expect([sem.active, sem.waiting]).toEqual([2, 1]);
    r2();
    const r4 = await p4;
    r3();
    r4();
    expect([sem.active, sem.waiting]).toEqual([0, 0]);
  });

  it('drops an aborted waiter from the queue', async () => {
    const sem = createSemaphore(1);
    const r1 = await sem.acquire();
    const c = new AbortController();
    const p = sem.acquire(c.signal);
    c.abort(new Error('gave up'));
    await expect(p).rejects.toThrow('gave up');
    expect(sem.waiting).toBe(0);
    r1();
    expect(sem.active).toBe(0);
    await expect(sem.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });
});
