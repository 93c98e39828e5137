// Test support: a tiny HTTP client with a cookie jar: instructors sign in through next-auth's real
// endpoints, students join through POST /api/join, as the join form does.
export class Client {
  cookies = new Map<string, string>();
  /** Extra headers on every request (e.g. X-Forwarded-For behind TRUST_PROXY=1, or an Origin). */
  headers: Record<string, string> = {};
  constructor(public base: string) {}

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(this.headers)) if (!headers.has(k)) headers.set(k, v);
    if (this.cookies.size) headers.set("cookie", this.cookieHeader());
    const res = await fetch(this.base + path, { ...init, headers, redirect: "manual" });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return res;
  }

  async json<T = unknown>(path: string, body?: unknown, method = body === undefined ? "GET" : "POST"): Promise<{ status: number; body: T }> {
    const res = await this.fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  /** Sign in with a next-auth credentials provider; returns the error code or null on success. */
  async signIn(provider: "instructor", fields: { email: string; password: string }): Promise<string | null> {
    const { body } = await this.json<{ csrfToken: string }>("/api/auth/csrf");
    const res = await this.fetch(`/api/auth/callback/${provider}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ ...fields, csrfToken: body.csrfToken, json: "true" }),
    });
    const out = (await res.json()) as { url?: string };
    const error = out.url ? new URL(out.url).searchParams.get("error") : "no-url";
    return error;
  }

  /** Join a class the way the join form does (POST /api/join); returns the error code or null on success. */
  async join(code: string, nickname: string): Promise<string | null> {
    return (await this.joinRaw({ code, nickname })).error;
  }

  /** POST /api/join with its raw answer: status, Retry-After, the error code, the user. */
  async joinRaw(fields: unknown, init: { contentType?: string; body?: string } = {}) {
    const res = await this.fetch("/api/join", {
      method: "POST",
      headers: { "content-type": init.contentType ?? "application/json" },
      body: init.body ?? JSON.stringify(fields),
    });
    const body = (await res.json().catch(() => ({}))) as { user?: { id: string; name: string; classId: string }; error?: { code: string; message: string } };
    return { status: res.status, retryAfter: res.headers.get("retry-after"), setCookie: res.headers.getSetCookie(), error: body.error?.code ?? null, user: body.user };
  }

  async signUp(name: string, email: string, password: string) {
    return this.json<{ id?: string; error?: { code: string } }>("/api/signup", { name, email, password });
  }
}
