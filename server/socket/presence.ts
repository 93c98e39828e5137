// Who is online, counted per connection: a student with two tabs open who closes one stays online.
// Keys are "session:<id>" (entered the live session) and "class:<id>" (watching the class).
// Without Redis the counts live in this process. With REDIS_URL each node mirrors the users it has
// into its own Redis hash per key, so every node answers "who is online" with one read per node
// instead of asking every node's sockets. Each node beats every second (a key that Redis expires,
// so no clock is compared between machines); when a node stops beating (killed, machine gone), the
// first survivor to notice claims it, drops its hashes and reports its users offline (`onChange`),
// so the boards already open stop showing them online within a few seconds.
import { randomBytes } from "node:crypto";

export interface Presence {
  /** One more connection of this user under key. True when the user was offline on this node (came online). */
  add(key: string, userId: string): Promise<boolean>;
  /** One fewer. True when the user now has no connection under key on any node (went offline). */
  remove(key: string, userId: string): Promise<boolean>;
  online(key: string): Promise<Set<string>>;
  /** Called when users change state without a connection of this node closing (a dead peer's users). */
  onChange?(listener: PresenceListener): void;
  close(): Promise<void>;
}

export type PresenceListener = (key: string, userIds: string[], online: boolean) => void;

/** Connection counts of this process: key -> userId -> open connections. */
export class LocalCounts {
  readonly counts = new Map<string, Map<string, number>>();
  add(key: string, userId: string): boolean {
    let m = this.counts.get(key);
    if (!m) this.counts.set(key, (m = new Map()));
    const n = (m.get(userId) ?? 0) + 1;
    m.set(userId, n);
    return n === 1;
  }
  remove(key: string, userId: string): boolean {
    const m = this.counts.get(key);
    const n = (m?.get(userId) ?? 0) - 1;
    if (!m || n > 0) {
      m?.set(userId, n);
      return false;
    }
    m.delete(userId);
    if (m.size === 0) this.counts.delete(key);
    return true;
  }
  users(key: string): Set<string> {
    return new Set(this.counts.get(key)?.keys() ?? []);
  }
}

export function memoryPresence(): Presence {
  const local = new LocalCounts();
  return {
    add: async (k, u) => local.add(k, u),
    remove: async (k, u) => local.remove(k, u),
    online: async (k) => local.users(k),
    close: async () => {},
  };
}

/** The subset of a node-redis client used here. */
export interface RedisLike {
  hSet(key: string, field: string, value: string): Promise<unknown>;
  hDel(key: string, field: string): Promise<unknown>;
  hExists(key: string, field: string): Promise<boolean>;
  hKeys(key: string): Promise<string[]>;
  expire(key: string, seconds: number): Promise<unknown>;
  del(key: string): Promise<unknown>;
  set(key: string, value: string, opts: { PX: number }): Promise<unknown>;
  mGet(keys: string[]): Promise<(string | null)[]>;
  sAdd(key: string, member: string): Promise<number>;
  sRem(key: string, member: string): Promise<number>;
  sMembers(key: string): Promise<string[]>;
}

const TTL_S = 30; // a hash not rewritten for this long expires (a safety net behind the sweep)
export const BEAT_MS = 1000; // each node says it is alive this often
export const DEAD_MS = 5000; // a node silent this long is dead: its users go offline
const REFRESH_BEATS = 10; // this node's hashes are rewritten every 10th beat
const NODES = "neuronlab:presence:members"; // every node that has beaten and not been swept
const aliveOf = (node: string) => `neuronlab:presence:alive:${node}`;
const keysOf = (node: string) => `neuronlab:presence:keys:${node}`; // the keys a node has hashes under
const hashOf = (key: string, node: string) => `neuronlab:presence:${key}:${node}`;

/**
 * Presence shared through Redis. While `linked()` says the link is down (or a command fails), this
 * node answers from its own counts, so its students keep being served; the heartbeat rewrites its
 * hashes once Redis is back.
 */
