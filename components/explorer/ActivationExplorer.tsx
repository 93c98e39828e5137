"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { ACTIVATIONS, CUSTOM_KEYS, resolveParams, type ActivationId, type ActivationParams, type ChoiceId, type CustomKey, type ParamName } from "@/lib/nn/activations";
import type { CustomDef } from "@/lib/formula/custom-activation";
import type { ActivationConfig } from "@/lib/lessons/exercises";
import { makeBundledImage, type RgbaImage } from "@/lib/explorer/images";
import type { ActivationAnswer, ActivationGrade } from "@/lib/grading/questions";
import ActivationControls from "./ActivationControls";
import ActivationPanels from "./ActivationPanels";
import ActivationQuestion from "./ActivationQuestion";
import DownloadFigure from "../files/DownloadFigure";
import { useFormulaActivations } from "./useFormulaActivations";
import ImagePicker, { type ImageChoice } from "./ImagePicker";
import SampleControls, { SampleNote } from "./SampleControls";
import { LESSON_SAMPLING, type SampleSettings } from "@/lib/explorer/samples";
import { EXPLORER_SEED } from "@/lib/practice/practice-state";
import { SEED_MAX } from "@/lib/lessons/exercise-constants";
import dynamic from "next/dynamic";
import type { ExerciseProps } from "../live/exerciseProps";

// Only where they are shown: the formula field on the practice page, the lesson text outside a live session.
const FormulaInput = dynamic(() => import("./FormulaInput"));
const LessonText = dynamic(() => import("../lessons/LessonText"));

/** What the student is looking at and has ticked; also what a replay view shows. */
export interface ActivationExplorerState {
  activation: ChoiceId;
  params: ActivationParams;
  image: ImageChoice;
  selected: ChoiceId[];
  /** The practice page's own formula activation (the key after the preset's formulas). */
  own?: Pick<CustomDef, "formula" | "params"> | null;
  /** How the samples are drawn, and their seed ("new samples" adds one); absent: the lesson's. */
  sampling?: SampleSettings;
  seed?: number;
}
export type ActivationProgress = ActivationExplorerState;

/** onProgress: whenever the exploration changes (function, parameters, picture, ticked answers). */
interface Props extends ExerciseProps<ActivationConfig, ActivationProgress, ActivationAnswer, ActivationExplorerState> {
  /** A grade from elsewhere (e.g. the server) to show. */
  result?: ActivationGrade | null;
  showLesson?: boolean;
  /** Practice: anyone may define an activation by a formula. */
  allowFormula?: boolean;
  /** Where to start (e.g. read from a shared link). */
  initial?: Partial<ActivationExplorerState>;
}

const LESSON = ["p1", "p2", "p3", "p4", "p5", "p6", "p7"] as const;

