"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { coInstructorSchema, firstError } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { useSend } from "../forms/useSend";
import Form from "../forms/Form";

/** Add a co-instructor to the class by the email of their instructor account. */
export default function CoInstructorForm({ classId }: { classId: string }) {
  const t = useTranslations("team");
  const router = useRouter();
  const { error, setError, busy, done, send } = useSend();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const parsed = coInstructorSchema.safeParse({ email: new FormData(form).get("email") });
    if (!parsed.success) return setError(firstError(parsed.error));
    if (!(await send(`/api/classes/${classId}/instructors`, "POST", parsed.data))) return;
    form.reset();
    router.refresh();
  }

  return (
    <Form className="card stack" onSubmit={onSubmit} noValidate aria-labelledby="add-title">
      <h2 id="add-title">{t("addTitle")}</h2>
      <p className="muted">{t("addHint")}</p>
      <label>
        {t("email")}
        <input type="email" name="email" autoComplete="off" maxLength={254} aria-invalid={!!error} />
      </label>
      <FieldError code={error} />
      {done && <p role="status" className="tr-ok">{t("added")}</p>}
      <button type="submit" disabled={busy}>{t("add")}</button>
    </Form>
  );
}
