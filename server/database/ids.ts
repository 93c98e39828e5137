// Ids for rows written in raw SQL (the hot join and enter statements), shaped like Prisma's cuid():
// 25 characters, "c" first, 124 random bits.
import { randomBytes } from "node:crypto";

export function newId(): string {
  return "c" + BigInt("0x" + randomBytes(16).toString("hex")).toString(36).padStart(25, "0").slice(-24);
}
