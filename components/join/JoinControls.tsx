"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { joinSettingsSchema, firstError, MAX_CLASS_SIZE } from "@/lib/edge/forms";
import ConfirmAction from "../forms/ConfirmAction";
import FieldError from "../forms/FieldError";
import JoinLockSwitch from "./JoinLockSwitch";
import { useSend } from "../forms/useSend";
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
  // The cap's form and the code's rotation: each its own error and "done".
  const cap = useSend();
  const codeSend = useSend();

  async function saveCap(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const raw = String(new FormData(e.currentTarget).get("maxStudents") ?? "").trim();
    const parsed = joinSettingsSchema.safeParse({ maxStudents: raw === "" ? null : Number(raw) });
    if (!parsed.success) return cap.setError(firstError(parsed.error));
    if (await cap.send(`/api/classes/${classId}/joining`, "PATCH", parsed.data)) router.refresh();
  }

  async function rotate() {
    const res = await codeSend.send<{ joinCode: string }>(`/api/classes/${classId}/join-code`, "POST");
    if (!res) return;
    setCode(res.joinCode);
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
          <input name="maxStudents" type="number" inputMode="numeric" min={1} max={MAX_CLASS_SIZE} defaultValue={maxStudents ?? ""} aria-invalid={!!cap.error} />
        </label>
        <p className="muted">{t("capHint", { students })}</p>
        <FieldError code={cap.error} />
        {cap.done && <p role="status" className="tr-ok">{t("saved")}</p>}
        <button type="submit">{t("saveCap")}</button>
      </Form>
      <div className="stack">
        <p>
          {t("codeNow")} <span className="code" data-testid="settings-join-code">{code}</span>
        </p>
        <p className="muted">{t("rotateHint")}</p>
        <ConfirmAction label={t("rotate")} question={t("rotateQuestion")} confirmLabel={t("rotateConfirm")} cancelLabel={t("cancel")} onConfirm={rotate} className="secondary" />
        <FieldError code={codeSend.error} />
        {codeSend.done && <p role="status" className="tr-ok">{t("rotated")}</p>}
      </div>
    </section>
  );
}
