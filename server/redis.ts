// Several server nodes: socket.io rooms and broadcasts shared through Redis (the official adapter).
// Each node keeps its own sockets; an emit to a room reaches that room's sockets on every node.
import { createClient } from "redis";
import { createAdapter } from "@socket.io/redis-adapter";
import type { Server } from "socket.io";

export async function useRedis(io: Server, url: string): Promise<() => Promise<void>> {
  const pub = createClient({ url });
  const sub = pub.duplicate();
  for (const c of [pub, sub]) c.on("error", (e: Error) => console.error(`[neuronlab] redis: ${e.message}`));
  await Promise.all([pub.connect(), sub.connect()]);
  io.adapter(createAdapter(pub, sub, { requestsTimeout: 3000 }));
  console.log("[neuronlab] socket.io shares its rooms through Redis");
  return async () => {
    await Promise.allSettled([pub.quit(), sub.quit()]);
  };
}
