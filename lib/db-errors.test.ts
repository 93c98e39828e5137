import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "./db-errors";

// Shapes as seen from Prisma 6.19 + @prisma/adapter-pg when a PostgreSQL was stopped (pg_ctl stop -m fast).
const terminated = { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { originalCode: "57P01", kind: "postgres", code: "57P01" } } } };
const unreachable = { name: "PrismaClientKnownRequestError", code: "P2010", meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 4650 } } } };
const p1001 = { name: "PrismaClientKnownRequestError", code: "P1001", meta: { modelName: "User" } };

describe("isDatabaseUnavailable", () => {
  it("recognises a stopped or unreachable PostgreSQL however the driver reports it", () => {
    for (const e of [terminated, unreachable, p1001, { code: "ECONNREFUSED" }, { message: "Connection terminated unexpectedly" }, { cause: { code: "57P03" } }]) {
      expect(isDatabaseUnavailable(e)).toBe(true);
    }
  });
  it("does not take a request's own fault for an outage", () => {
    const unique = { code: "P2002", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } };
    for (const e of [unique, { cause: { code: "23505" } }, new Error("boom"), { code: "P2025" }, null, "ECONNREFUSED"]) {
      expect(isDatabaseUnavailable(e)).toBe(false);
    }
  });
});
