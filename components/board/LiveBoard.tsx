"use client";
import { useEffect, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { boardCounts } from "@/lib/board/board";
import { aliasOf, type AliasStyle } from "@/lib/board/aliases";
import { filterTiles, isDense, sameCounts, sameRoster, statusCounts, type TileFilter } from "@/lib/board/board-view";
import { exerciseConfigSchema } from "@/lib/lessons/exercises";
import type { GateId } from "@/lib/nn/gates";
import type { BoardState } from "@/lib/live/session-protocol";
import AccuracyHistogram from "./AccuracyHistogram";
import ActivationBars from "./ActivationBars";
import BoardCounters from "./BoardCounters";
import BoardGrid from "./BoardGrid";
import BoardHeader from "./BoardHeader";
import BoardTiles from "./BoardTiles";
import ClassOverlay from "./ClassOverlay";
import FieldError from "../forms/FieldError";
import HelpCounts from "./HelpCounts";
import HelpList from "./HelpList";
import ProjectorSwitch from "./ProjectorSwitch";
import SessionControls from "./SessionControls";
import StatusBands from "./StatusBands";
import StudentDetail from "./StudentDetail";
import StudentFilters from "./StudentFilters";
import XorClassView from "../xor/XorClassView";
import ExperimentLive from "../experiments/ExperimentLive";
import ExerciseHeading from "./ExerciseHeading";
import { measureFlush, useBoard, type BoardLink } from "./useBoard";
import { useHelpFlags, useHelpTrack } from "./useHelpFlags";
import { useStable } from "./useStable";
import { useBoardNews } from "./useBoardNews";
import { reasonsByStudent } from "@/lib/board/tile-flags";
import { projectorTiles, scoresWithheld, withoutAnswerFlags } from "@/lib/board/projector-view";
import "./board.css";

interface Props {
  sessionId: string;
  className: string;
  /** The projector view: board only, large type, names hidden by default. */
  projector?: boolean;
}

const NO_NAMES: ReadonlyMap<string, string> = new Map();
const NO_TILES: BoardState["tiles"] = [];

/** The class-wide charts for the current exercise type. */
function ClassView({ exercise, tiles, selected, sessionId, projector, link }: { exercise: NonNullable<BoardState["exercise"]>; tiles: BoardState["tiles"]; selected: string | null; sessionId: string; projector: boolean; link: BoardLink }) {
  const parsed = useMemo(() => exerciseConfigSchema.safeParse(exercise.config), [exercise.config]);
  if (!parsed.success) return null;
  const c = parsed.data;
  if (c.type === "ACTIVATION") return <div className="bd-views"><ActivationBars tiles={tiles} activations={c.activations} customs={c.customs} exerciseId={exercise.id} /></div>;
  if (c.type === "XOR") return <XorClassView exercise={exercise} tiles={tiles} selected={selected} sessionId={sessionId} projector={projector} link={link} exerciseLr={c.lr} points={c.customPoints} />;
  // An experiment: the groups compared first (lib/experiments/experiments.ts).
  const experiment = exercise.experiment ? <ExperimentLive experiment={exercise.experiment} tiles={tiles} exerciseLr={c.lr} big={projector} /> : null;
  return <GateViews tiles={tiles} gate={c.gate} selected={selected} experiment={experiment} />;
}

/** A gate exercise's class charts: everyone's decision line, and how many are at each accuracy. */
function GateViews({ tiles, gate, selected, experiment }: { tiles: BoardState["tiles"]; gate: GateId; selected: string | null; experiment: React.ReactNode }) {
  const t = useTranslations("board.accuracyNow");
  const now: number[] = [];
  let done = 0;
  for (const x of tiles) if (x.progress?.type === "GATE") {
    now.push(x.progress.accuracy);
    if (x.progress.accuracy === 1) done++;
  }
  // Formatted when the language or a count changes, not on every flush.
  const text = useMemo(() => ({ title: t("title"), x: t("x"), y: t("y") }), [t]);
  const ariaLabel = useMemo(() => t("aria", { count: now.length, done }), [t, now.length, done]);
  return (
    <div className="bd-views">
      {experiment}
      <ClassOverlay tiles={tiles} gate={gate} selected={selected} />
      <AccuracyHistogram values={now} testId="accuracy-now" title={text.title} xLabel={text.x} yLabel={text.y} ariaLabel={ariaLabel} />
    </div>
  );
}

/**
 * The instructor's live board: the class first (counters, status bands, the class-wide charts),
 * a compact toolbar of controls, then the students: a tile each for a class, a dense filterable
 * grid for a lecture hall; a click opens one student's live view. `projector`: full screen, no
 * controls, large type, names hidden by default.
 */
export default function LiveBoard({ sessionId, className, projector = false }: Props) {
  const t = useTranslations("board");
  const animals = useTranslations("board.animals");
  const help = useHelpTrack();
  const { state, connection, error, control, link } = useBoard(sessionId, help.observe);
  const flags = useHelpFlags(state, help.track);
  useBoardNews(state, flags, !projector);
  // Tiles mark who needs help on the instructor's screen only: the projector counts, never names.
  const tileFlags = useMemo(() => (projector ? undefined : reasonsByStudent(flags)), [flags, projector]);
  const [anon, setAnon] = useState(projector);
  const [style, setStyle] = useState<AliasStyle>("number");
  const [openId, setOpenId] = useState<string | null>(null);
  const [hover, setHover] = useState<string | null>(null);
  const [filter, setFilter] = useState<TileFilter>({ status: "all", query: "" });
  // The projector is seen by the class: under "feedback after the reveal" it shows no score yet.
  const tiles = useMemo(() => (projector && state ? projectorTiles(state.exercise, state.tiles) : state?.tiles), [projector, state]);
  const withheld = projector && scoresWithheld(state?.exercise ?? null);
  // After the children's effects (the charts' drawing): the flush's work is done.
  useEffect(() => {
    if (state) measureFlush();
  }, [state]);

  // Names, presence and order only: new on a join or a rename, not on every progress flush.
  const roster = useStable(tiles ?? NO_TILES, sameRoster);
  // Aliases come from the tile order only, never from the nickname.
  // Without aliases the map stays empty: every reader falls back to the nickname (no 2,000-entry map per flush).
  const names = useMemo(() => (!anon ? NO_NAMES : new Map(roster.map((tile, i) => {
    const a = aliasOf(i);
    if (style === "number") return [tile.userId, t("alias.number", { n: a.n })];
    const animal = animals(a.animal);
    return [tile.userId, a.round > 1 ? t("alias.animalRound", { animal, round: a.round }) : t("alias.animal", { animal })];
  }))), [roster, anon, style, t, animals]);

  // The controls list students too (in projector mode with the same aliases as the tiles); they
  // show no progress, so they follow the session and the roster, not every flush.
  const controlsState = useMemo(
    () => (state ? { ...state, tiles: anon ? roster.map((x) => ({ ...x, nickname: names.get(x.userId) ?? x.nickname })) : roster } : null),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- every field but the tiles, which the roster stands for
    [state?.sessionId, state?.classId, state?.status, state?.paused, state?.exercise, state?.exercises, roster, names, anon],
  );
  const statuses = useStable(statusCounts(tiles ?? NO_TILES), sameCounts);
  const counts = boardCounts(tiles ?? []);
  const ex = state?.exercise ?? null;
  const openTile = tiles?.find((x) => x.userId === openId) ?? null;
  const dense = isDense(tiles?.length ?? 0);
  const shown = useMemo(() => (tiles && dense ? filterTiles(tiles, names, filter) : tiles ?? []), [tiles, dense, names, filter]);

  return (
    <div className={projector ? "bd-board bd-big-type bd-fullscreen" : "bd-board"} data-dense={dense}>
      <BoardHeader sessionId={sessionId} className={className} projector={projector} connection={connection} paused={state?.paused ?? false} />
      <FieldError code={error} />
      {state?.status === "ENDED" && <p className="card error" role="status">{t("status.ended")}</p>}
      {!projector && controlsState && <SessionControls state={controlsState} control={control} />}
      {!projector && state && <HelpList flags={flags} tiles={roster} names={names} exercise={state.exercise} onOpen={setOpenId} />}

      {!state ? (
        <p className="muted">{t("loading")}</p>
      ) : (
        <>
          <section className="bd-class" aria-labelledby="class-title">
            <ExerciseHeading ex={ex} />
            <BoardCounters joined={counts.joined} submitted={counts.submitted} correct={counts.correct} online={counts.online} withheld={withheld} />
            <StatusBands counts={statuses} />
            {projector && <HelpCounts flags={withheld ? withoutAnswerFlags(flags) : flags} />}
            {ex && <ClassView exercise={ex} tiles={tiles ?? []} selected={hover ?? openId} sessionId={sessionId} projector={projector} link={link} />}
          </section>
          <section className="card bd-students" aria-labelledby="tiles-title">
            <div className="bd-students-head">
              <h2 id="tiles-title">{t("tiles.title")}</h2>
              <ProjectorSwitch on={anon} style={style} onChange={(on, s) => { setAnon(on); setStyle(s); }} />
            </div>
            {dense ? (
              <>
                <StudentFilters counts={statuses} total={tiles?.length ?? 0} filter={filter} shown={shown.length} onChange={setFilter} />
                <BoardGrid tiles={shown} names={names} selected={openId} onOpen={setOpenId} onHighlight={setHover} big={projector} flags={tileFlags} />
              </>
            ) : (
              <BoardTiles tiles={tiles ?? []} names={names} selected={openId} onOpen={setOpenId} onHighlight={setHover} flags={tileFlags} exercise={ex} />
            )}
          </section>
          <StudentDetail tile={openTile} name={openTile ? names.get(openTile.userId) ?? openTile.nickname : ""} exercise={ex} onClose={() => setOpenId(null)} />
        </>
      )}
    </div>
  );
}
