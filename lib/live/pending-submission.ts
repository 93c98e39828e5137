// A submission not yet acknowledged by the server: kept (in memory and in a key-value store such
// as sessionStorage) and resent with the same clientId until an ack arrives. The server stores a
// clientId once, so resending never counts twice. What comes back from storage is checked field by
// field here: five fields do not need a schema library, and zod/mini alone cost the live page 22.8 KB
// gzip (its core is shared with full zod), more than a tenth of the page's budget.

export interface PendingSubmission {
  sessionId: string;
  exerciseId: string;
  clientId: string;
  payload: unknown;
  /** When the student submitted (ms since epoch). */
  at: number;
}

/** The part of the Web Storage interface used here (sessionStorage in the browser). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Older than this, a stored submission is not resent (the class has surely moved on). */
export const PENDING_MAX_AGE_MS = 6 * 60 * 60 * 1000;

const text = (v: unknown, min: number, max: number): v is string => typeof v === "string" && v.length >= min && v.length <= max;

/** The stored value when it has the shape of a PendingSubmission (payload: anything present), else null. */
function asStored(v: unknown): PendingSubmission | null {
  if (v === null || typeof v !== "object" || Array.isArray(v)) return null;
  const o = v as Record<string, unknown>;
  if (!text(o.sessionId, 1, 64) || !text(o.exerciseId, 1, 64) || !text(o.clientId, 8, 64)) return null;
  if (typeof o.at !== "number" || !Number.isFinite(o.at)) return null;
  return { sessionId: o.sessionId, exerciseId: o.exerciseId, clientId: o.clientId, payload: o.payload, at: o.at };
}

export const pendingKey = (sessionId: string) => `neuronlab:pending:${sessionId}`;

/** Storage can be full or forbidden (private windows): memory still holds the submission. */
export function savePending(store: KeyValueStore | null, p: PendingSubmission): void {
  try {
    store?.setItem(pendingKey(p.sessionId), JSON.stringify(p));
  } catch {
    /* memory only */
  }
}

/** The stored submission of this session, if any and still fresh; anything else is removed. */
export function loadPending(store: KeyValueStore | null, sessionId: string, now = Date.now()): PendingSubmission | null {
  if (!store) return null;
  try {
    const raw = store.getItem(pendingKey(sessionId));
    if (raw === null) return null;
    const p = asStored(JSON.parse(raw));
    if (p && p.sessionId === sessionId && now - p.at <= PENDING_MAX_AGE_MS && now >= p.at - 60_000) return p;
    store.removeItem(pendingKey(sessionId));
  } catch {
    /* unreadable: treat as none */
  }
  return null;
}

/** Forget the stored submission, but only if it is this one (a newer one may have replaced it). */
export function clearPending(store: KeyValueStore | null, sessionId: string, clientId: string): void {
  if (!store) return;
  try {
    const raw = store.getItem(pendingKey(sessionId));
    if (raw === null) return;
    const current = asStored(JSON.parse(raw));
    if (!current || current.clientId === clientId) store.removeItem(pendingKey(sessionId));
  } catch {
    try {
      store.removeItem(pendingKey(sessionId)); // unreadable: nothing worth keeping
    } catch {
      /* storage unavailable */
    }
  }
}

/**
 * A random id for one submission: crypto.randomUUID where it exists (secure contexts), else a
 * version-4 UUID from getRandomValues (a classroom server reached over plain http on the LAN).
 */
export function newClientId(c: Pick<Crypto, "getRandomValues"> & { randomUUID?: () => string } = globalThis.crypto): string {
  if (typeof c.randomUUID === "function") return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** Refusals that mean "not now" rather than "no": the submission stays pending and is sent again. */
export const RETRY_LATER_ERRORS: readonly string[] = ["databaseUnavailable"];
export const RETRY_LATER_MS = 2000;
export const retryLater = (error: string): boolean => RETRY_LATER_ERRORS.includes(error);
