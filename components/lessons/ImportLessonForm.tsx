"use client";
import { useId, useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import type { Refused } from "@/lib/lessons/lesson-file";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";
import Form from "../forms/Form";

interface Imported { id: string; title: string; count: number; refused: Refused[] }

/** Pick a lesson file (JSON): it becomes a new lesson; what the server refused is listed with the reason. */
export default function ImportLessonForm() {
  const t = useTranslations("lessonFile");
  const router = useRouter();
  const id = useId();
  const [error, setError] = useState<ErrorCode | null>(null);
  const [done, setDone] = useState<Imported | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setDone(null);
    const file = (new FormData(e.currentTarget).get("file") as File | null);
    if (!file || file.size === 0) return setError("lessonFileInvalid");
    let data: unknown;
    try { data = JSON.parse(await file.text()); } catch { return setError("lessonFileInvalid"); }
    setBusy(true);
    const res = await sendJson<Imported>("/api/lessons/import", "POST", data);
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setDone(res.body);
    router.refresh();
  }

  return (
    <Form className="card stack" onSubmit={onSubmit} aria-labelledby={`${id}-title`} data-testid="import-lesson">
      <h2 id={`${id}-title`}>{t("importTitle")}</h2>
      <p className="muted">{t("importHint")}</p>
      <label>
        {t("file")}
        <input type="file" name="file" accept="application/json,.json" />
      </label>
      <div><button type="submit" disabled={busy}>{t("import")}</button></div>
      <FieldError code={error} />
      {done && (
        <div role="status" data-testid="import-result">
          <p>{t("imported", { title: done.title, count: done.count })}</p>
          {done.refused.length > 0 && (
            <>
              <p>{t("refusedTitle")}</p>
              <ul>
                {done.refused.map((r) => (
                  <li key={r.position}>
                    {t("refusedItem", { position: r.position, reason: t(`reasons.${r.reason}`) })}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </Form>
  );
}
