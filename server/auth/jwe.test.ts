// The session token with the derived key kept (server/auth/jwe.ts) is next-auth's own: each side
// reads what the other writes, a token under another secret or altered in transit is refused, and an
// expired one too. So cookies issued before the change keep working, and those issued after it work
// with anything that still calls next-auth's decode.
import { describe, expect, it } from "vitest";
import { decode, encode, type JWT } from "next-auth/jwt";
import { decodeJwe, encodeJwe } from "./jwe";

const secret = "a-secret-of-the-right-length-for-the-tests-0123";
const token: JWT = { name: "Mina", sub: "u1", uid: "u1", role: "STUDENT", sv: 0, classId: "c1" };

describe("the session token with the derived key kept", () => {
  it("is read by next-auth's decode, and reads next-auth's encode", async () => {
    const ours = await encodeJwe({ token, secret, maxAge: 60 });
    expect(await decode({ token: ours, secret })).toMatchObject(token);
    const theirs = await encode({ token, secret, maxAge: 60 });
    expect(await decodeJwe({ token: theirs, secret })).toMatchObject(token);
  });

  it("keeps next-auth's header, expiry and a fresh id per token", async () => {
    const a = await encodeJwe({ token, secret, maxAge: 60 });
    const b = await encodeJwe({ token, secret, maxAge: 60 });
    expect(JSON.parse(Buffer.from(a.split(".")[0], "base64url").toString())).toEqual({ alg: "dir", enc: "A256GCM" });
    const [ca, cb] = [await decodeJwe({ token: a, secret }), await decodeJwe({ token: b, secret })];
    expect(ca!.jti).not.toBe(cb!.jti);
    expect((ca!.exp as number) - (ca!.iat as number)).toBe(60);
  });

  it("refuses a token under another secret, an altered one and an expired one", async () => {
    const good = await encodeJwe({ token, secret, maxAge: 60 });
    await expect(decodeJwe({ token: good, secret: `${secret}-other` })).rejects.toThrow();
    const parts = good.split(".");
    parts[3] = parts[3].startsWith("A") ? `B${parts[3].slice(1)}` : `A${parts[3].slice(1)}`;
    await expect(decodeJwe({ token: parts.join("."), secret })).rejects.toThrow();
    const old = await encodeJwe({ token, secret, maxAge: -60 }); // expired a minute ago, past the 15 s tolerance
    await expect(decodeJwe({ token: old, secret })).rejects.toThrow();
  });

  it("derives a salted token's key as next-auth does", async () => {
    const ours = await encodeJwe({ token, secret, salt: "next-auth.session-token", maxAge: 60 });
    expect(await decode({ token: ours, secret, salt: "next-auth.session-token" })).toMatchObject(token);
    await expect(decode({ token: ours, secret })).rejects.toThrow();
  });
});
