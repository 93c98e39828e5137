"use client";
import { useCallback, useMemo, useState } from "react";
import type { ErrorCode } from "@/lib/edge/forms";
import { exerciseConfig } from "@/lib/lessons/exercise-config";
import { groupConfig, groupOf } from "@/lib/experiments/experiment-groups";
import type { ExerciseView } from "@/lib/live/session-protocol";

type Choose = (group: number) => Promise<{ ok: true; group: number } | { ok: false; error: ErrorCode }>;

/**
 * A student's experiment, from the one broadcast: their group (from the group map, or from their
 * own choice's ack: choices are not broadcast to the room) and the exercise with the group's
 * settings (locked), or null when the exercise is no experiment.
 */
export function useExperimentView(exercise: ExerciseView | null, userId: string | null, choose: Choose) {
  const [chosen, setChosen] = useState<{ id: string; group: number } | null>(null);
  const info = exercise?.experiment ?? null;
  const pick = useCallback<Choose>(async (g) => {
    const res = await choose(g);
    if (res.ok && info) setChosen({ id: info.id, group: res.group });
    return res;
  }, [choose, info]);
  return useMemo(() => {
    if (!exercise || !info) return null;
    const group = groupOf(info, userId) ?? (chosen?.id === info.id ? chosen.group : null);
    const config = exerciseConfig(exercise.config);
    if (group === null || !config || config.type === "ACTIVATION") return { info, group, exercise: null, choose: pick };
    return { info, group, exercise: { ...exercise, config: groupConfig(config, info.groups[group]) }, choose: pick };
  }, [exercise, info, userId, chosen, pick]);
}
