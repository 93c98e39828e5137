// Who is online, counted per connection: a student with two tabs open who closes one stays online.
// Keys are "session:<id>" (entered the live session) and "class:<id>" (watching the class).
// Without Redis the counts live in this process. With REDIS_URL each node mirrors the users it has
// into its own Redis hash per key (refreshed by a heartbeat, expiring when the node dies), so every
// node answers "who is online" with one read per node instead of asking every node's sockets.
import { randomBytes } from "node:crypto";

export interface Presence {
  /** One more connection of this user under key. True when the user was offline on this node (came online). */
  add(key: string, userId: string): Promise<boolean>;
  /** One fewer. True when the user now has no connection under key on any node (went offline). */
  remove(key: string, userId: string): Promise<boolean>;
  online(key: string): Promise<Set<string>>;
  close(): Promise<void>;
}

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
  zAdd(key: string, member: { score: number; value: string }): Promise<unknown>;
  zRem(key: string, member: string): Promise<unknown>;
  zRangeByScore(key: string, min: number | string, max: number | string): Promise<string[]>;
}

const TTL_S = 30; // a node that stops heart-beating drops out of presence after this long
const HEARTBEAT_MS = 10_000;
const NODES = "neuronlab:presence:nodes";
const hashOf = (key: string, node: string) => `neuronlab:presence:${key}:${node}`;

/**
 * Presence shared through Redis. While `linked()` says the link is down (or a command fails), this
 * node answers from its own counts, so its students keep being served; the heartbeat rewrites its
 * hashes once Redis is back.
 */
export function redisPresence(redis: RedisLike, nodeId = randomBytes(6).toString("hex"), linked: () => boolean = () => true): Presence {
  const local = new LocalCounts();
  const liveNodes = () => redis.zRangeByScore(NODES, Date.now() - TTL_S * 1000, "+inf");
  const heartbeat = async () => {
    if (!linked()) return;
    await redis.zAdd(NODES, { score: Date.now(), value: nodeId });
    // Rewrite this node's hashes from its own counts: heals a Redis restart or a lost write.
    for (const [key, users] of local.counts) {
      const h = hashOf(key, nodeId);
      for (const u of users.keys()) await redis.hSet(h, u, "1");
      await redis.expire(h, TTL_S);
    }
  };
  const fail = (e: unknown) => console.error(`[neuronlab] presence: ${e instanceof Error ? e.message : String(e)}`);
  const timer = setInterval(() => void heartbeat().catch(fail), HEARTBEAT_MS);
  timer.unref();
  const ready = heartbeat().catch(fail);

  return {
    async add(key, userId) {
      await ready;
      if (!local.add(key, userId)) return false;
      if (!linked()) return true;
      const h = hashOf(key, nodeId);
      await redis.hSet(h, userId, "1").then(() => redis.expire(h, TTL_S)).catch(fail);
      return true;
    },
    async remove(key, userId) {
      if (!local.remove(key, userId)) return false;
      if (!linked()) return true;
      // Delete first, then look at the other nodes: of two last tabs closing on two nodes at once,
      // at least the later one sees nobody left and reports the user offline.
      try {
        await redis.hDel(hashOf(key, nodeId), userId);
        for (const node of await liveNodes()) {
          if (node !== nodeId && (await redis.hExists(hashOf(key, node), userId))) return false;
        }
      } catch (e) {
        fail(e);
      }
      return true;
    },
    async online(key) {
      const out = local.users(key);
      if (!linked()) return out;
      try {
        for (const node of await liveNodes()) {
          if (node === nodeId) continue;
          for (const u of await redis.hKeys(hashOf(key, node))) out.add(u);
        }
      } catch (e) {
        fail(e);
      }
      return out;
    },
    async close() {
      clearInterval(timer);
      await Promise.allSettled([...local.counts.keys()].map((k) => redis.del(hashOf(k, nodeId))));
      await redis.zRem(NODES, nodeId).catch(() => {});
    },
  };
}
