import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { db } from "@/server/db";
import { classForInstructorPage } from "@/server/auth/access";
import { cellsOf, dashboardColumns } from "@/server/dashboard/dashboard";
import { studentSubmissions } from "@/server/dashboard/progress";
import ClassNav from "@/components/classes/ClassNav";
import ProgressTable from "@/components/dashboard/ProgressTable";
import { SubmissionsSection } from "@/components/dashboard/SubmissionList";

export const dynamic = "force-dynamic";

/** An instructor's view of one student: their row of the dashboard and every submission, replayed. */
export default async function StudentWorkPage({ params }: { params: Promise<{ id: string; userId: string }> }) {
  const { id, userId } = await params;
  const { cls } = await classForInstructorPage(id);
  const enrollment = await db.enrollment.findUnique({ where: { classId_userId: { classId: cls.id, userId } } });
  if (!enrollment) redirect("/denied");
  const t = await getTranslations("progress");
  const [columns, cells, items] = await Promise.all([dashboardColumns(cls.id), cellsOf(cls.id, [userId]), studentSubmissions(cls.id, userId)]);
  return (
    <>
      <h1>{t("studentTitle", { nickname: enrollment.nickname })}</h1>
      <ClassNav classId={cls.id} />
      <section aria-labelledby="scores-title">
        <h2 id="scores-title">{t("scores")}</h2>
        <ProgressTable columns={columns} cells={cells} />
      </section>
      <SubmissionsSection title={t("submissions")} items={items} order={columns.map((c) => c.id)} />
    </>
  );
}
