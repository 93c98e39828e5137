"use client";
import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { gridColumns, visibleRows } from "@/lib/board/board-view";
import type { HelpReason } from "@/lib/board/help-flags";
import type { BoardTile, TileStatus } from "@/lib/live/session-protocol";
import TileFlag from "./TileFlag";
import type { TilesProps } from "./BoardTiles";

interface Props extends TilesProps {
  /** Larger cells (projector). */
  big?: boolean;
}

const ICONS: Record<TileStatus, string> = { joined: "○", working: "◐", submitted: "●", correct: "✓", disconnected: "×" };
const GAP = 4;

/** The student's current accuracy (gate and XOR runs) in whole percent, or null. */
function percentOf(t: BoardTile): number | null {
  const p = t.progress;
  return p && p.type !== "ACTIVATION" ? Math.round(p.accuracy * 100) : null;
}
/** What a cell shows after its name: the score once submitted, else the accuracy. */
function scoreOf(t: BoardTile, percent: number | null): string {
  return t.result ? `${t.result.score}/${t.result.maxScore}` : percent !== null ? `${percent}%` : "";
}

interface CellProps {
  tile: BoardTile; name: string; statusLabel: string; selected: boolean; reasons?: readonly HelpReason[]; flagLabel?: string;
  onOpen(id: string): void; onHighlight(id: string | null): void;
}

/**
 * A cell is redrawn only when what it shows changes: every progress batch brings each student a new
 * tile, but most cells keep their status, score and accuracy from one batch to the next.
 */
function sameCell(a: CellProps, b: CellProps): boolean {
  if (a.tile !== b.tile) {
    if (a.tile.userId !== b.tile.userId || a.tile.status !== b.tile.status) return false;
    const pa = percentOf(a.tile);
    const pb = percentOf(b.tile);
    if (pa !== pb || scoreOf(a.tile, pa) !== scoreOf(b.tile, pb)) return false;
  }
  return a.name === b.name && a.statusLabel === b.statusLabel && a.selected === b.selected && a.reasons === b.reasons
    && a.flagLabel === b.flagLabel && a.onOpen === b.onOpen && a.onHighlight === b.onHighlight;
}

// Cells format nothing themselves (no message lookups per cell): the status words come from the grid.
const Cell = memo(function Cell({ tile, name, statusLabel, selected, reasons, flagLabel, onOpen, onHighlight }: CellProps) {
  const percent = percentOf(tile);
  const score = scoreOf(tile, percent);
  return (
    <button type="button" className={`bd-cell bd-cell-${tile.status}${selected ? " bd-selected" : ""}${reasons ? " tf-flagged" : ""}`} data-testid="grid-cell"
      data-user={tile.userId} data-status={tile.status} aria-haspopup="dialog"
      aria-label={`${name}: ${statusLabel}${score ? `, ${score}` : ""}${flagLabel ? `, ${flagLabel}` : ""}`}
      onClick={() => onOpen(tile.userId)} onMouseEnter={() => onHighlight(tile.userId)} onMouseLeave={() => onHighlight(null)}>
      <span className="bd-cell-icon" aria-hidden="true">{ICONS[tile.status]}</span>
      {reasons && <TileFlag reasons={reasons} compact />}
      <span className="bd-cell-name" data-testid="grid-name">{name}</span>
      <span className="bd-cell-score" aria-hidden="true">{score}</span>
      {percent !== null && <span className="bd-cell-bar" aria-hidden="true" style={{ width: `${percent}%` }} />}
    </button>
  );
}, sameCell);

/**
 * Every student as a small cell (status, name, accuracy or score), virtualised: only the rows in
 * view are in the page, so 2,000 students cost what 100 do. A click opens the student's live view.
 */
export default function BoardGrid({ tiles, names, selected, onOpen, onHighlight, big = false, flags }: Props) {
  const t = useTranslations("board.grid");
  const th = useTranslations("help");
  const flagLabel = (reasons: readonly HelpReason[] | undefined) =>
    reasons && th("tile.aria", { reasons: reasons.map((r) => th(`short.${r}`)).join(", ") });
  const st = useTranslations("board.statuses");
  // Looked up once per language, not on every flush.
  const labels = useMemo<Record<TileStatus, string>>(() => ({ joined: st("joined"), working: st("working"), submitted: st("submitted"), correct: st("correct"), disconnected: st("disconnected") }), [st]);
  const regionLabel = useMemo(() => t("label", { count: tiles.length }), [t, tiles.length]);
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(900);
  const [height, setHeight] = useState(480);
  const [top, setTop] = useState(0);
  const cellW = big ? 200 : 172;
  const rowH = big ? 46 : 36;

  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const measure = () => {
      setWidth(el.clientWidth);
      setHeight(el.clientHeight);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const frame = useRef(0);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const onScroll = () => {
    cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => setTop(box.current?.scrollTop ?? 0));
  };

  const columns = gridColumns(width - 8, cellW, GAP);
  const { first, last, rows } = visibleRows(tiles.length, columns, rowH, top, height);
  const shown = tiles.slice(first * columns, last * columns);

  return (
    <div ref={box} className={big ? "bd-grid bd-grid-big" : "bd-grid"} onScroll={onScroll} role="region" aria-label={regionLabel}
      tabIndex={-1} data-testid="student-grid" data-count={tiles.length}>
      <div style={{ height: rows * rowH, position: "relative" }}>
        <div className="bd-grid-rows" style={{ transform: `translateY(${first * rowH}px)`, gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`, gridAutoRows: rowH - GAP, gap: GAP }}>
          {shown.map((tile) => (
            <Cell key={tile.userId} tile={tile} name={names.get(tile.userId) ?? tile.nickname} statusLabel={labels[tile.status]} selected={tile.userId === selected}
              reasons={flags?.get(tile.userId)} flagLabel={flagLabel(flags?.get(tile.userId))} onOpen={onOpen} onHighlight={onHighlight} />
          ))}
        </div>
      </div>
    </div>
  );
}
