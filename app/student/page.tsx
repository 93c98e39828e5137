import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { currentUser } from "@/server/http/http";
import { liveSessionOfClass } from "@/server/live/sessions";
import StudentPresence from "@/components/join/StudentPresence";

export const dynamic = "force-dynamic";

export default async function StudentPage() {
  const user = await currentUser();
  if (!user || user.role !== "STUDENT" || !user.classId) redirect("/");
  const enrollment = await db.enrollment.findUnique({
    where: { classId_userId: { classId: user.classId, userId: user.id } },
    include: { class: true },
  });
  if (!enrollment) redirect("/");
  const t = await getTranslations("student");
  const live = await liveSessionOfClass(enrollment.classId);
  return (
    <section className="card">
      <h1>{t("welcome", { nickname: enrollment.nickname })}</h1>
      <p>{t("inClass", { name: enrollment.class.name })}</p>
      <StudentPresence classId={enrollment.classId} initialSessionId={live?.id ?? null} />
    </section>
  );
}
