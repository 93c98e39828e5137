"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { GateId } from "@/lib/nn/gates";
import { readPoints, writePoints, type LabelledPoint } from "@/lib/nn/custom-points";
import {
  cloneModel, predict, samplesOf, startTraining, stepEpoch, stepSample,
  type EpochRecord, type Perceptron, type TrainState,
} from "@/lib/nn/perceptron";
import { benchMark } from "../forms/benchMark";

export interface TrainerSettings { gate: GateId; lr: number; epochs: number; seed: number; /** Initial weights; without them the seed draws them. */ init?: Perceptron; /** The class's own points, trained on instead of the gate. */ points?: LabelledPoint[] }
/** Training speeds, in epochs per second. */
export const SPEEDS = [2, 10, 50, 250, 1000, 5000] as const;
/** Never spend more than this on training within one animation frame. */
const FRAME_BUDGET_MS = 8;

export interface LastStep { sample: number; x: [number, number]; label: 0 | 1; pred: 0 | 1 }
export interface TrainerSnapshot {
  /** Increments on every reset, so views can tell runs apart. */
  run: number;
  /** The settings this run trains with. */
  config: TrainState["config"];
  epoch: number;
  sample: number;
  done: boolean;
  model: Perceptron;
  history: EpochRecord[];
  lastStep: LastStep | null;
}

/**
 * Calls tick(dtMs) on every animation frame while `running`. tick returns
 * false to stop. The latest tick is always used (kept in a ref).
 */
export function useRafLoop(running: boolean, tick: (dtMs: number) => boolean) {
  const tickRef = useRef(tick);
  useEffect(() => { tickRef.current = tick; });
  useEffect(() => {
    if (!running) return;
    let id = 0;
    let last = performance.now();
    const frame = (now: number) => {
      const dt = Math.min(now - last, 100);
      last = now;
      if (tickRef.current(dt)) id = requestAnimationFrame(frame);
    };
    id = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(id);
  }, [running]);
}

const snapshotOf = (s: TrainState, run: number, lastStep: LastStep | null): TrainerSnapshot => ({
  run, config: s.config, epoch: s.epoch, sample: s.sample, done: s.done, model: cloneModel(s.model), history: s.history.slice(), lastStep,
});

/**
 * One perceptron trained in the browser with lib/nn/perceptron, driven by
 * requestAnimationFrame: at high speed several epochs run per frame, within a
 * time budget so the page stays responsive. Any settings change starts a new
 * run. With `replayEpoch` the run is replayed to that epoch and frozen.
 */
export function useTrainer(settings: TrainerSettings, replayEpoch?: number) {
  const { gate, lr, epochs, seed } = settings;
  const [w0, w1, b0] = settings.init ? [settings.init.w[0], settings.init.w[1], settings.init.b] : [NaN, NaN, NaN];
  const hasInit = settings.init !== undefined;
  // the points by value (a new array with the same points is the same run)
  const pointsKey = settings.points ? writePoints(settings.points) : "";
  const stateRef = useRef<TrainState | null>(null);
  const runRef = useRef(0);
  const budget = useRef(0);
  const [snap, setSnap] = useState<TrainerSnapshot>(() => {
    stateRef.current = startTraining({ gate, lr, epochs, seed, init: settings.init, points: settings.points });
    return snapshotOf(stateRef.current, 0, null);
  });
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState(3);
  // Someone who asked for less motion gets the fastest speed: Play draws the run's end at once
  // (the epoch-by-epoch animation stays one slider move away). After mount, so hydration matches.
  useEffect(() => {
    if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) setSpeed(SPEEDS.length - 1);
  }, []);

  const publish = useCallback((lastStep: LastStep | null = null) => {
    if (stateRef.current) setSnap(snapshotOf(stateRef.current, runRef.current, lastStep));
  }, []);

  const reset = useCallback(() => {
    const s = startTraining({ gate, lr, epochs, seed, init: hasInit ? { w: [w0, w1], b: b0 } : undefined, points: (pointsKey && readPoints(pointsKey)) || undefined });
    if (replayEpoch !== undefined) while (!s.done && s.epoch < replayEpoch) stepEpoch(s);
    stateRef.current = s;
    runRef.current += 1;
    budget.current = 0;
    setPlaying(false);
    publish();
  }, [gate, lr, epochs, seed, hasInit, w0, w1, b0, pointsKey, replayEpoch, publish]);

  // A new run whenever the settings (or the replayed epoch) change.
  useEffect(() => reset(), [reset]);

  const oneSample = useCallback(() => {
    const s = stateRef.current;
    if (!s || s.done) return;
    const samples = samplesOf(s.config);
    const x = samples.inputs[s.sample];
    const step: LastStep = { sample: s.sample, x: [x[0], x[1]], label: samples.labels[s.sample], pred: predict(s.model, x[0], x[1]) };
    stepSample(s);
    publish(step);
  }, [publish]);

  const oneEpoch = useCallback(() => {
    const s = stateRef.current;
    if (!s || s.done) return;
    stepEpoch(s);
    publish();
  }, [publish]);

  useRafLoop(playing, (dt) => {
    const s = stateRef.current;
    if (!s) return false;
    benchMark("trainer:tick"); // bench/frames.ts
    budget.current += (dt / 1000) * SPEEDS[speed];
    const start = performance.now();
    let n = 0;
    if (s.sample !== 0 && !s.done) stepEpoch(s); // finish an epoch left half-done by single steps
    while (budget.current >= 1 && !s.done) {
      stepEpoch(s);
      budget.current -= 1;
      if (++n % 64 === 0 && performance.now() - start > FRAME_BUDGET_MS) break;
    }
    if (budget.current > SPEEDS[speed]) budget.current = 0; // fell behind: do not pile up work
    publish();
    if (s.done) { setPlaying(false); return false; }
    return true;
  });

  const play = useCallback(() => { if (!stateRef.current?.done) setPlaying(true); }, []);
  const pause = useCallback(() => setPlaying(false), []);

  return { snap, playing, play, pause, stepSample: oneSample, stepEpoch: oneEpoch, reset, speed, setSpeed };
}
