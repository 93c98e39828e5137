// The route handlers' shared steps: who asks (a user of a role, or an instructor of the class in the
// address), the JSON body checked against its schema, and a refusal the server throws answered as
// its JSON error (handleError). Each route keeps only what it does.
import type { z } from "zod";
import { classForInstructorApi, userWithRoleApi } from "@/server/auth/access";
import { handleError, readJson } from "@/server/http/http";

/** A route under /[id]/. */
export type IdCtx = { params: Promise<{ id: string }> };
type Role = "INSTRUCTOR" | "STUDENT";
type User = Extract<Awaited<ReturnType<typeof userWithRoleApi>>, { user: unknown }>["user"];
/** The instructor and the class they teach. */
export type ClassAccess = Extract<Awaited<ReturnType<typeof classForInstructorApi>>, { cls: unknown }>;

/** The body as `schema` reads it, given to `act`; a refusal `act` throws becomes its error response. */
async function withInput<S extends z.ZodType>(req: Request, schema: S, act: (data: z.infer<S>) => Promise<Response>): Promise<Response> {
  const input = await readJson(req, schema);
  if (input.response) return input.response;
  try {
    return await act(input.data);
  } catch (e) {
    return handleError(e);
  }
}

/** A signed-in user of `role` sending `schema`'s JSON (else 401 / 403 / 400 / 415). */
export async function roleInput<S extends z.ZodType>(req: Request, role: Role, schema: S, act: (user: User, data: z.infer<S>) => Promise<Response>): Promise<Response> {
  const auth = await userWithRoleApi(role);
  if (auth.response) return auth.response;
  return withInput(req, schema, (data) => act(auth.user, data));
}

/** An instructor of the class in the address (else 401 / 403). */
export async function classAccess(ctx: IdCtx, act: (access: ClassAccess) => Promise<Response>): Promise<Response> {
  const access = await classForInstructorApi((await ctx.params).id);
  if (access.response) return access.response;
  return act(access);
}

/** An instructor of the class in the address sending `schema`'s JSON. */
export function classInput<S extends z.ZodType>(req: Request, ctx: IdCtx, schema: S, act: (access: ClassAccess, data: z.infer<S>) => Promise<Response>): Promise<Response> {
  return classAccess(ctx, (access) => withInput(req, schema, (data) => act(access, data)));
}
