// The next-auth secret: given by AUTH_SECRET (or NEXTAUTH_SECRET); on the embedded default it is
// generated once and kept beside the data; with a real database (a deployment) it is required.
import fs from "node:fs";
import path from "node:path";
import { randomBytes } from "node:crypto";

export function resolveAuthSecret(opts: { given?: string; embedded: boolean; dataDir: string }): string {
  if (opts.given) return opts.given;
  if (!opts.embedded) {
    throw new Error(
      "AUTH_SECRET is required when DATABASE_URL is set. Generate one with:\n" +
        "  node -e \"console.log(require('crypto').randomBytes(32).toString('base64url'))\"",
    );
  }
  const file = path.join(opts.dataDir, "auth-secret");
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret + "\n", { mode: 0o600 });
  return secret;
}
