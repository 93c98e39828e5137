"use client";
import { useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { CUSTOM_POINTS_MAX, GRID, linearlySeparable, type LabelledPoint } from "@/lib/nn/custom-points";

interface Props {
  points: LabelledPoint[];
  /** Absent: read-only (an exercise's own points). */
  onChange?(points: LabelledPoint[]): void;
  /** Did the perceptron get every point right (accuracy 100%)? Absent: nothing trains here (a preset's form). */
  separated?: boolean;
  /** What trains on them: one perceptron (the gate trainer) or the network (the XOR page). */
  by?: "perceptron" | "network";
}

const SIZE = 240;
const PAD = 12;
const STEP = 5;
const clamp = (v: number) => Math.max(0, Math.min(GRID, Math.round(v)));
const px = (v: number) => PAD + (v / GRID) * (SIZE - 2 * PAD);

/**
 * The class's own points on the unit square: click or tap to add a point of the chosen colour; or,
 * by keyboard, "Add a point" and then, on a point in the list, arrows to move it (Shift: finer),
 * C to change its colour, Delete to remove it. Says whether the points are linearly separable
 * (decided exactly, lib/nn/custom-points.ts) and whether the perceptron separated them.
 */
export default function PointEditor({ points, onChange, separated, by = "perceptron" }: Props) {
  const t = useTranslations("trainer.points");
  const id = useId();
  const [colour, setColour] = useState<0 | 1>(1);
  const list = useRef<HTMLUListElement>(null);
  const full = points.length >= CUSTOM_POINTS_MAX;
  const editable = !!onChange;
  const separable = linearlySeparable(points);

  const focusItem = (i: number) => requestAnimationFrame(() => (list.current?.querySelectorAll<HTMLElement>("[data-point]")[i])?.focus());
  const add = (x: number, y: number) => {
    if (!onChange || full) return;
    onChange([...points, { x: clamp(x), y: clamp(y), label: colour }]);
    focusItem(points.length);
  };
  function onSquareClick(e: React.MouseEvent<SVGSVGElement>) {
    const r = e.currentTarget.getBoundingClientRect();
    const scale = SIZE / r.width;
    const x = (((e.clientX - r.left) * scale - PAD) / (SIZE - 2 * PAD)) * GRID;
    const y = (1 - ((e.clientY - r.top) * scale - PAD) / (SIZE - 2 * PAD)) * GRID;
    if (x < -2 || x > GRID + 2 || y < -2 || y > GRID + 2) return;
    add(x, y);
  }
  function onKey(i: number, e: React.KeyboardEvent) {
    if (!onChange) return;
    const step = e.shiftKey ? 1 : STEP;
    const p = points[i];
    const move = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] }[e.key];
    if (move) {
      e.preventDefault();
      onChange(points.map((q, k) => (k === i ? { ...q, x: clamp(p.x + move[0]), y: clamp(p.y + move[1]) } : q)));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      onChange(points.filter((_, k) => k !== i));
      focusItem(Math.max(0, i - 1));
    } else if (e.key === "c" || e.key === "C") {
      e.preventDefault();
      onChange(points.map((q, k) => (k === i ? { ...q, label: q.label ? 0 : 1 } : q)));
    }
  }
  const where = (p: LabelledPoint) => t("at", { x: (p.x / GRID).toFixed(2), y: (p.y / GRID).toFixed(2), colour: t(`colour${p.label}`) });

  return (
    <section className="card stack point-editor" aria-labelledby={`${id}-title`} data-testid="point-editor">
      <h3 id={`${id}-title`}>{t("title")}</h3>
      {editable && <p className="muted" id={`${id}-help`}>{t("help", { max: CUSTOM_POINTS_MAX })}</p>}
      {editable && (
        <fieldset className="tr-choices">
          <legend>{t("colour")}</legend>
          {([1, 0] as const).map((c) => (
            <label key={c}>
              <input type="radio" name={`${id}-colour`} checked={colour === c} onChange={() => setColour(c)} />
              <span>{t(`colour${c}`)}</span>
            </label>
          ))}
        </fieldset>
      )}
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} width={SIZE} height={SIZE} role="img" aria-label={t("aria", { count: points.length })}
        onClick={editable ? onSquareClick : undefined} data-testid="point-square" style={{ cursor: editable && !full ? "crosshair" : undefined, touchAction: "manipulation", maxWidth: "100%" }}>
        <rect x={PAD} y={PAD} width={SIZE - 2 * PAD} height={SIZE - 2 * PAD} fill="none" stroke="currentColor" strokeOpacity={0.4} />
        {points.map((p, i) => (
          <circle key={i} cx={px(p.x)} cy={SIZE - px(p.y)} r={6} className={p.label ? "tr-dot1" : "tr-dot0"}
            fill={p.label ? "#1f6fb2" : "#fff"} stroke={p.label ? "#1f6fb2" : "#c2410c"} strokeWidth={2.5} />
        ))}
      </svg>
      <ul ref={list} className="point-list" aria-label={t("list")} aria-describedby={editable ? `${id}-help` : undefined}>
        {points.map((p, i) => (
          <li key={i} data-point tabIndex={editable ? 0 : undefined} onKeyDown={(e) => onKey(i, e)} data-testid={`point-${i}`}>
            {t("item", { n: i + 1 })} {where(p)}
          </li>
        ))}
      </ul>
      {editable && (
        <div className="row">
          <button type="button" onClick={() => add(GRID / 2, GRID / 2)} disabled={full}>{t("add")}</button>
          <button type="button" onClick={() => onChange!([])} disabled={points.length === 0}>{t("clear")}</button>
          {full && <span className="muted">{t("full", { max: CUSTOM_POINTS_MAX })}</span>}
        </div>
      )}
      <p data-testid="points-separable">{points.length < 2 || !points.some((p) => p.label) || points.every((p) => p.label) ? t("needBoth") : separable ? t("separable") : t("notSeparable")}</p>
      {separated !== undefined && <p data-testid="points-separated" role="status">{by === "network" ? t(separated ? "netSeparated" : "netNotSeparated") : t(separated ? "separated" : "notSeparated")}</p>}
    </section>
  );
}
