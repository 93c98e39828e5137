// Group concurrent requests into one database round: while a batch runs, new requests queue up and
// go together in the next one. Under load a burst of N requests costs a few batches, not N rounds;
// a lone request waits only for the current batch (no timer).
export type BatchRun<I, O> = (items: I[]) => Promise<(O | Error)[]>;

export function batcher<I, O>(run: BatchRun<I, O>, maxBatch = 500): (item: I) => Promise<O> {
  let queue: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  let running = false;

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
  }

  return (item: I) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      // Next tick, so that requests arriving in the same burst of socket reads share the batch.
      if (!running) {
        running = true;
        setImmediate(() => void drain());
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
