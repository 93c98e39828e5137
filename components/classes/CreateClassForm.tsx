"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { classSchema, firstError } from "@/lib/edge/forms";
import FieldError from "../forms/FieldError";
import { useSend } from "../forms/useSend";
import Form from "../forms/Form";

export default function CreateClassForm() {
  const t = useTranslations("classes");
  const router = useRouter();
  const { error, setError, busy, send } = useSend();

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const parsed = classSchema.safeParse({ name: new FormData(e.currentTarget).get("name") });
    if (!parsed.success) return setError(firstError(parsed.error));
    const made = await send<{ id: string }>("/api/classes", "POST", parsed.data, { leaving: true });
    if (made) router.push(`/classes/${made.id}`);
  }

  return (
    <Form className="stack card" onSubmit={onSubmit} noValidate>
      <label>
        {t("newName")}
        <input name="name" maxLength={100} aria-invalid={!!error} />
      </label>
      <FieldError code={error} />
      <button type="submit" disabled={busy}>
        {t("create")}
      </button>
    </Form>
  );
}
