// bench:live --nodes 2: a tiny TCP load balancer in front of several server nodes. Each incoming
// connection goes, whole, to the next node in turn (sticky by connection): an HTTP keep-alive
// connection or a WebSocket stays on one node. socket.io's HTTP long-polling would need stickiness
// across connections, so bench:live's clients use the WebSocket transport only behind it (see
// docs/deploy.md). Run: tsx bench/proxy.ts <port> <node port> <node port> ...
import net from "node:net";

const [port, ...targets] = process.argv.slice(2).map(Number);
let next = 0;
const perNode = new Map<number, number>(targets.map((t) => [t, 0]));

const server = net.createServer((client) => {
  const target = targets[next++ % targets.length];
  perNode.set(target, perNode.get(target)! + 1);
  const upstream = net.connect(target, "127.0.0.1");
  client.setNoDelay(true);
  upstream.setNoDelay(true);
  client.pipe(upstream);
  upstream.pipe(client);
  const close = () => {
    client.destroy();
    upstream.destroy();
  };
  client.on("error", close);
  upstream.on("error", close);
  client.on("close", close);
  upstream.on("close", close);
});
server.listen(port, "127.0.0.1", () => console.log(`[proxy] ready on ${port} -> ${targets.join(", ")}`));
process.on("SIGTERM", () => {
  console.log(`[proxy] connections per node: ${[...perNode].map(([t, n]) => `${t}: ${n}`).join(", ")}`);
  process.exit(0);
});
process.on("disconnect", () => process.exit(0));
