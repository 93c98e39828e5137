// Instructor sign-up. The browser signs in right after with the same credentials.
import { NextResponse } from "next/server";
import { db } from "@/server/db";
import { isUniqueViolation } from "@/server/errors";
import { hashPassword } from "@/server/auth/password";
import { errorResponse, handleError, readJson } from "@/server/http/http";
import { signUpSchema } from "@/lib/edge/forms";

export async function POST(req: Request) {
  const input = await readJson(req, signUpSchema);
  if (input.response) return input.response;
  const { name, email, password } = input.data;
  try {
    if (await db.user.findUnique({ where: { email } })) return errorResponse("emailTaken", 409, { email: "emailTaken" });
    const user = await db.user.create({
      data: { role: "INSTRUCTOR", name, email, passwordHash: await hashPassword(password) },
    });
    return NextResponse.json({ id: user.id, name: user.name, email: user.email }, { status: 201 });
  } catch (e) {
    if (isUniqueViolation(e)) return errorResponse("emailTaken", 409, { email: "emailTaken" });
    return handleError(e);
  }
}
