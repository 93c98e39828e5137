// Several server nodes: socket.io rooms and broadcasts shared through Redis (the official adapter).
// Each node keeps its own sockets; an emit to a room reaches that room's sockets on every node.
//
// Redis going away must not stop a node: the stock adapter would wait on Redis for every
// fetchSockets (the board, every control) and queue every broadcast for later. While this node's
// Redis link is down, the adapter below works like a single node (its own sockets only, nothing
// queued for others), and goes back to sharing as soon as the link is ready again.
// Presence (who is online) is shared through Redis hashes per node (server/socket/presence.ts); while the
// link is down each node counts its own connections, and the heartbeat rewrites them when it is back.
// Why the pub/sub adapter and not the Streams one: connection state recovery is off (server/socket/hub.ts),
// every page re-syncs on connect, so a student whose node stops reconnects to another and re-enters.
import { createClient } from "redis";
import { RedisAdapter } from "@socket.io/redis-adapter";
import type { BroadcastOptions } from "socket.io-adapter";
import type { Namespace } from "socket.io";
import type { Hub } from "./socket-types";
import { redisPresence } from "./presence";
import { setRedisState } from "../http/health";

type Client = ReturnType<typeof createClient>;
type Opts = BroadcastOptions & { flags?: BroadcastOptions["flags"] };

const localOnly = <O extends Opts>(opts: O): O => ({ ...opts, flags: { ...opts.flags, local: true } });

function resilientAdapter(pub: Client, sub: Client) {
  const linked = () => pub.isReady && sub.isReady;
  // socket.io constructs the adapter itself (`new Adapter(nsp)`): a class bound to these clients.
  return class ResilientRedisAdapter extends RedisAdapter {
    constructor(nsp: Namespace) {
      super(nsp, pub, sub, { requestsTimeout: 3000 });
    }
    override broadcast(packet: unknown, opts: Opts) {
      return super.broadcast(packet, linked() ? opts : localOnly(opts));
    }
    override broadcastWithAck(packet: unknown, opts: Opts, count: (n: number) => void, ack: (...args: unknown[]) => void) {
      return super.broadcastWithAck(packet, linked() ? opts : localOnly(opts), count, ack);
    }
    override fetchSockets(opts: Opts) {
      return super.fetchSockets(linked() ? opts : localOnly(opts));
    }
    override addSockets(opts: Opts, rooms: string[]) {
      return super.addSockets(linked() ? opts : localOnly(opts), rooms);
    }
    override delSockets(opts: Opts, rooms: string[]) {
      return super.delSockets(linked() ? opts : localOnly(opts), rooms);
    }
    override disconnectSockets(opts: Opts, close: boolean) {
      return super.disconnectSockets(linked() ? opts : localOnly(opts), close);
    }
    override serverSideEmit(packet: unknown[]) {
      if (linked()) super.serverSideEmit(packet);
    }
    override serverCount(): Promise<number> {
      return linked() ? super.serverCount() : Promise.resolve(1);
    }
  };
}

export async function useRedis(io: Hub, url: string): Promise<() => Promise<void>> {
  const reconnectStrategy = (retries: number) => Math.min(200 + retries * 200, 2000);
  const pub = createClient({ url, socket: { reconnectStrategy } });
  const sub = pub.duplicate();
  // Presence commands on their own client, which fails fast (no offline queue) while Redis is away.
  const cmd = createClient({ url, socket: { reconnectStrategy }, disableOfflineQueue: true });
  cmd.on("error", () => {}); // reported through pub/sub's handlers below
  // A publish that was in flight when the link dropped must not become an unhandled rejection.
  const publish = pub.publish.bind(pub);
  pub.publish = (...a) => publish(...a).catch(() => 0);
  let down = false;
  let started = false;
  const update = () => {
    if (!started) return;
    const ok = pub.isReady && sub.isReady;
    if (ok && down) console.log("[neuronlab] redis: back; rooms are shared again");
    if (!ok && !down) console.error("[neuronlab] redis: lost; this node serves its own students until it is back");
    down = !ok;
    setRedisState(ok ? "up" : "down");
  };
  for (const c of [pub, sub]) {
    c.on("error", (e: Error) => {
      if (!down) console.error(`[neuronlab] redis: ${e.message}`);
      update();
    });
    c.on("ready", update);
    c.on("end", update);
    c.on("reconnecting", update);
  }
  await Promise.all([pub.connect(), sub.connect(), cmd.connect()]);
  io.adapter(resilientAdapter(pub, sub));
  const presence = redisPresence(cmd, undefined, () => cmd.isReady);
  io.usePresence?.(presence);
  started = true;
  update();
  console.log("[neuronlab] socket.io shares its rooms through Redis");
  // On shutdown: QUIT when the link is up; a link that is down is just dropped (QUIT would wait for
  // Redis to come back, and a SIGTERM during a Redis outage never finished).
  return async () => {
    await Promise.race([presence.close().catch(() => {}), new Promise((r) => setTimeout(r, 1000))]);
    const bye = Promise.allSettled([pub, sub, cmd].map((c) => (c.isReady ? c.quit() : c.disconnect())));
    await Promise.race([bye, new Promise((r) => setTimeout(r, 2000))]);
  };
}
