// The class roster on the instructor's page, kept current by deltas: a snapshot on watch, then one
// small message per join or presence change (never the whole roster per event).
import type { RosterEntry } from "../live/protocol";

export type RosterDelta = { kind: "joined"; entry: RosterEntry } | { kind: "presence"; userId: string; online: boolean };

export function applyRoster(roster: readonly RosterEntry[], d: RosterDelta): RosterEntry[] {
  const i = roster.findIndex((r) => r.userId === (d.kind === "joined" ? d.entry.userId : d.userId));
  if (d.kind === "joined") {
    if (i >= 0) return roster.map((r, k) => (k === i ? { ...d.entry, online: r.online || d.entry.online } : r));
    return [...roster, d.entry];
  }
  if (i < 0 || roster[i].online === d.online) return roster as RosterEntry[];
  return roster.map((r, k) => (k === i ? { ...r, online: d.online } : r));
}
