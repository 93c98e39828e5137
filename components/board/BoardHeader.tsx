"use client";
import { memo } from "react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import ConnectionBadge from "../live/ConnectionBadge";
import FullScreenButton from "./FullScreenButton";
import type { ConnectionState } from "../live/useSocket";

interface Props { sessionId: string; className: string; projector: boolean; connection: ConnectionState; paused: boolean }

/** The board's title row: the class, the connection, a paused chip and the projector link. Rendered only when one of them changes. */
export default memo(function BoardHeader({ sessionId, className, projector, connection, paused }: Props) {
  const t = useTranslations("board");
  return (
    <header className="bd-head">
      <div>
        <p className="muted bd-kicker">{projector ? t("projectorTitle") : t("title")}</p>
        <h1>{className}</h1>
      </div>
      <div className="bd-head-side">
        <ConnectionBadge state={connection} />
        {paused && <span className="bd-chip bd-paused" data-testid="paused"><span aria-hidden="true">❚❚</span> {t("status.paused")}</span>}
        {projector ? (
          <>
            <FullScreenButton />
            <Link href={`/sessions/${sessionId}`}>{t("backToBoard")}</Link>
          </>
        ) : <Link href={`/sessions/${sessionId}/projector`} target="_blank">{t("openProjector")}</Link>}
      </div>
    </header>
  );
});
