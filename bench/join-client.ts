// How a simulated student joins a class over HTTP, for bench:live and bench/join-profile.ts.
// "fast": what the join form does now, one POST /api/join (server/join/join-route.ts) that answers with
// the session cookie. "nextauth": the way it used to, through next-auth's credentials provider
// (providers, csrf, callback, session: four requests), kept to compare the two.
import { Client } from "../server/testing/http-client";

export type JoinPath = "fast" | "nextauth";

export async function joinAsStudent(url: string, path: JoinPath, code: string, nickname: string): Promise<{ cookie: string; userId: string; error?: string }> {
  const c = new Client(url);
  if (path === "fast") {
    const res = await c.json<{ user?: { id: string }; error?: { code: string } }>("/api/join", { code, nickname });
    if (res.status !== 200 || !res.body.user) return { cookie: "", userId: "", error: res.body.error?.code ?? `status ${res.status}` };
    return { cookie: c.cookieHeader(), userId: res.body.user.id };
  }
  await c.fetch("/api/auth/providers");
  const error = await c.signIn("student", { code, nickname });
  if (error) return { cookie: "", userId: "", error };
  const me = await c.json<{ user?: { id: string } }>("/api/auth/session");
  if (!me.body.user?.id) return { cookie: "", userId: "", error: "no session after sign-in" };
  return { cookie: c.cookieHeader(), userId: me.body.user.id };
}
