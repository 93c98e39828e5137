"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import FieldError from "../forms/FieldError";
import SelectField from "../forms/SelectField";
import { useSend } from "../forms/useSend";
import Form from "../forms/Form";

export interface LessonChoice { id: string; title: string; exerciseCount: number }

interface Props {
  classId: string;
  lessons: LessonChoice[];
  defaultLessonId?: string;
  /** The class's live session, if one is running: a link to it instead of the form. */
  liveSessionId: string | null;
}

/** On the class page: start a live session from a lesson, or open the one that is running. */
export default function StartSessionForm({ classId, lessons, defaultLessonId, liveSessionId }: Props) {
  const t = useTranslations("live.start");
  const router = useRouter();
  const { error, busy, send } = useSend();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const lessonId = String(new FormData(e.currentTarget).get("lessonId") ?? "");
    const session = await send<{ id: string }>(`/api/classes/${classId}/sessions`, "POST", { lessonId }, { leaving: true });
    if (session) router.push(`/sessions/${session.id}`);
  }

  return (
    <section className="card stack" aria-labelledby="start-session-title">
      <h2 id="start-session-title">{t("title")}</h2>
      {liveSessionId ? (
        <>
          <p>{t("running")}</p>
          <Link className="button live-cta" href={`/sessions/${liveSessionId}`}>
            {t("open")}
          </Link>
        </>
      ) : lessons.length === 0 ? (
        <p className="muted">{t("noLessons")}</p>
      ) : (
        <Form className="stack" onSubmit={onSubmit}>
          <p className="muted">{t("intro")}</p>
          <SelectField label={t("lesson")} name="lessonId" defaultValue={defaultLessonId ?? lessons[0].id}
            options={lessons.map((l) => ({ value: l.id, label: `${l.title} (${t("exerciseCount", { count: l.exerciseCount })})` }))} />
          <FieldError code={error} />
          <button type="submit" className="live-cta" disabled={busy}>
            {busy ? t("starting") : t("submit")}
          </button>
        </Form>
      )}
    </section>
  );
}
