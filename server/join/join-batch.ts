// Joins that arrive together (a lecture hall typing the code at once) go to the database together:
// for each class in a batch, one statement checks every nickname and inserts every student who may
// join, instead of one statement per student (~2 ms of the server's own CPU each on the embedded
// database). It is the same statement as a lone join's (joinMany in server/join/classes.ts), given
// many students instead of one. Whatever the batch cannot settle by itself goes one by one through
// joinOne (server/join/classes.ts): a lone join, a capped class, a nickname met twice in the batch,
// and every join of a batch that met a unique index (a race with another server node).
import { isUniqueViolation } from "../errors";
import { batcher, CONNECT_GATHER_MS, groupBy } from "../database/batch";
import { joinMany, joinOne } from "./classes";
import { nicknameKey } from "@/lib/util/text";

type Joined = Awaited<ReturnType<typeof joinOne>>;
type Item = { code: string; nickname: string; at: string };

const joinBatch = batcher<Item, Joined>(async (items) => {
  const out: (Joined | Error)[] = new Array(items.length);
  const alone: { item: Item; index: number }[] = [];
  for (const [code, group] of groupBy(items, (i) => i.code)) {
    // A nickname (or a look-alike) twice in the batch: the first goes with the batch, the others after it.
    const seen = new Set<string>();
    const first = group.filter((g) => {
      const key = nicknameKey(g.item.nickname);
      if (seen.has(key)) return alone.push(g), false;
      return seen.add(key), true;
    });
    if (first.length === 1) {
      alone.push(first[0]);
      continue;
    }
    try {
      const results = await joinMany(code, first.map((g) => g.item));
      first.forEach((g, k) => {
        const r = results[k];
        if ("oneByOne" in r) alone.push(g); // a capped class: its cap is counted under a lock, one join at a time
        else out[g.index] = r;
      });
    } catch (e) {
      // A race on a unique index: settle each one by one. Anything else fails this class's joins only.
      if (isUniqueViolation(e)) alone.push(...first);
      else for (const g of first) out[g.index] = e instanceof Error ? e : new Error(String(e));
    }
  }
  alone.sort((a, b) => a.index - b.index);
  for (const { item, index } of alone) out[index] = await joinOne(item.code, item.nickname).catch((e: unknown) => (e instanceof Error ? e : new Error(String(e))));
  return out;
}, 500, CONNECT_GATHER_MS);

/** A student joins a class by code (see joinOne for the rules); joins arriving together share a statement. */
export function joinClass(code: string, nickname: string): Promise<Joined> {
  return joinBatch({ code, nickname, at: new Date().toISOString() });
}
