// Group concurrent requests into one database round: while a batch runs, new requests queue up and
// go together in the next one. Under load a burst of N requests costs a few batches, not N rounds;
// a lone request waits only for the current batch (no timer).
//
// With `gatherMs`, a request that comes within gatherMs of the previous batch (requests are
// streaming in: a lecture hall connecting) waits that long for company. On the embedded database
// every statement costs ~2 ms of the server's own CPU whatever its size, and 2,000 students joining
// arrive one every few milliseconds, too spread out to meet in one round by themselves. After a quiet
// spell a request still goes at once.
export type BatchRun<I, O> = (items: I[]) => Promise<(O | Error)[]>;

/** The gathering time of the batches a lecture hall goes through when it joins and connects (join, handshake, watch, enter). */
export const CONNECT_GATHER_MS = 25;

export function batcher<I, O>(run: BatchRun<I, O>, maxBatch = 500, gatherMs = 0): (item: I) => Promise<O> {
  let queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  let lastEnd = -Infinity;

  async function drain() {
    running = true;
    while (queue.length) {
      const batch = queue.slice(0, maxBatch);
      queue = queue.slice(maxBatch);
      try {
        const out = await run(batch.map((b) => b.item));
        batch.forEach((b, i) => (out[i] instanceof Error ? b.reject(out[i]) : b.resolve(out[i] as O)));
      } catch (e) {
        for (const b of batch) b.reject(e);
      }
    }
    running = false;
    lastEnd = performance.now();
  }

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Next tick, so that requests arriving in the same burst of socket reads share the batch;
      // later, if requests are streaming in (see gatherMs above).
      if (!running) {
        running = true;
        if (gatherMs > 0 && performance.now() - lastEnd < gatherMs) setTimeout(() => void drain(), gatherMs);
        else setImmediate(() => void drain());
      }
    });
}

/** Group items by a key, keeping each item's index in the batch. */
export function groupBy<I>(items: I[], key: (i: I) => string): Map<string, { item: I; index: number }[]> {
  const out = new Map<string, { item: I; index: number }[]>();
  items.forEach((item, index) => {
    const k = key(item);
    if (!out.has(k)) out.set(k, []);
    out.get(k)!.push({ item, index });
  });
  return out;
}
