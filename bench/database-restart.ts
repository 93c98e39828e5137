// bench:db-restart: PostgreSQL restarted in the middle of a lecture (issue 23, point 5), measured
// from outside (server/testing/database-restart.ts): a PostgreSQL of the run's own (the shared one
// is never stopped), Redis, two nodes behind HAProxy configured as docs/deploy.md says, N students
// half on each node; every student submits, PostgreSQL stops, every student submits again and is
// told it is not stored yet, PostgreSQL starts after --down-s, the students resend as the page
// does. Prints whether anybody was disconnected, when the nodes' health came back, when every kept
// submission was acknowledged, the next push, and what is stored; ends with one JSON line.
// Run: npm run bench:db-restart -- --students 2000 [--down-s 5] [--redis-url redis://...]
// Needs the PostgreSQL server binaries (Debian: postgresql), a Redis and haproxy.
import { parseArgs } from "node:util";
import { haproxyMissing } from "../server/testing/balancer";
import { missing } from "../server/testing/throwaway";
import { databaseRestartOnTwoNodes } from "../server/testing/database-restart";

const { values: a } = parseArgs({
  options: {
    students: { type: "string", default: "200" },
    "down-s": { type: "string", default: "5" },
    "redis-url": { type: "string", default: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379" },
  },
});
const students = Number(a.students);
const log = (l: string) => console.log(`[bench:db-restart] ${l}`);
const s = (x: number | null) => (x === null ? "not within the limit" : `${(x / 1000).toFixed(2)} s`);

async function main() {
  const why = haproxyMissing() ?? missing();
  if (why) throw new Error(why);
  const f = await databaseRestartOnTwoNodes({ students, downMs: Number(a["down-s"]) * 1000, redisUrl: a["redis-url"]!, log });
  console.log(`\nPostgreSQL restarted under ${students} students on two nodes behind HAProxy (down ${f.downMs / 1000} s):`);
  console.log(`  acknowledged before              ${f.ackedBefore} / ${students}`);
  console.log(`  health 503 on both nodes         ${s(f.healthDownMs)} after the stop`);
  console.log(`  told "not stored yet" while down ${f.toldUnavailable} / ${students} (other answers: ${JSON.stringify(f.otherAnswers)})`);
  console.log(`  health 200 on both nodes         ${s(f.healthUpMs)} after the start`);
  console.log(`  every kept submission acked      ${s(f.allResentAckedMs)} after the start (${f.resentAcked} / ${students})`);
  console.log(`  disconnected at any time         ${f.disconnects}`);
  console.log(`  next push reached                ${f.pushReached} / ${f.pushExpected}`);
  console.log(`  stored                           ${f.stored} (expected ${f.ackedBefore + f.resentAcked}, each once)`);
  console.log(JSON.stringify({ bench: "db-restart", at: new Date().toISOString(), ...f }));
}

main().catch((e: unknown) => {
  console.error(`[bench:db-restart] ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
