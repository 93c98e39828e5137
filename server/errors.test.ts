import { describe, expect, it } from "vitest";
import { DomainError, isDatabaseUnavailable, isForeignKeyViolation, isUniqueViolation, RateLimited, refusalOf } from "./errors";

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

// Shapes of a unique-constraint refusal: PostgreSQL through @prisma/adapter-pg, PGlite through its adapter.
const pgUnique = { name: "PrismaClientKnownRequestError", code: "P2002", meta: { modelName: "Enrollment" } };
const pgliteUnique = { name: "DriverAdapterError", cause: { originalCode: "23505", kind: "postgres" } };
const wrappedUnique = { code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23505" } } } };

describe("driver errors", () => {
  it("a unique violation is one thing in both storage modes", () => {
    for (const e of [pgUnique, pgliteUnique, wrappedUnique, { cause: { kind: "UniqueConstraintViolation" } }]) expect(isUniqueViolation(e)).toBe(true);
    for (const e of [terminated, { code: "P2003" }, new Error("23505"), null]) expect(isUniqueViolation(e)).toBe(false);
  });
  it("a foreign-key violation is not a unique one", () => {
    expect(isForeignKeyViolation({ cause: { originalCode: "23503" } })).toBe(true);
    expect(isUniqueViolation({ cause: { originalCode: "23503" } })).toBe(false);
  });
});

describe("refusalOf, the one translator", () => {
  it("tells the client the code and status it should see, never driver text", () => {
    expect(refusalOf(new DomainError("forbidden", 403), "t")).toEqual({ status: 403, code: "forbidden" });
    expect(refusalOf(new RateLimited(7), "t")).toEqual({ status: 429, code: "rateLimited", retryAfterS: 7 });
    expect(refusalOf(pgliteUnique, "t")).toEqual({ status: 409, code: "invalidInput" });
    expect(refusalOf(pgUnique, "join", "nicknameTaken")).toEqual({ status: 409, code: "nicknameTaken" });
    expect(refusalOf(unreachable, "t")).toEqual({ status: 503, code: "databaseUnavailable" });
  });
  it("logs what it does not know and answers serverError", () => {
    const logged: unknown[] = [];
    const orig = console.error;
    console.error = (...a: unknown[]) => void logged.push(a);
    try {
      expect(refusalOf(new Error("secret driver text"), "route")).toEqual({ status: 500, code: "serverError" });
    } finally {
      console.error = orig;
    }
    expect(logged).toHaveLength(1);
  });
});
