// Calls one of our JSON route handlers. Every route answers errors as { error: { code, fields } };
// a failed request (network down, no JSON) comes back as "serverError", never as a thrown error.
import type { ErrorCode } from "@/lib/edge/forms";

export type SendResult<T> =
  | { ok: true; body: T }
  | { ok: false; error: ErrorCode; fields?: Record<string, ErrorCode> };

export async function sendJson<T = Record<string, unknown>>(url: string, method: "POST" | "PUT" | "PATCH" | "DELETE", body?: unknown): Promise<SendResult<T>> {
  try {
    const res = await fetch(url, {
      method,
      headers: body === undefined ? undefined : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = (await res.json().catch(() => null)) as (T & { error?: { code?: ErrorCode; fields?: Record<string, ErrorCode> } }) | null;
    if (res.ok) return { ok: true, body: (json ?? {}) as T };
    return { ok: false, error: json?.error?.code ?? "serverError", fields: json?.error?.fields };
  } catch {
    return { ok: false, error: "serverError" };
  }
}
