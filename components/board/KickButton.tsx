"use client";
import { useTranslations } from "next-intl";
import FieldError from "../forms/FieldError";
import ConfirmAction from "../forms/ConfirmAction";
import { useControlAction, type Control } from "./useControlAction";

/** "Remove {name}" with an in-place confirmation; usable on a board tile. */
export default function KickButton({ sessionId, userId, nickname, control, disabled }: { sessionId: string; userId: string; nickname: string; control: Control; disabled?: boolean }) {
  const t = useTranslations("controls");
  const { busy, result, run } = useControlAction(control);
  return (
    <>
      <ConfirmAction label={t("kickNamed", { name: nickname })} question={t("kickConfirm", { name: nickname })}
        confirmLabel={t("kickYes")} cancelLabel={t("cancel")} disabled={disabled || busy}
        onConfirm={() => void run("control:kick", { sessionId, userId })} />
      <FieldError code={result && !result.ok ? result.error : null} />
    </>
  );
}
