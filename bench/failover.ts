// bench:failover: losing a node mid-lecture, measured from outside. Two nodes on one PostgreSQL and
// Redis behind HAProxy configured as docs/deploy.md says (deploy/haproxy.cfg), N students (half on
// each node, pinned by the balancer's cookie), both the instructor's boards open (one per node);
// every student submits, then node A is killed (-9). Prints when A's students who come back are back,
// when each open board (also the one whose node died) shows the right students online again, whether
// the next push reached everyone, and the submissions stored; ends with one JSON line.
// Run: npm run bench:failover -- --students 200 [--leaving 20] [--database-url postgresql://...]
//      [--redis-url redis://...] [--port 43580]
import { parseArgs } from "node:util";
import { postgresBackend, startServer } from "../server/testing/server";
import { haproxyMissing, startBalancer } from "../server/testing/balancer";
import { loseANode } from "../server/testing/failover";

const { values: a } = parseArgs({
  options: {
    students: { type: "string", default: "200" },
    leaving: { type: "string" },
    "database-url": { type: "string", default: process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres" },
    "redis-url": { type: "string", default: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" },
    port: { type: "string", default: "0" },
  },
});
const students = Number(a.students);
const leaving = a.leaving ? Number(a.leaving) : Math.round(students / 10);
const log = (l: string) => console.log(`[bench:failover] ${l}`);

async function main() {
  const missing = haproxyMissing();
  if (missing) throw new Error(missing);
  const backend = await postgresBackend(a["database-url"]!);
  const extra = { REDIS_URL: a["redis-url"]! };
  log("starting two nodes (production build)");
  const nodeA = await startServer(backend, extra);
  const nodeB = await startServer(backend, extra);
  let lbPort = Number(a.port);
  if (!lbPort) lbPort = 40000 + Math.floor(Math.random() * 20000);
  const lb = await startBalancer(lbPort, [nodeA.port, nodeB.port]);
  try {
    const f = await loseANode({ lb, a: nodeA, b: nodeB, demo: nodeA.demo!, students, leaving, limitMs: 60_000, log });
    const ms = (x: number | null) => (x === null ? "not within 60 s" : `${(x / 1000).toFixed(2)} s`);
    console.log(`\nLosing a node at ${students} students (${f.returning} of node A's come back, ${f.leaving} do not), behind HAProxy:`);
    console.log(`  disconnected by the kill     ${f.disconnectedByKill} (node A's share: ${students / 2})`);
    console.log(`  A's students back on B        ${ms(f.backMs)} after the kill`);
    console.log(`  survivor's board right        ${ms(f.boardSurvivorMs)}`);
    console.log(`  dead node's board right       ${ms(f.boardOfDeadNodeMs)} (reconnected to B)`);
    console.log(`  next push reached             ${f.pushReached} / ${f.pushExpected}`);
    console.log(`  submissions acked / stored    ${f.submissionsAcked} / ${f.submissionsStored}`);
    console.log(JSON.stringify({ bench: "failover", ...f }));
  } finally {
    await lb.stop();
    await nodeA.stop();
    await nodeB.stop();
    await backend.dispose();
  }
}

main().catch((e: unknown) => {
  console.error(`[bench:failover] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
