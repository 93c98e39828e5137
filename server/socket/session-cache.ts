// The session row (state + exercises) cached per node with single flight: a burst of progress,
// enters and submissions on a miss shares ONE query (the promise is cached, not the row). Every
// control replaces the entry on its node and clears it on the others (see context.ts); the short
// lifetime is only a safety net for a lost cross-node message.
import { loadSession, type SessionRow } from "../live/sessions";

const TTL_MS = 5000;

export function sessionCache(load: (id: string) => Promise<SessionRow | null> = loadSession) {
  const entries = new Map<string, { at: number; row: Promise<SessionRow | null> }>();
  return {
    get(id: string): Promise<SessionRow | null> {
      const hit = entries.get(id);
      if (hit && Date.now() - hit.at < TTL_MS) return hit.row;
      const entry = { at: Date.now(), row: load(id) };
      entries.set(id, entry);
      // A failed load is not cached: the next caller tries again.
      entry.row.catch(() => entries.get(id) === entry && entries.delete(id));
      return entry.row;
    },
    set(row: SessionRow) {
      entries.set(row.id, { at: Date.now(), row: Promise.resolve(row) });
    },
    /** Forget one session, or with "*" every session (a session started elsewhere ended the old one). */
    invalidate(id: string) {
      if (id === "*") entries.clear();
      else entries.delete(id);
    },
  };
}
