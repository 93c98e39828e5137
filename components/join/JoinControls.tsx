"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { joinSettingsSchema, firstError, MAX_CLASS_SIZE, type ErrorCode } from "@/lib/edge/forms";
import ConfirmAction from "../forms/ConfirmAction";
import FieldError from "../forms/FieldError";
import JoinLockSwitch from "./JoinLockSwitch";
import { sendJson } from "../forms/sendJson";
import Form from "../forms/Form";

interface Props {
  classId: string;
  joinCode: string;
  joinLocked: boolean;
  maxStudents: number | null;
  students: number;
}

/** Who may still join: the lock, the class-size cap and the join code (which can be rotated). */
export default function JoinControls({ classId, joinCode, joinLocked, maxStudents, students }: Props) {
  const t = useTranslations("access");
  const router = useRouter();
  const [code, setCode] = useState(joinCode);
  const [capError, setCapError] = useState<ErrorCode | null>(null);
  const [codeError, setCodeError] = useState<ErrorCode | null>(null);
  const [saved, setSaved] = useState(false);
  const [rotated, setRotated] = useState(false);

  async function saveCap(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setSaved(false);
    const raw = String(new FormData(e.currentTarget).get("maxStudents") ?? "").trim();
    const parsed = joinSettingsSchema.safeParse({ maxStudents: raw === "" ? null : Number(raw) });
    if (!parsed.success) return setCapError(firstError(parsed.error));
    const res = await sendJson(`/api/classes/${classId}/joining`, "PATCH", parsed.data);
    if (!res.ok) return setCapError(res.error);
    setCapError(null);
    setSaved(true);
    router.refresh();
  }

  async function rotate() {
    setRotated(false);
    const res = await sendJson<{ joinCode: string }>(`/api/classes/${classId}/join-code`, "POST");
    if (!res.ok) return setCodeError(res.error);
    setCodeError(null);
    setCode(res.body.joinCode);
    setRotated(true);
    router.refresh();
  }

  return (
    <section className="card stack" aria-labelledby="joining-title" data-testid="join-controls">
      <h2 id="joining-title">{t("title")}</h2>
      <p className="muted">{t("intro")}</p>
      <JoinLockSwitch classId={classId} locked={joinLocked} />
      <p className="muted">{t("lockHint")}</p>
      <Form className="stack" onSubmit={saveCap} noValidate>
        <label>
          {t("capLabel")}
          <input name="maxStudents" type="number" inputMode="numeric" min={1} max={MAX_CLASS_SIZE} defaultValue={maxStudents ?? ""} aria-invalid={!!capError} />
        </label>
        <p className="muted">{t("capHint", { students })}</p>
        <FieldError code={capError} />
        {saved && <p role="status" className="tr-ok">{t("saved")}</p>}
        <button type="submit">{t("saveCap")}</button>
      </Form>
      <div className="stack">
        <p>
          {t("codeNow")} <span className="code" data-testid="settings-join-code">{code}</span>
        </p>
        <p className="muted">{t("rotateHint")}</p>
        <ConfirmAction label={t("rotate")} question={t("rotateQuestion")} confirmLabel={t("rotateConfirm")} cancelLabel={t("cancel")} onConfirm={rotate} className="secondary" />
        <FieldError code={codeError} />
        {rotated && <p role="status" className="tr-ok">{t("rotated")}</p>}
      </div>
    </section>
  );
}
