"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import type { ErrorCode } from "@/lib/edge/forms";
import ConfirmAction from "../forms/ConfirmAction";
import FieldError from "../forms/FieldError";
import { sendJson } from "../forms/sendJson";

interface Student {
  userId: string;
  nickname: string;
  joinedAt: string;
}

/**
 * The class's students: tick some (or all) and remove them with their data, after a confirmation;
 * or export one student's data as JSON. A join flood is cleaned up here in one step.
 */
export default function StudentRemoval({ classId, students }: { classId: string; students: Student[] }) {
  const t = useTranslations("access");
  const router = useRouter();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<ErrorCode | null>(null);
  const [removed, setRemoved] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const all = students.length > 0 && picked.size === students.length;

  function toggle(id: string, on: boolean) {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  }

  async function remove() {
    setBusy(true);
    const res = await sendJson<{ removed: number }>(`/api/classes/${classId}/students`, "DELETE", { userIds: [...picked] });
    setBusy(false);
    if (!res.ok) return setError(res.error);
    setError(null);
    setRemoved(res.body.removed);
    setPicked(new Set());
    router.refresh();
  }

  return (
    <section className="card stack" aria-labelledby="students-title" data-testid="student-removal">
      <h2 id="students-title">{t("studentsTitle", { count: students.length })}</h2>
      <p className="muted">{t("removeHint")}</p>
      {students.length === 0 ? (
        <p className="muted">{t("noStudents")}</p>
      ) : (
        <>
          <label>
            <input type="checkbox" checked={all} onChange={(e) => setPicked(e.target.checked ? new Set(students.map((s) => s.userId)) : new Set())} /> {t("selectAll")}
          </label>
          <ul className="stack dash-plain">
            {students.map((s) => (
              <li key={s.userId} className="dash-row">
                <label>
                  <input type="checkbox" checked={picked.has(s.userId)} onChange={(e) => toggle(s.userId, e.target.checked)} /> {s.nickname}
                </label>
                <a href={`/api/classes/${classId}/students/${s.userId}`} download aria-label={`${t("export")}: ${s.nickname}`}>
                  {t("export")}
                </a>
              </li>
            ))}
          </ul>
          <ConfirmAction
            label={t("removeSelected", { count: picked.size })}
            question={t("removeQuestion", { count: picked.size })}
            confirmLabel={t("removeConfirm")}
            cancelLabel={t("cancel")}
            onConfirm={remove}
            disabled={busy || picked.size === 0}
          />
        </>
      )}
      <FieldError code={error} />
      {removed !== null && <p role="status" className="tr-ok">{t("removed", { count: removed })}</p>}
    </section>
  );
}
