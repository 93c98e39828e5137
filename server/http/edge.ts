// The custom server's first look at every HTTP request, before Next.js (and next-auth) sees it:
// security headers on every response, the client's address for rate limits, and for /api/*: the
// Origin check on state-changing methods and the body limit, enforced before the body is buffered
// (Content-Length checked up front, bytes counted as they stream in).
import type { IncomingMessage, ServerResponse } from "node:http";
import { randomUUID } from "node:crypto";
import { API_CSP, bodyLimit, DRAIN_MAX_BYTES, originAllowed, ownOrigins, SECURITY_HEADERS, STATE_CHANGING } from "@/lib/edge/edge-policy";
import type { ErrorCode } from "@/lib/edge/forms";
import en from "@/messages/en";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER, retryAfterFor } from "../auth/sign-in-limits";

export interface EdgeOptions {
  /** NEXTAUTH_URL: the public URL, whose origin is the app's own. */
  publicUrl?: string;
  /** ALLOWED_ORIGINS: other origins that may call the API and open sockets. */
  allowList: string[];
  /** TRUST_PROXY=1: the client's address is the first X-Forwarded-For entry. */
  trustProxy: boolean;
}

const ENGLISH: Record<ErrorCode, string> = en.errors;

/**
 * After refusing a body: stop reading it, send the answer, then close. Half-closing first (and only
 * later destroying) lets the client read the answer instead of losing it to a reset.
 */
function refuseBody(req: IncomingMessage, res: ServerResponse): void {
  req.pause();
  reject(res, 413, "payloadTooLarge");
  res.once("finish", () => {
    req.socket.end();
    setTimeout(() => req.socket.destroy(), 2000).unref();
  });
}

/** A body that takes longer than this to arrive is refused before its end (a slow client holds nothing longer). */
const DRAIN_WAIT_MS = 10_000;

/** A declared body over its limit but small enough to read: read it, drop it, then answer 413. */
function drainThenRefuse(req: IncomingMessage, res: ServerResponse): void {
  const slow = setTimeout(() => refuseBody(req, res), DRAIN_WAIT_MS);
  slow.unref();
  req.on("data", () => {});
  req.once("end", () => {
    clearTimeout(slow);
    reject(res, 413, "payloadTooLarge");
  });
  req.once("close", () => clearTimeout(slow));
}

function reject(res: ServerResponse, status: number, code: ErrorCode): void {
  if (res.headersSent) return;
  const body = JSON.stringify({ error: { code, message: ENGLISH[code] } });
  // No `Connection: close` here: Node would then close the socket at once, and with body bytes still
  // unread that close is a reset that can swallow the answer. refuseBody half-closes instead.
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

export function clientAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = req.headers["x-forwarded-for"];
    const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
    if (first) return first;
  }
  return req.socket.remoteAddress ?? "unknown";
}

/** Is this handshake / request from an origin the app trusts? (Used by the socket hub too.) */
export function requestOriginAllowed(req: IncomingMessage, opts: EdgeOptions): boolean {
  const fwdProto = req.headers["x-forwarded-proto"];
  const own = ownOrigins(opts.publicUrl, req.headers.host, Array.isArray(fwdProto) ? fwdProto[0] : fwdProto);
  return originAllowed(req.headers.origin, own, opts.allowList);
}

/** Returns true when the request was answered here (and must not reach Next.js). */
export function edgeGate(req: IncomingMessage, res: ServerResponse, opts: EdgeOptions): boolean {
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
  // Our own headers come from here only: whatever a client sent under these names is dropped.
  req.headers[CLIENT_IP_HEADER] = clientAddress(req, opts.trustProxy);
  const requestId = randomUUID();
  req.headers[REQUEST_ID_HEADER] = requestId;

  const url = req.url ?? "/";
  if (!url.startsWith("/api/")) return false;
  res.setHeader("Content-Security-Policy", API_CSP);
  const pathname = url.split("?")[0];
  const method = (req.method ?? "GET").toUpperCase();

  if (STATE_CHANGING.has(method) && !requestOriginAllowed(req, opts)) {
    reject(res, 403, "originRejected");
    return true;
  }

  const limit = bodyLimit(pathname);
  const declared = Number(req.headers["content-length"] ?? "0");
  if (Number.isFinite(declared) && declared > limit) {
    if (declared <= DRAIN_MAX_BYTES) drainThenRefuse(req, res);
    else refuseBody(req, res);
    return true;
  }
  // No length declared (chunked) or a lying one: count the bytes as the parser hands them over.
  let seen = 0;
  const push = req.push.bind(req);
  req.push = (chunk: unknown, encoding?: BufferEncoding) => {
    if (chunk === null) return push(null);
    seen += (chunk as Buffer).length;
    if (seen <= limit) return push(chunk, encoding);
    if (!res.headersSent) refuseBody(req, res);
    return false;
  };

  if (pathname.startsWith("/api/auth/callback/")) {
    // A sign-in refused by a rate limit: 429 with Retry-After (next-auth itself would answer 200).
    const writeHead = res.writeHead;
    res.writeHead = function (this: ServerResponse, status: number, ...rest: unknown[]) {
      const wait = retryAfterFor(requestId);
      if (wait) {
        this.setHeader("Retry-After", String(wait));
        status = 429;
      }
      return (writeHead as (...a: unknown[]) => ServerResponse).call(this, status, ...rest);
    } as typeof res.writeHead;
  }
  return false;
}
