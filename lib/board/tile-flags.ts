// Which students the board marks as needing help, and why: the help flags (lib/board/help-flags.ts)
// grouped per student, reasons in HELP_REASONS order, each once. Pure; used by the board's tiles.
import { HELP_REASONS, type HelpFlag, type HelpReason } from "./help-flags";

export function reasonsByStudent(flags: readonly HelpFlag[]): Map<string, HelpReason[]> {
  const out = new Map<string, HelpReason[]>();
  for (const f of flags) {
    const list = out.get(f.userId) ?? [];
    if (!list.includes(f.reason)) list.push(f.reason);
    out.set(f.userId, list);
  }
  for (const list of out.values()) list.sort((a, b) => HELP_REASONS.indexOf(a) - HELP_REASONS.indexOf(b));
  return out;
}
