// The session token's encryption (next-auth 4's JWE: "dir" + A256GCM under a key derived from the
// secret by HKDF-SHA256), with the derived key computed once per secret instead of once per token.
// next-auth's own `encode`/`decode` (next-auth/jwt) derive the key again for every token: once per
// join (the cookie) and again per socket handshake and per route request (the read). Measured: an
// encode plus a decode 0.21-0.29 -> 0.07-0.12 ms of CPU (docs/performance.md, "Memory and joins").
// The tokens are byte-for-byte what next-auth makes and reads (same key, header, claims, clock
// tolerance): `authOptions.jwt` (server/auth/auth.ts), the join's cookie (server/auth/session-cookie.ts)
// and the socket handshake (server/socket/hub.ts) use these two, and next-auth's own decode reads
// what they write (server/auth/jwe.test.ts).
import { hkdf, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

/** next-auth's default maxAge (30 days), when none is given. */
const DEFAULT_MAX_AGE_S = 30 * 24 * 60 * 60;

const keys = new Map<string, Promise<Uint8Array>>();

/** next-auth's getDerivedEncryptionKey, once per (secret, salt). */
function derivedKey(secret: string | Buffer, salt = ""): Promise<Uint8Array> {
  const id = `${salt}\u0000${typeof secret === "string" ? secret : secret.toString("base64")}`;
  let key = keys.get(id);
  if (!key) {
    const info = `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`;
    key = new Promise((resolve, reject) => hkdf("sha256", secret, salt, info, 32, (e, bits) => (e ? reject(e) : resolve(new Uint8Array(bits)))));
    keys.set(id, key);
    key.catch(() => keys.delete(id));
  }
  return key;
}

/** As next-auth's `encode`: the token, issued now, expiring after maxAge, with a random jti. */
export async function encodeJwe({ token, secret, maxAge = DEFAULT_MAX_AGE_S, salt = "" }: JWTEncodeParams): Promise<string> {
  const now = (Date.now() / 1000) | 0;
  return new EncryptJWT(token ?? {}).setProtectedHeader({ alg: "dir", enc: "A256GCM" }).setIssuedAt().setExpirationTime(now + maxAge).setJti(randomUUID()).encrypt(await derivedKey(secret, salt));
}

/** As next-auth's `decode`: the claims, or a thrown error for a token that does not decrypt or has expired. */
export async function decodeJwe({ token, secret, salt = "" }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
