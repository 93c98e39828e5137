"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { assignmentSchema, firstError } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import SelectField from "../forms/SelectField";
import { useSend } from "../forms/useSend";
import Form from "../forms/Form";

/** Open a lesson as homework: the lesson and a due date (the browser's local time, sent as ISO). */
export default function AssignHomeworkForm({ classId, lessons }: { classId: string; lessons: { id: string; title: string }[] }) {
  const t = useTranslations("homework");
  const router = useRouter();
  const { error, setError, busy, done, send } = useSend();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const local = String(form.get("dueAt") ?? "");
    const due = local ? new Date(local) : null;
    const parsed = assignmentSchema.safeParse({ lessonId: form.get("lessonId"), dueAt: due && !isNaN(due.getTime()) ? due.toISOString() : "" });
    if (!parsed.success) return setError(firstError(parsed.error));
    if (await send(`/api/classes/${classId}/assignments`, "POST", { lessonId: parsed.data.lessonId, dueAt: parsed.data.dueAt.toISOString() })) router.refresh();
  }

  return (
    <Form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="assign-title">
      <h2 id="assign-title">{t("assignTitle")}</h2>
      <SelectField label={t("lesson")} name="lessonId" defaultValue={lessons[0]?.id} options={lessons.map((l) => ({ value: l.id, label: l.title }))} />
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
