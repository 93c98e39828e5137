"use client";
import { memo, useMemo } from "react";
import { useTranslations } from "next-intl";
import type { HelpReason } from "@/lib/board/help-flags";
import { choiceName, choicesOfConfig } from "@/lib/explorer/explorer-choices";
import type { BoardState, BoardTile, TileStatus } from "@/lib/live/session-protocol";
import TileFlag from "./TileFlag";
import TileSparkline from "./TileSparkline";

/** The class' tiles, as the board's grid and its tiles are given them. */
export interface TilesProps {
  tiles: readonly BoardTile[];
  /** The name to show per user id (the nickname, or an alias in projector mode). */
  names: ReadonlyMap<string, string>;
  selected: string | null;
  onOpen(userId: string): void;
  onHighlight(userId: string | null): void;
  /** Why each flagged student needs help (lib/board/tile-flags.ts); none on the projector. */
  flags?: ReadonlyMap<string, readonly HelpReason[]>;
}

interface Props extends TilesProps {
  /** The exercise shown: a formula activation is named by the preset's label. */
  exercise?: BoardState["exercise"];
}

/** Shape as well as colour: the status reads without colour vision. */
const ICONS: Record<TileStatus, string> = { joined: "○", working: "◐", submitted: "●", correct: "✓", disconnected: "×" };

export function StatusChip({ status }: { status: TileStatus }) {
  const t = useTranslations("board.statuses");
  return (
    <span className={`bd-chip bd-${status}`} data-testid="tile-status">
      <span aria-hidden="true">{ICONS[status]}</span> {t(status)}
    </span>
  );
}

const Tile = memo(function Tile({ tile, name, selected, reasons, onOpen, onHighlight, nameOf }: {
  tile: BoardTile; name: string; selected: boolean; reasons?: readonly HelpReason[]; onOpen(id: string): void; onHighlight(id: string | null): void; nameOf(id: string): string;
}) {
  const t = useTranslations("board.tiles");
  const p = tile.progress;
  return (
    <li>
      <button type="button" className={`bd-tile bd-tile-${tile.status}${selected ? " bd-selected" : ""}${reasons ? " tf-flagged" : ""}`} aria-haspopup="dialog"
        data-testid="tile" data-user={tile.userId} data-status={tile.status}
        onClick={() => onOpen(tile.userId)}
        onMouseEnter={() => onHighlight(tile.userId)} onMouseLeave={() => onHighlight(null)}
        onFocus={() => onHighlight(tile.userId)} onBlur={() => onHighlight(null)}>
        <span className="bd-tile-head">
          <strong className="bd-name" data-testid="tile-name">{name}</strong>
          <StatusChip status={tile.status} />
        </span>
        {reasons && <TileFlag reasons={reasons} />}
        {p && p.type !== "ACTIVATION" && (
          <span className="bd-tile-run">
            <TileSparkline progress={p} />
            <span className="muted">{t("epoch", { epoch: p.epoch })}</span>
          </span>
        )}
        {p?.type === "ACTIVATION" && <span className="bd-tile-run" data-testid="tile-activation">{nameOf(p.activation)}</span>}
        <span className="bd-score" data-testid="tile-score">
          {tile.result ? t("score", { score: tile.result.score, max: tile.result.maxScore }) : <span className="muted">{t("noScore")}</span>}
        </span>
      </button>
    </li>
  );
});

/** One tile per student: name, status, accuracy sparkline, score. A tile opens the student's live view. */
export default function BoardTiles({ tiles, names, selected, onOpen, onHighlight, flags, exercise }: Props) {
  const t = useTranslations("board.tiles");
  const fn = useTranslations("explorer.names");
  const config = exercise?.config;
  const nameOf = useMemo(() => { const choices = choicesOfConfig(config); return (id: string) => choiceName(choices, id, (a) => fn(a)); }, [config, fn]);
  if (tiles.length === 0) return <p className="muted">{t("empty")}</p>;
  return (
    <ul className="bd-tiles" data-testid="tiles">
      {tiles.map((tile) => (
        <Tile key={tile.userId} tile={tile} name={names.get(tile.userId) ?? tile.nickname}
          selected={tile.userId === selected} reasons={flags?.get(tile.userId)} onOpen={onOpen} onHighlight={onHighlight} nameOf={nameOf} />
      ))}
    </ul>
  );
}
