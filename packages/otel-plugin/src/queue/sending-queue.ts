/**
 * The in-memory `sending_queue`: bounded by `queue_size` (counted in requests or items), drained
 * by `num_consumers` concurrent consumers. A full queue either refuses at once or, with
 * `block_on_overflow`, makes the offer wait for room. It holds model requests, never bytes.
 */

/** Result of an offer: accepted, or refused because the queue is full or closed. */
export type OfferResult = 'accepted' | 'full' | 'closed';

/** Settings of {@link createSendingQueue}. */
export interface SendingQueueOptions<T> {
  /** Capacity in sizer units. */
  queueSize: number;
  /** Size of one item in sizer units (1 for the `requests` sizer, the record count for `items`). */
  sizeOf: (item: T) => number;
  numConsumers: number;
  blockOnOverflow: boolean;
  /** Processes one item; must not reject. */
  consume: (item: T) => Promise<void>;
}

/** A bounded FIFO queue with a fixed consumer pool. */
export interface SendingQueue<T> {
  /** Enqueues `item`; with `blockOnOverflow` the promise waits for room (or for close). */
  offer(item: T): Promise<OfferResult>;
  /** Units currently queued (not yet taken by a consumer). */
  size(): number;
  readonly capacity: number;
  /** Items being processed by consumers. */
  inFlight(): number;
  /** Resolves true once the queue is empty and no consumer is busy, false when `timeoutMs` passes first. */
  drain(timeoutMs: number): Promise<boolean>;
  /** Stops accepting; waiting offers resolve 'closed'. Returns the items still queued (not started). */
  close(): T[];
}

/** Creates an empty queue. */
export function createSendingQueue<T>(options: SendingQueueOptions<T>): SendingQueue<T> {
  const items: T[] = [];
  let used = 0;
  let active = 0;
  let closed = false;
  const waitingOffers: { item: T; resolve: (r: OfferResult) => void }[] = [];
  const idleWaiters = new Set<() => void>();

  const fits = (size: number) => used + size <= options.queueSize;
  const admitWaiting = () => {
    while (waitingOffers.length > 0) {
      const next = waitingOffers[0] as { item: T; resolve: (r: OfferResult) => void };
      const size = options.sizeOf(next.item);
      if (!fits(size)) break;
      waitingOffers.shift();
      items.push(next.item);
      used += size;
      next.resolve('accepted');
    }
  };
  const notifyIdle = () => {
    if (items.length === 0 && active === 0 && waitingOffers.length === 0) {
      for (const resolve of idleWaiters) resolve();
      idleWaiters.clear();
    }
  };
  const pump = () => {
    while (active < options.numConsumers && items.length > 0) {
      const item = items.shift() as T;
      used -= options.sizeOf(item);
      active++;
      admitWaiting();
      void options
        .consume(item)
        .catch(() => undefined)
        .finally(() => {
          active--;
          pump();
          notifyIdle();
        });
    }
  };

  return {
    capacity: options.queueSize,
    size: () => used,
    inFlight: () => active,
    offer(item) {
      if (closed) return Promise.resolve('closed');
      const size = options.sizeOf(item);
      if (size > options.queueSize) return Promise.resolve('full'); // could never fit
      if (waitingOffers.length === 0 && fits(size)) {
        items.push(item);
        used += size;
        pump();
        return Promise.resolve('accepted');
      }
      if (!options.blockOnOverflow) return Promise.resolve('full');
      return new Promise<OfferResult>((resolve) => {
        waitingOffers.push({
          item,
          resolve: (r) => {
            resolve(r);
            if (r === 'accepted') queueMicrotask(pump);
          },
        });
      });
    },
    drain(timeoutMs) {
      if (items.length === 0 && active === 0 && waitingOffers.length === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          resolve(true);
        };
        const timer = setTimeout(() => {
          idleWaiters.delete(done);
          resolve(false);
        }, timeoutMs);
        // The deadline itself must not keep the process alive: queued or in-flight work does (its
        // upload sockets and ref'd backoff timers), and an idle queue has nothing to wait for.
        timer.unref?.();
        idleWaiters.add(done);
      });
    },
    close() {
      closed = true;
      for (const w of waitingOffers.splice(0)) w.resolve('closed');
      const rest = items.splice(0);
      used = 0;
      notifyIdle();
      return rest;
    },
  };
}
