// Sign-in and sign-out through next-auth's own endpoints (CSRF token, then the callback or
// signout POST), as next-auth/react does, without shipping next-auth/react (12 KB gzip) to every page.
async function csrfToken(): Promise<string> {
  const res = await fetch("/api/auth/csrf", { cache: "no-store" });
  const data = (await res.json()) as { csrfToken: string };
  return data.csrfToken;
}

async function post(path: string, fields: Record<string, string>): Promise<{ ok: boolean; url: string | null }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), callbackUrl: window.location.href, json: "true" });
  const res = await fetch(path, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded" }, body });
  const data = (await res.json().catch(() => ({}))) as { url?: string };
  return { ok: res.ok, url: data.url ?? null };
}

/** An instructor signs in (next-auth's one provider); `error` is the code thrown in authorize(), if any. */
export async function signInInstructor(fields: { email: string; password: string }): Promise<{ ok: boolean; error: string | null }> {
  try {
    const res = await post("/api/auth/callback/instructor", fields);
    const error = res.url ? new URL(res.url, window.location.origin).searchParams.get("error") : "serverError";
    return { ok: res.ok && !error, error: error ?? (res.ok ? null : "serverError") };
  } catch {
    return { ok: false, error: "serverError" };
  }
}

/**
 * A student joins a class: one POST to /api/join (answered by the custom server, server/join/join-route.ts),
 * which sets the same session cookie as a next-auth sign-in. `error` is the refusal's code, if any.
 */
export async function joinWith(fields: { code: string; nickname: string }): Promise<{ ok: boolean; error: string | null }> {
  try {
    const res = await fetch("/api/join", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(fields) });
    if (res.ok) return { ok: true, error: null };
    const data = (await res.json().catch(() => ({}))) as { error?: { code?: string } };
    return { ok: false, error: data.error?.code ?? "serverError" };
  } catch {
    return { ok: false, error: "serverError" };
  }
}

/** Signs out, then goes to `to`. */
export async function signOutTo(to: string): Promise<void> {
  try {
    await post("/api/auth/signout", {});
  } finally {
    window.location.assign(to);
  }
}
