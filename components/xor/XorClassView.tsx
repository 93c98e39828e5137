"use client";
import type { BoardState } from "@/lib/live/session-protocol";
import ClassOverlay from "../board/ClassOverlay";
import ExperimentLive from "../experiments/ExperimentLive";
import type { BoardLink } from "../board/useBoard";
import type { LabelledPoint } from "@/lib/nn/custom-points";
import { useXorProof } from "./useXorProof";
import XorHistograms from "./XorHistograms";
import XorProofPanel from "./XorProofPanel";

interface Props {
  exercise: NonNullable<BoardState["exercise"]>;
  tiles: BoardState["tiles"];
  selected: string | null;
  sessionId: string;
  projector: boolean;
  link: BoardLink;
  exerciseLr: number;
  /** The exercise's own points (its preset's `customPoints`): the networks' training set, drawn instead of XOR's four. */
  points?: readonly LabelledPoint[];
}

/**
 * The board's class view of an XOR exercise: the experiment (an activation experiment compares the
 * groups on their graded two-layer runs, from the XOR proof's view), the class's single-perceptron
 * histograms and lines, then the XOR proof and the hidden layer.
 */
export default function XorClassView({ exercise, tiles, selected, sessionId, projector, link, exerciseLr, points }: Props) {
  const proof = useXorProof(sessionId, link);
  const ex = exercise.experiment;
  return (
    <>
      <div className="bd-views">
        {ex && <ExperimentLive experiment={ex} tiles={tiles} exerciseLr={exerciseLr} big={projector}
          netRuns={ex.variable === "activation" ? proof.view?.net.runs ?? [] : undefined} />}
        <XorHistograms tiles={tiles} />
        <ClassOverlay tiles={tiles} gate="XOR" selected={selected} />
      </div>
      <XorProofPanel proof={proof} projector={projector} points={points} />
    </>
  );
}
