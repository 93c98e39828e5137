"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { assignmentSchema, firstError, type ErrorCode } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";
import Form from "../forms/Form";

/** Open a lesson as homework: the lesson and a due date (the browser's local time, sent as ISO). */
export default function AssignHomeworkForm({ classId, lessons }: { classId: string; lessons: { id: string; title: string }[] }) {
  const t = useTranslations("homework");
  const router = useRouter();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(false);
    const form = new FormData(e.currentTarget);
    const local = String(form.get("dueAt") ?? "");
    const due = local ? new Date(local) : null;
    const parsed = assignmentSchema.safeParse({ lessonId: form.get("lessonId"), dueAt: due && !isNaN(due.getTime()) ? due.toISOString() : "" });
    if (!parsed.success) return setError(firstError(parsed.error));
    setBusy(true);
    const res = await sendJson(`/api/classes/${classId}/assignments`, "POST", { lessonId: parsed.data.lessonId, dueAt: parsed.data.dueAt.toISOString() });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setDone(true);
    router.refresh();
  }

  return (
    <Form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="assign-title">
      <h2 id="assign-title">{t("assignTitle")}</h2>
      <label>
        {t("lesson")}
        <select name="lessonId" defaultValue={lessons[0]?.id}>
          {lessons.map((l) => (
            <option key={l.id} value={l.id}>{l.title}</option>
          ))}
        </select>
      </label>
      <label>
        {t("dueAt")}
        <input type="datetime-local" name="dueAt" required aria-invalid={error === "dueDateInvalid"} />
      </label>
      <FieldError code={error} />
      {done && <p role="status" className="tr-ok">{t("assigned")}</p>}
      <button type="submit" disabled={busy}>{t("assign")}</button>
    </Form>
  );
}
