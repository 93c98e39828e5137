// The revocation module names the hub's rooms itself (it is loaded by route handlers, which must not
// pull in the live engine); this keeps the names in step with server/socket/live.ts. The class and staff
// rooms (private to server/socket/hub.ts) are checked end to end by server/auth/revocation.test.ts.
import { describe, expect, it } from "vitest";
import { boardRoom, sessionRoom, userRoom } from "../socket/live";
import { rooms } from "./revocation";

describe("revocation room names", () => {
  it("match the live engine's", () => {
    expect(rooms.session("s1")).toBe(sessionRoom("s1"));
    expect(rooms.board("s1")).toBe(boardRoom("s1"));
    expect(rooms.user("u1")).toBe(userRoom("u1"));
  });
});
