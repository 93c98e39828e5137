// The one way a client event with an ack is handled: `on(socket, event, handler)`. The payload is
// parsed with the event's schema (clientSchemas, lib/live/protocol.ts), the handler gets its typed
// data and returns the ack's fields, both as the event map says; a DomainError (or any failure)
// becomes `{ ok: false, error }`. A renamed event or field fails the type check here.
import type { ErrorCode } from "@/lib/edge/error-codes";
import { clientSchemas, type ClientAck, type ClientPayload, type ClientToServerEvents } from "@/lib/live/protocol";
import { refusalOf } from "../errors";
import type { HubSocket } from "./socket-types";

type Events = ClientToServerEvents;
/** The events answered on an ack: all but the volatile progress. */
export type AckedEvent = { [E in keyof Events]: [ClientAck<E>] extends [never] ? never : E }[keyof Events];
/** The ack's fields besides `ok`, as the event map says (none for a bare `{ ok: true }`). */
type Answer<E extends AckedEvent> = Omit<Extract<ClientAck<E>, { ok: true }>, "ok">;
type Returns<E extends AckedEvent> = object extends Answer<E> ? Answer<E> | void : Answer<E>;
export type Handler<E extends AckedEvent> = (data: ClientPayload<E>) => Promise<Returns<E>>;
/** The events whose ack is a bare `{ ok: true }` (the controls): their handlers return nothing. */
export type BareEvent = { [E in AckedEvent]: object extends Answer<E> ? E : never }[AckedEvent];

type Reply = (res: { ok: true } | { ok: false; error: ErrorCode }) => void;

/** Handle `event`: its payload parsed with its schema, its ack answered with what `handler` returns. */
export function on<E extends AckedEvent>(socket: HubSocket, event: E, handler: Handler<E>): void {
  listen(socket, event, handler);
}

/** `on` for an event of any one of several names with a bare ack (server/socket/control-events.ts's controls). */
export function onBare<E extends BareEvent>(socket: HubSocket, event: E, handler: (data: ClientPayload<E>) => Promise<void>): void {
  listen(socket, event, handler);
}

function listen<E extends AckedEvent>(socket: HubSocket, event: E, handler: (data: ClientPayload<E>) => Promise<object | void>): void {
  const schema = clientSchemas[event];
  // What arrives is whatever the client sent: the payload is parsed, the ack may be missing.
  const listener = async (payload: unknown, ack?: unknown) => {
    const reply: Reply = typeof ack === "function" ? (res) => ack(res) : () => {};
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return reply({ ok: false, error: "invalidInput" });
    try {
      reply({ ok: true, ...((await handler(parsed.data)) ?? {}) });
    } catch (e) {
      // databaseUnavailable: not stored, not acknowledged as stored: the browser keeps it and sends it again.
      reply({ ok: false, error: refusalOf(e, "live event").code });
    }
  };
  // The one narrowing of the socket layer: socket.io types a listener by a conditional type over the
  // event's name, which TypeScript leaves unresolved for a generic name, so not even a listener
  // typed exactly as the event map says would be accepted. This listener takes what any client may
  // send (unknown, parsed above) and its handler was typed by the map, hence the assertion.
  socket.on(event, listener as Parameters<typeof socket.on<E>>[1]);
}
