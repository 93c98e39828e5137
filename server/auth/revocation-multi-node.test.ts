// Revocation across nodes: two servers on one PostgreSQL sharing socket.io rooms through Redis. A
// sign-out, a removed co-instructor and a removed student, done through node A, act at once on the
// sockets held by node B. Through HAProxy as docs/deploy.md configures it, each client pinned to its
// node by the balancer's stickiness cookie.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connect, nextEvent } from "../testing/sockets";
import { postgresBackend, startServer, type Backend, type RunningServer } from "../testing/server";
import { cloneClient, disconnected, recorder, signOut, sleep, World } from "../testing/world";
import { Client } from "../testing/http-client";
import { haproxyMissing, startBalancer, type Balancer } from "../testing/balancer";
import { port } from "../testing/throwaway";

const pgUrl = process.env.TEST_DATABASE_URL;
const redisUrl = process.env.TEST_REDIS_URL;
const why = !pgUrl ? "set TEST_DATABASE_URL" : !redisUrl ? "set TEST_REDIS_URL" : haproxyMissing();
if (why) console.warn(`[skip] multi-node revocation test: ${why}`);

describe.skipIf(why !== null)("revocation across two nodes", () => {
  let backend: Backend;
  let a: RunningServer;
  let b: RunningServer;
  let wa: World;
  let wb: World;
  let lb: Balancer;

  beforeAll(async () => {
    backend = await postgresBackend(pgUrl!);
    a = await startServer(backend, { REDIS_URL: redisUrl! });
    b = await startServer(backend, { REDIS_URL: redisUrl! });
    lb = await startBalancer(await port(82), [a.port, b.port]);
    wa = new World(lb.url, lb.pin(0));
    wb = new World(lb.url, lb.pin(1));
  }, 240_000);
  afterAll(async () => {
    wa?.close();
    wb?.close();
    await lb?.stop();
    await a?.stop();
    await b?.stop();
    await backend?.dispose();
  });

  /** The same cookies, used against node B. */
  const onB = (c: Client) => {
    const copy = cloneClient(c);
    copy.base = lb.url;
    copy.cookies.set(...lb.pin(1));
    return copy;
  };

  it("sign-out on node A disconnects the socket on node B and the cookie is refused there", async () => {
    const t = await wa.instructor();
    const socketB = await wb.open(onB(t.c));
    const old = onB(t.c);
    const gone = disconnected(socketB);
    await signOut(t.c);
    await gone;
    expect((await old.json("/api/classes")).status).toBe(401);
    await expect(connect(lb.url, old)).rejects.toThrow("unauthorized");
  }, 120_000);

  it("a co-instructor removed on node A stops receiving on node B; a removed student on node B is disconnected", async () => {
    const owner = await wa.instructor();
    const co = await wa.instructor("Co");
    const cls = await wa.cls(owner.c);
    expect((await owner.c.json(`/api/classes/${cls.id}/instructors`, { email: co.email })).status).toBe(201);
    const { lesson, byType } = await wa.lesson(owner.c);
    const sessionId = await wa.startSession(owner.c, cls.id, lesson.id);
    const stay = await wa.student(cls.joinCode, "Stay");
    const go = await wa.student(cls.joinCode, "Go");

    const ownerA = await wa.open(owner.c);
    const coB = await wb.open(onB(co.c));
    for (const s of [ownerA, coB]) expect(await s.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
    expect(await ownerA.emitWithAck("control:push", { sessionId, exerciseId: byType("ACTIVATION") })).toEqual({ ok: true });
    const stayB = await wb.open(onB(stay.c));
    const goB = await wb.open(onB(go.c));
    for (const s of [stayB, goB]) expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });

    expect((await owner.c.fetch(`/api/classes/${cls.id}/instructors/${co.id}`, { method: "DELETE" })).status).toBe(200);
    await sleep(200);
    const coLog = recorder(coB);
    const progress = (activation: string) => ({ type: "ACTIVATION" as const, sessionId, exerciseId: byType("ACTIVATION"), activation: activation as "relu", threshold: 0, alpha: 0.1 });
    const ownerSaw = nextEvent(ownerA, "board:progress", (p) => p.items.some((i) => i.progress.type === "ACTIVATION" && i.progress.activation === "tanh"));
    stayB.emit("session:progress", progress("tanh"));
    await ownerSaw;

    const kicked = nextEvent(goB, "session:kicked");
    const gone = disconnected(goB);
    expect((await owner.c.fetch(`/api/classes/${cls.id}/students/${go.id}`, { method: "DELETE" })).status).toBe(200);
    await kicked;
    await gone;
    await sleep(400);
    expect(coLog.events).toEqual([]);
    expect(stayB.connected).toBe(true);
  }, 120_000);
});
