import { NextResponse } from "next/server";
import { databaseAnswers, redisState } from "@/server/http/health";

export const dynamic = "force-dynamic";

/**
 * For load balancers and the instructor's outage banner: is the database answering, and (with
 * several nodes) is this node connected to Redis. 503 while the database is not there.
 */
export async function GET() {
  const db = (await databaseAnswers()) ? "up" : "down";
  return NextResponse.json({ db, redis: redisState() }, { status: db === "up" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
