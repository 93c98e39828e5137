// Several server nodes: socket.io rooms and broadcasts shared through Redis (the official adapter).
// Each node keeps its own sockets; an emit to a room reaches that room's sockets on every node.
// Presence (who is online) is shared through Redis hashes per node (server/presence.ts).
// Why the pub/sub adapter and not the Streams one: connection state recovery is off (server/hub.ts),
// every page re-syncs on connect, so a student whose node stops reconnects to another and re-enters.
import { createClient } from "redis";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Hub } from "./hub";
import { redisPresence, type RedisLike } from "./presence";

export async function useRedis(io: Hub, url: string): Promise<() => Promise<void>> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  const cmd = pub.duplicate();
  for (const c of [pub, sub, cmd]) c.on("error", (e: Error) => console.error(`[neuronlab] redis: ${e.message}`));
  await Promise.all([pub.connect(), sub.connect(), cmd.connect()]);
  io.adapter(createAdapter(pub, sub, { requestsTimeout: 3000 }));
  const presence = redisPresence(cmd as unknown as RedisLike);
  io.usePresence?.(presence);
  console.log("[neuronlab] socket.io shares its rooms through Redis");
  return async () => {
    await presence.close().catch(() => {});
    await Promise.allSettled([pub.quit(), sub.quit(), cmd.quit()]);
  };
}