export function redisPresence(redis: RedisLike, nodeId = randomBytes(6).toString("hex"), linked: () => boolean = () => true): Presence {
  const local = new LocalCounts();
  const listeners: PresenceListener[] = [];
  const tell = (key: string, users: string[], online: boolean) => users.length > 0 && listeners.forEach((l) => l(key, users, online));
  /** The members that beat in the last DEAD_MS, and those that did not (dead). */
  const census = async () => {
    const nodes = (await redis.sMembers(NODES)).filter((n) => n !== nodeId);
    const alive = nodes.length ? await redis.mGet(nodes.map(aliveOf)) : [];
    return { live: nodes.filter((_, i) => alive[i] !== null), dead: nodes.filter((_, i) => alive[i] === null) };
  };
  const writeHashes = async () => {
    for (const [key, users] of local.counts) {
      const h = hashOf(key, nodeId);
      await redis.sAdd(keysOf(nodeId), key);
      for (const u of users.keys()) await redis.hSet(h, u, "1");
      await redis.expire(h, TTL_S);
    }
    await redis.expire(keysOf(nodeId), TTL_S);
  };
  const onlineElsewhere = async (key: string, live: string[]) => {
    const out = local.users(key);
    for (const node of live) for (const u of await redis.hKeys(hashOf(key, node))) out.add(u);
    return out;
  };
  /** A dead node: the first survivor to remove it from the members reports its users offline. */
  const sweep = async (node: string) => {
    if ((await redis.sRem(NODES, node)) !== 1) return; // another survivor claimed it
    const { live } = await census();
    for (const key of await redis.sMembers(keysOf(node))) {
      const users = await redis.hKeys(hashOf(key, node));
      await redis.del(hashOf(key, node));
      const still = await onlineElsewhere(key, live);
      tell(key, users.filter((u) => !still.has(u)), false);
    }
    await redis.del(keysOf(node));
    console.log(`[neuronlab] presence: node ${node} stopped; its users are offline unless connected elsewhere`);
  };
  let beats = 0;
  const heartbeat = async () => {
    if (!linked()) return;
    await redis.set(aliveOf(nodeId), "1", { PX: DEAD_MS });
    const added = (await redis.sAdd(NODES, nodeId)) === 1;
    // Rewrite this node's hashes from its own counts: heals a Redis restart or a lost write, and a
    // node that was too busy to beat and was swept by another (its users are announced again).
    if (added || beats++ % REFRESH_BEATS === 0) await writeHashes();
    if (added && beats > 1) for (const [key, users] of local.counts) tell(key, [...users.keys()], true);
    for (const node of (await census()).dead) await sweep(node);
  };
  const fail = (e: unknown) => console.error(`[neuronlab] presence: ${e instanceof Error ? e.message : String(e)}`);
  let beating: Promise<void> | null = null;
  const timer = setInterval(() => {
    if (!beating) beating = heartbeat().catch(fail).finally(() => (beating = null));
  }, BEAT_MS);
  timer.unref();
  const ready = heartbeat().catch(fail);

  return {
    async add(key, userId) {
      await ready;
      if (!local.add(key, userId)) return false;
      if (!linked()) return true;
      const h = hashOf(key, nodeId);
      await redis
        .hSet(h, userId, "1")
        .then(() => redis.expire(h, TTL_S))
        .then(() => redis.sAdd(keysOf(nodeId), key))
        .catch(fail);
      return true;
    },
    async remove(key, userId) {
      if (!local.remove(key, userId)) return false;
      if (!linked()) return true;
      // Delete first, then look at the other nodes: of two last tabs closing on two nodes at once,
      // at least the later one sees nobody left and reports the user offline.
      try {
        await redis.hDel(hashOf(key, nodeId), userId);
        for (const node of (await census()).live) {
          if (await redis.hExists(hashOf(key, node), userId)) return false;
        }
      } catch (e) {
        fail(e);
      }
      return true;
    },
    async online(key) {
      if (!linked()) return local.users(key);
      try {
        return await onlineElsewhere(key, (await census()).live);
      } catch (e) {
        fail(e);
        return local.users(key);
      }
    },
    onChange(listener) {
      listeners.push(listener);
    },
    async close() {
      clearInterval(timer);
      await Promise.allSettled([...local.counts.keys()].map((k) => redis.del(hashOf(k, nodeId))));
      await Promise.allSettled([redis.del(keysOf(nodeId)), redis.del(aliveOf(nodeId)), redis.sRem(NODES, nodeId)]);
    },
  };
}
