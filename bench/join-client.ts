// How a simulated student joins a class over HTTP, for bench:live and bench/join-profile.ts: what the
// join form does, one POST /api/join (server/join/join-route.ts) that answers with the session cookie.
// (next-auth's student provider, the old way of four requests, is gone: docs/performance.md has its figures.)
import { Client } from "../server/testing/http-client";

export async function joinAsStudent(url: string, code: string, nickname: string): Promise<{ cookie: string; userId: string; error?: string }> {
  const c = new Client(url);
  const res = await c.joinRaw({ code, nickname });
  if (res.status !== 200 || !res.user) return { cookie: "", userId: "", error: res.error ?? `status ${res.status}` };
  return { cookie: c.cookieHeader(), userId: res.user.id };
}