/** The activation explorer exercise: lesson text, settings, the six panels and the question. */
export default function ActivationExplorer({ config, locked = false, onProgress, onSubmit, state, result, showLesson = true, allowFormula, initial }: Props) {
  const t = useTranslations("explorer");
  const tf = useTranslations("formula");
  const first = config.activations[0];
  const [local, setLocal] = useState<ActivationExplorerState>(() => {
    const a = initial?.activation ?? first;
    return { activation: a, image: "portrait", selected: [], own: null, ...initial, params: { ...resolveParams(ACTIVATIONS[a as ActivationId] ?? ACTIVATIONS[first]), ...initial?.params } };
  });
  const [upload, setUpload] = useState<{ image: RgbaImage; name: string } | null>(null);
  const [grade, setGrade] = useState<ActivationGrade | null>(null);
  const figure = useRef<HTMLDivElement>(null);
  const [sent, setSent] = useState(false);
  const view = state ?? local;
  const seed = view.seed ?? EXPLORER_SEED;
  const sampling = view.sampling ?? LESSON_SAMPLING;
  const readOnly = locked || !!state;
  const choice: ImageChoice = view.image === "upload" && !upload ? "portrait" : view.image;
  // formula activations: the preset's, then (practice) the student's own
  const presetDefs = config.customs ?? [];
  const own = allowFormula ? view.own ?? null : null;
  const defs = own ? [...presetDefs, own] : presetDefs;
  const built = useFormulaActivations(defs);
  const customs = defs.map((d, i) => ({ id: CUSTOM_KEYS[i], label: i < presetDefs.length ? presetDefs[i].label : tf("name"), formula: d.formula }));
  const customActs = built?.flatMap((b) => (b.ok ? [b.activation] : [])) ?? [];
  const ownKey: CustomKey = CUSTOM_KEYS[presetDefs.length];
  const isCustom = (id: ChoiceId): id is CustomKey => (CUSTOM_KEYS as readonly string[]).includes(id);
  const shownAct = isCustom(view.activation) ? customActs.find((a) => a.id === view.activation) ?? null : ACTIVATIONS[view.activation];
  const shownLabel = customs.find((c) => c.id === view.activation)?.label;

  // Pictures are drawn in the browser only; the panels wait for them.
  const image = useMemo(
    () => (choice === "upload" ? upload!.image : typeof window === "undefined" ? null : makeBundledImage(choice)),
    [choice, upload],
  );
  const imageName = choice === "upload" ? upload!.name : t(`images.${choice}`);

  const progress = useRef(onProgress);
  progress.current = onProgress;
  useEffect(() => {
    if (!state) progress.current?.(local);
  }, [local, state]);

  const update = (patch: Partial<ActivationExplorerState>) => setLocal((s) => ({ ...s, ...patch }));
  const setActivation = (id: ChoiceId) => (isCustom(id) ? update({ activation: id }) : update({ activation: id, params: resolveParams(ACTIVATIONS[id]) }));
  const setOwn = (def: Pick<CustomDef, "formula" | "params">) => { update({ own: def, activation: ownKey, selected: [] }); setGrade(null); };
  const setParam = (name: ParamName, value: number) => setLocal((s) => ({ ...s, params: { ...s.params, [name]: value } }));
  const setSelected = (selected: ChoiceId[]) => {
    update({ selected });
    setGrade(null);
    setSent(false);
  };
  const check = () => {
    const payload: ActivationAnswer = { question: config.question, selected: view.selected };
    if (onSubmit) {
      onSubmit(payload);
      setSent(true);
    } else void import("@/lib/grading/questions").then(({ gradeActivationAnswer }) => setGrade(gradeActivationAnswer(config, payload, customActs)));
  };

  return (
    <div className="act-explorer">
      {showLesson && <LessonText title={t("lesson.title")} paragraphs={LESSON.map((k) => t(`lesson.${k}`))} />}
      <section className="card act-settings" aria-label={t("controls.title")}>
        <ActivationControls activations={config.activations} activation={view.activation} params={view.params}
          onActivation={setActivation} onParam={setParam} disabled={readOnly} customs={customs} />
        <ImagePicker value={choice} uploadName={upload?.name ?? null} disabled={readOnly}
          onChoose={(image) => update({ image })}
          onUpload={(img, name) => { setUpload({ image: img, name }); update({ image: "upload" }); }} />
        <button type="button" className="secondary" disabled={readOnly} onClick={() => update({ seed: seed >= SEED_MAX ? 0 : seed + 1 })}>
          {t("controls.resample")}
        </button>
        <SampleControls value={sampling} onChange={(next) => update({ sampling: next })} disabled={readOnly} />
      </section>
      {allowFormula && (
        <FormulaInput value={own} built={own && built ? built[presetDefs.length] ?? null : null} onChange={setOwn} disabled={readOnly} />
      )}
      <SampleNote value={sampling} activation={view.activation in ACTIVATIONS ? t(`names.${view.activation as ActivationId}`) : shownLabel ?? ""} />
      <div ref={figure}>
        <ActivationPanels activation={view.activation} act={shownAct} label={shownLabel} params={view.params} image={image} imageName={imageName} seed={seed} sampling={sampling} />
      </div>
      <DownloadFigure target={figure} name={`activation_${view.activation}`} label={tf("panelsFigure")} />
      <ActivationQuestion config={config} customs={customs.filter((c) => customActs.some((a) => a.id === c.id))} selected={view.selected} onChange={setSelected} onCheck={check}
        grade={result ?? grade} sent={sent} mode={onSubmit ? "submit" : "check"} disabled={readOnly} />
    </div>
  );
}
