// Is this error "the database is not there right now" (stopped, restarting, unreachable) rather
// than a fault of the request? Then a submission is not acknowledged (the student's browser sends
// it again), and the instructor sees the outage banner. Pure: it only reads the error's fields.

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
