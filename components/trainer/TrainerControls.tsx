"use client";
import { useTranslations } from "next-intl";
import { SEED_MAX } from "@/lib/lessons/exercise-constants";
import TrainerNumberField from "./TrainerNumberField";
import { useHydrated } from "../forms/useHydrated";
import { SPEEDS, type TrainerSettings, type useTrainer } from "./useTrainer";

interface Props<S extends TrainerSettings> {
  settings: S;
  onSettings(s: S): void;
  /** Gates to choose from; no gate picker when absent. */
  gates?: readonly S["gate"][];
  playing: boolean;
  done: boolean;
  epoch: number;
  speed: number;
  locked?: boolean;
  /** The instructor locked the learning rate and epochs of this exercise. */
  presetLocked?: boolean;
  /** The seed is fixed (a class experiment on initial weights). */
  seedLocked?: boolean;
  onPlay(): void;
  onPause(): void;
  onStepSample(): void;
  onStepEpoch(): void;
  onReset(): void;
  onSpeed(i: number): void;
}

/** The run's part of the controls (where it stands, its buttons), from useTrainer. */
export function runControls(tr: ReturnType<typeof useTrainer>) {
  return {
    playing: tr.playing, done: tr.snap.done, epoch: tr.snap.epoch, speed: tr.speed,
    onPlay: tr.play, onPause: tr.pause, onStepSample: tr.stepSample, onStepEpoch: tr.stepEpoch, onReset: tr.reset, onSpeed: tr.setSpeed,
  };
}

/**
 * Settings, play/pause/step/reset, speed and progress for one perceptron run. Every control stays
 * disabled until React has hydrated the page: on slow school Wi-Fi a tap on "Step one epoch" before
 * the script has run would otherwise do nothing and say nothing.
 */
export default function TrainerControls<S extends TrainerSettings>(p: Props<S>) {
  const t = useTranslations("trainer.controls");
  const hydrated = useHydrated();
  const { settings } = p;
  const locked = p.locked || !hydrated;
  const set = (patch: Partial<TrainerSettings>) => p.onSettings({ ...settings, ...patch } as S);
  const pct = settings.epochs ? (100 * p.epoch) / settings.epochs : 0;
  return (
    <div className="tr-controls" role="group" aria-label={t("group")}>
      <div className="tr-settings">
        {p.gates && (
          <label className="tr-field">
            {t("gate")}
            <select value={settings.gate} disabled={locked} onChange={(e) => set({ gate: e.target.value as S["gate"] })} data-testid="gate-select">
              {p.gates.map((g) => (
                <option key={g} value={g}>{g}</option>
              ))}
            </select>
          </label>
        )}
        <TrainerNumberField label={t("lr")} value={settings.lr} min={0.0001} max={10} step="any" disabled={locked || p.presetLocked}
          invalidText={t("lrInvalid")} testId="lr-input" onChange={(lr) => set({ lr })} />
        <TrainerNumberField label={t("epochs")} value={settings.epochs} min={1} max={10000} step={1} integer disabled={locked || p.presetLocked}
          invalidText={t("epochsInvalid")} testId="epochs-input" onChange={(epochs) => set({ epochs })} />
        <TrainerNumberField label={t("seed")} value={settings.seed} min={0} max={SEED_MAX} step={1} integer disabled={locked || p.seedLocked}
          invalidText={t("seedInvalid")} testId="seed-input" onChange={(seed) => set({ seed })} />
        <button type="button" className="secondary" disabled={locked || p.seedLocked} onClick={() => set({ seed: Math.floor(Math.random() * 100000) })}>
          {t("newSeed")}
        </button>
      </div>
      <div className="tr-buttons">
        {p.playing ? (
          <button type="button" onClick={p.onPause} disabled={locked} data-testid="pause">{t("pause")}</button>
        ) : (
          <button type="button" onClick={p.onPlay} disabled={locked || p.done} data-testid="play">{t("play")}</button>
        )}
        <button type="button" className="secondary" onClick={p.onStepSample} disabled={locked || p.playing || p.done}>{t("stepSample")}</button>
        <button type="button" className="secondary" onClick={p.onStepEpoch} disabled={locked || p.playing || p.done}>{t("stepEpoch")}</button>
        <button type="button" className="secondary" onClick={p.onReset} disabled={locked}>{t("reset")}</button>
      </div>
      <div className="tr-progress-row">
        <label className="tr-field tr-speed">
          {t("speed")}
          <input type="range" min={0} max={SPEEDS.length - 1} step={1} value={p.speed} disabled={locked}
            aria-valuetext={t("speedValue", { value: SPEEDS[p.speed] })} onChange={(e) => p.onSpeed(Number(e.target.value))} data-testid="speed" />
          <span className="muted">{t("speedValue", { value: SPEEDS[p.speed] })}</span>
        </label>
        <div className="tr-progress-wrap">
          <div role="progressbar" aria-label={t("progress")} aria-valuemin={0} aria-valuemax={settings.epochs} aria-valuenow={p.epoch}
            aria-valuetext={t("progressText", { epoch: p.epoch, total: settings.epochs })} className="tr-progress" data-testid="progress">
            <div style={{ width: `${pct}%` }} />
          </div>
          <span className="muted">{t("progressText", { epoch: p.epoch, total: settings.epochs })}</span>
        </div>
      </div>
    </div>
  );
}
