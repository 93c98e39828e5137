// Environment, validated once (the create-t3-app way): a bad value stops start-up with a clear message.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL")
    .optional(),
  PGLITE_DIR: z.string().optional(),
  REDIS_URL: z.string().regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// URL").optional(),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
  SEED_DEMO: z.enum(["0", "1"]).optional(),
  /** Other origins (comma-separated) that may call the API and open sockets, besides the app's own. */
  ALLOWED_ORIGINS: z
    .string()
    .refine((s) => s.split(",").map((x) => x.trim()).filter(Boolean).every((x) => URL.canParse(x) && /^https?:/.test(x)), "ALLOWED_ORIGINS must be comma-separated http(s):// origins")
    .optional(),
  /** 1: behind a reverse proxy; the client's address is the first X-Forwarded-For entry. */
  TRUST_PROXY: z.enum(["0", "1"]).optional(),
  /** Multiplies every rate limit's allowance (load tests); 1 by default. */
  RATE_LIMIT_FACTOR: z.coerce.number().positive().max(1_000_000).default(1),
});

export type Env = z.infer<typeof schema>;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const blank = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  if (blank.NEXTAUTH_SECRET && !blank.AUTH_SECRET) blank.AUTH_SECRET = blank.NEXTAUTH_SECRET;
  const parsed = schema.safeParse(blank);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}
