// The edge's rules, pure: how big a request body may be per route, which origins may change state,
// which security headers every response carries, and what shape of JSON is too strange to parse
// further. The custom server (server/http/edge.ts), the route handlers and the socket hub apply them.
import { hasForbiddenChars } from "../util/text";

const KB = 1024;
/** The body limit of a lesson file's import (lib/lessons/lesson-file.ts proves the largest valid file fits). */
export const LESSON_FILE_MAX_BYTES = 96 * KB;

/** Body limits in bytes, per route (the first pattern that matches the path). */
export const BODY_LIMITS: { pattern: RegExp; bytes: number; why: string }[] = [
  // A homework submission: settings, weights and choices (a few hundred bytes in practice).
  { pattern: /^\/api\/homework\/[^/]+\/submissions$/, bytes: 32 * KB, why: "a submission" },
  // A homework network's run: its settings, its own points and up to 2-8-8-1 weights (~3 KB).
  { pattern: /^\/api\/homework\/[^/]+\/net-runs$/, bytes: 32 * KB, why: "a network's run" },
  // An exercise's preset: activations, question, gate, defaults.
  { pattern: /^\/api\/lessons\/[^/]+\/exercises\/[^/]+$/, bytes: 32 * KB, why: "an exercise preset" },
  // A lesson file as the app exports it (pretty-printed): up to LESSON_FILE_MAX_EXERCISES presets of
  // ~1.5 KB at most each (formulas, a practice link, custom points), ~13 KB for a usual 20-exercise one.
  { pattern: /^\/api\/lessons\/import$/, bytes: LESSON_FILE_MAX_BYTES, why: "a lesson file" },
  // Everything else is a form: a name, an email and a password, a title, a due date, a sign-in.
  { pattern: /^\/api\//, bytes: 4 * KB, why: "a form" },
];

/**
 * A body over its limit but not over this is read to its end (and dropped) before the 413 is sent,
 * as Go's net/http does: the client reads the answer on a connection that stays open. Answering
 * while it is still writing, then closing, races the client (fetch saw "other side closed" on about
 * 1 in 70 such requests). A bigger body is refused at once and the connection closed.
 */
export const DRAIN_MAX_BYTES = 256 * KB;

export function bodyLimit(pathname: string): number {
  return BODY_LIMITS.find((l) => l.pattern.test(pathname))?.bytes ?? 4 * KB;
}

/**
 * The largest socket.io message a client may send, before authentication too: the biggest legit
 * event is `control:push` to a selection of up to 5,000 students (5,000 ids of ~25 characters, quoted).
 */
export const SOCKET_MAX_BYTES = 160 * KB;
/** A connection that has not authenticated within this time is closed (socket.io's default is 45 s). */
export const SOCKET_CONNECT_TIMEOUT_MS = 10_000;

export const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * May a request from this Origin change state? The app's own origin (from NEXTAUTH_URL, or the
 * request's own Host when no public URL is configured) and the configured allow-list. A request with
 * no Origin at all is not a browser's cross-site request (browsers send Origin on every cross-origin
 * POST and on same-origin ones too) and passes; the JSON content type rule still applies to it.
 */
export function originAllowed(origin: string | undefined, own: string[], allowList: string[]): boolean {
  if (origin === undefined || origin === "") return true;
  if (origin === "null") return false; // sandboxed frames, file:// pages, some redirects
  let normal: string;
  try {
    normal = new URL(origin).origin;
  } catch {
    return false;
  }
  return own.includes(normal) || allowList.includes(normal);
}

/** The app's own origins for a request: the public URL if set, else what the Host header says. */
export function ownOrigins(publicUrl: string | undefined, host: string | undefined, forwardedProto: string | undefined): string[] {
  if (publicUrl) {
    try {
      return [new URL(publicUrl).origin];
    } catch {
      return [];
    }
  }
  if (!host) return [];
  const protos = forwardedProto?.split(",")[0]?.trim() === "https" ? ["https"] : ["http", "https"];
  return protos.map((p) => `${p}://${host.toLowerCase()}`);
}

/** A comma-separated list of origins, each normalised (`https://a.example, http://b:8080`). */
export function parseOriginList(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => new URL(s).origin);
}

/** A Content-Type header's media type, without its parameters (charset), lower-cased; "" when absent. */
const mediaType = (value: string | null | undefined) => (value ? value.split(";")[0].trim().toLowerCase() : "");

/** JSON routes read `application/json` (with or without a charset) and nothing else. */
export function isJsonContentType(value: string | null | undefined): boolean {
  return mediaType(value) === "application/json";
}

/** A plain HTML form's body (the script-free join page posts one). */
export function isFormContentType(value: string | null | undefined): boolean {
  return mediaType(value) === "application/x-www-form-urlencoded";
}

/** Headers for every response (pages, API, static files). The CSP is per page (proxy.ts, nonce). */
export const SECURITY_HEADERS: Record<string, string> = {
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

/** API responses are data, never a document: nothing may run or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * The pages' CSP: scripts only from the app with this request's nonce ('strict-dynamic' lets Next's
 * bootstrap load its chunks); styles from the app or nonced; style attributes allowed (React and D3
 * set them; they cannot run code); the socket on the same origin; images from the app, data: and
 * blob: (QR codes, downloads); no plugins, no framing, forms and <base> only to the app.
 */
export function pageCsp(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

export const MAX_JSON_DEPTH = 12;
export const MAX_JSON_KEYS = 10_000;

/**
 * Payload sanity before any schema: not nested deeper than MAX_JSON_DEPTH, not more than
 * MAX_JSON_KEYS values in all, no `__proto__` / `prototype` keys, no `constructor` key holding an object, no control
 * characters (other than tab and newline) or lone surrogates in any string or key, no binary data.
 * Returns false for anything a legit client never sends.
 */
export function saneJson(value: unknown): boolean {
  let count = 0;
  const walk = (v: unknown, depth: number): boolean => {
    if (++count > MAX_JSON_KEYS) return false;
    if (v === null || typeof v === "boolean") return true;
    if (typeof v === "number") return Number.isFinite(v);
    if (typeof v === "string") return !hasForbiddenChars(v);
    if (typeof v !== "object") return false; // functions, symbols, bigints
    if (depth >= MAX_JSON_DEPTH) return false;
    if (Array.isArray(v)) return v.every((x) => walk(x, depth + 1));
    const proto = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return false; // Buffers, ArrayBuffers, Dates
    for (const key of Object.keys(v)) {
      if (key === "__proto__" || key === "prototype" || hasForbiddenChars(key)) return false;
      const child = (v as Record<string, unknown>)[key];
      // `constructor` may name a value (a formula parameter is a name like any other), never an object
      // or array (the way to `constructor.prototype`).
      if (key === "constructor" && typeof child === "object" && child !== null) return false;
      if (!walk(child, depth + 1)) return false;
    }
    // JSON.parse makes an own "__proto__" key that Object.keys lists; a literal one is caught above.
    return true;
  };
  return walk(value, 0);
}
