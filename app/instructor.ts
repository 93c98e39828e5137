import { redirect } from "next/navigation";
import { currentUser } from "@/server/http/http";

/** Instructor pages: the signed-in instructor; anyone else goes to sign in. */
export async function instructorOrSignIn() {
  const user = await currentUser();
  if (!user || user.role !== "INSTRUCTOR") redirect("/signin");
  return user;
}
