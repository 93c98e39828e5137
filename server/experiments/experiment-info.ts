// The experiment columns read with every session row, and their wire shape (a leaf module: the
// session queries and server/experiments/experiments.ts both use it).
import type { Prisma } from "@/generated/prisma/client.ts";
import { ASSIGNMENT_MODES, EXPERIMENT_VARIABLES, type AssignmentMode, type ExperimentInfo, type ExperimentVariable, type GroupSettings, type GroupSummary } from "@/lib/experiments/experiments";

export const experimentSelect = {
  id: true,
  exerciseId: true,
  mode: true,
  variable: true,
  groups: true,
  seed: true,
  result: true,
  members: { select: { userId: true, group: true } },
} satisfies Prisma.ExperimentSelect;
export type ExperimentRow = Prisma.ExperimentGetPayload<{ select: typeof experimentSelect }>;

const infos = new WeakMap<ExperimentRow, ExperimentInfo>();
/** Built once per row (the cached session row is replaced, never changed, when a member is added). */
export function experimentInfo(row: ExperimentRow): ExperimentInfo {
  let info = infos.get(row);
  if (!info) {
    const members: Record<string, number> = {};
    for (const m of row.members) members[m.userId] = m.group;
    info = {
      id: row.id,
      mode: (ASSIGNMENT_MODES as readonly string[]).includes(row.mode) ? (row.mode as AssignmentMode) : "BALANCED",
      variable: (EXPERIMENT_VARIABLES as readonly string[]).includes(row.variable) ? (row.variable as ExperimentVariable) : "lr",
      groups: row.groups as unknown as GroupSettings[],
      members,
      result: (row.result as unknown as GroupSummary[] | null) ?? null,
    };
    infos.set(row, info);
  }
  return info;
}
