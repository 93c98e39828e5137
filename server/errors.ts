// The one home of the server's errors. Code deep in the server throws a coded refusal
// (DomainError, RateLimited); the edge (socket acks in server/socket/guard.ts and server/socket/hub.ts, route
// handlers through server/http/http.ts, the join route) turns whatever was thrown into what the client
// is told with `refusalOf`, the one translator. The browser translates the code (lib/edge/forms.ts
// ERROR_CODES); nothing matches on English, and no driver text or stack leaves the server.
import type { ErrorCode } from "@/lib/edge/forms";

/** A refusal the client is meant to see: a code from lib/edge/forms.ts and the HTTP status it maps to. */
export class DomainError extends Error {
  constructor(public code: ErrorCode, public status = 400) {
    super(code);
  }
}

/** Too many tries: the client may try again after `retryAfterS` seconds. */
export class RateLimited extends Error {
  constructor(public retryAfterS: number) {
    super("rateLimited");
  }
}

/**
 * Is this a RateLimited? Checked by shape, not instanceof: the limits live on globalThis, installed
 * by the custom server's copy of this module, while sign-in runs in the Next.js bundle's copy.
 */
export function isRateLimited(e: unknown): e is RateLimited {
  return e instanceof Error && e.message === "rateLimited" && typeof (e as RateLimited).retryAfterS === "number";
}

/** Walks an error and its causes (a driver error arrives wrapped once or twice) for a SQLSTATE or Prisma code. */
function hasCode(e: unknown, prismaCode: string, sqlState: string, kind: string): boolean {
  for (let cur: unknown = e, depth = 0; cur && typeof cur === "object" && depth < 4; depth++) {
    const c = cur as { code?: unknown; cause?: unknown; originalCode?: unknown; kind?: unknown; meta?: { driverAdapterError?: unknown } };
    if (c.code === prismaCode || c.code === sqlState || c.originalCode === sqlState || c.kind === kind) return true;
    cur = c.cause ?? c.meta?.driverAdapterError;
  }
  return false;
}

/**
 * A unique constraint refused the row. Prisma reports it as P2002 with the PostgreSQL adapter, but
 * through the PGlite adapter it arrives as a DriverAdapterError whose cause carries PostgreSQL's
 * own SQLSTATE 23505 (sometimes wrapped once more). One check for both storage modes.
 */
export const isUniqueViolation = (e: unknown): boolean => hasCode(e, "P2002", "23505", "UniqueConstraintViolation");

/** A foreign key refused the row (it points at nothing): P2003 or SQLSTATE 23503. */
export const isForeignKeyViolation = (e: unknown): boolean => hasCode(e, "P2003", "23503", "ForeignKeyConstraintViolation");

// Is this error "the database is not there right now" (stopped, restarting, unreachable) rather
// than a fault of the request? Then a submission is not acknowledged (the student's browser sends
// it again), and the instructor sees the outage banner. It only reads the error's fields.
/** Prisma's connection errors: can't reach, timed out, operation timed out, connection closed. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** The driver adapter's error kinds for a connection that is not there. */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "DatabaseDoesNotExist"]);
/** PostgreSQL: shutting down / starting up (57P0x), connection exceptions (08xxx). */
const PG_CODES = /^(57P0[1-3]|08\d{3})$/;
const NODE_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "ENOTFOUND", "EHOSTUNREACH"]);
const MESSAGES = /Connection terminated|Can't reach database server|server closed the connection|the database system is (starting up|shutting down)/i;

type Loose = { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

export function isDatabaseUnavailable(e: unknown, depth = 0): boolean {
  if (!e || typeof e !== "object" || depth > 4) return false;
  const x = e as Loose;
  const code = typeof x.code === "string" ? x.code : "";
  if (PRISMA_CODES.has(code) || PG_CODES.test(code) || NODE_CODES.has(code)) return true;
  if (typeof x.kind === "string" && ADAPTER_KINDS.has(x.kind)) return true;
  if (typeof x.message === "string" && MESSAGES.test(x.message) && !code.startsWith("P2002")) return true;
  return isDatabaseUnavailable(x.meta?.driverAdapterError, depth + 1) || isDatabaseUnavailable(x.cause, depth + 1);
}

/** What the client is told. */
export interface Refusal {
  status: number;
  code: ErrorCode;
  /** For rateLimited: seconds until the client may try again (sent as Retry-After). */
  retryAfterS?: number;
}

/**
 * Anything thrown -> what the client is told. A unique-constraint race is a conflict (409,
 * `onUnique`, invalidInput unless the caller knows better); a database that is down is 503 and
 * the browser retries; anything unexpected is logged (with `where`) and answered serverError.
 */
export function refusalOf(e: unknown, where: string, onUnique: ErrorCode = "invalidInput"): Refusal {
  if (e instanceof DomainError) return { status: e.status, code: e.code };
  if (isRateLimited(e)) return { status: 429, code: "rateLimited", retryAfterS: e.retryAfterS };
  if (isUniqueViolation(e)) return { status: 409, code: onUnique };
  if (isDatabaseUnavailable(e)) return { status: 503, code: "databaseUnavailable" };
  console.error(`${where} failed`, e);
  return { status: 500, code: "serverError" };
}
