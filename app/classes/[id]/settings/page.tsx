import { getTranslations } from "next-intl/server";
import { classForInstructorPage } from "@/server/auth/access";
import { instructorsOf } from "@/server/join/instructors";
import ClassNav from "@/components/classes/ClassNav";
import CoInstructorForm from "@/components/classes/CoInstructorForm";
import RemoveInstructorButton from "@/components/classes/RemoveInstructorButton";
import DeleteClassButton from "@/components/classes/DeleteClassButton";
import JoinControls from "@/components/join/JoinControls";
import StudentRemoval from "@/components/join/StudentRemoval";
import { roster } from "@/server/join/classes";
import { joinSettings } from "@/server/join/join-controls";

export const dynamic = "force-dynamic";

/** The class's instructors (add / remove co-instructors) and, for its owner, deleting it. */
export default async function ClassSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { cls, user } = await classForInstructorPage((await params).id);
  const t = await getTranslations("team");
  const [{ owner, coInstructors }, joining, students] = await Promise.all([instructorsOf(cls.id), joinSettings(cls.id), roster(cls.id)]);
  return (
    <>
      <h1>{t("title", { name: cls.name })}</h1>
      <ClassNav classId={cls.id} />
      <section className="card" aria-labelledby="team-title">
        <h2 id="team-title">{t("instructors")}</h2>
        <ul className="stack dash-plain" data-testid="instructors">
          <li>
            {owner.name} <span className="muted">({owner.email}) · {t("owner")}</span>
          </li>
          {coInstructors.map((c) => (
            <li key={c.id} className="dash-row">
              <span>
                {c.name} <span className="muted">({c.email}) · {t("coInstructor")}</span>
              </span>
              <RemoveInstructorButton classId={cls.id} userId={c.id} name={c.name} />
            </li>
          ))}
        </ul>
      </section>
      <CoInstructorForm classId={cls.id} />
      <JoinControls classId={cls.id} {...joining} />
      <StudentRemoval classId={cls.id} students={students} />
      <section className="card" aria-labelledby="delete-title">
        <h2 id="delete-title">{t("deleteTitle")}</h2>
        {cls.ownerId === user.id ? (
          <>
            <p className="muted">{t("deleteHint")}</p>
            <DeleteClassButton classId={cls.id} />
          </>
        ) : (
          <p className="muted">{t("ownerOnly", { owner: owner.name })}</p>
        )}
      </section>
    </>
  );
}
