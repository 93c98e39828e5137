// Integration: how a page connects (lib/live/transports.ts). On a network that lets WebSockets through,
// the socket opens as a WebSocket straight away, with no long-polling first; on one that blocks
// them (a proxy answering the upgrade with 403), the same options fall back to long-polling and
// the student still gets into the class.
import http from "node:http";
import net, { type AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { io } from "socket.io-client";
import { connectTransports, retryWebSocket } from "@/lib/live/transports";
import type { TestSocket } from "../testing/sockets";
import { startWorld } from "../testing/world";
import type { Client } from "../testing/http-client";

/**
 * An HTTP proxy in front of the server that refuses every WebSocket upgrade, as some school networks
 * do; with refuseForMs, only for that long after it starts (a server opening its port after a restart).
 */
function proxyBlockingWebSockets(target: string, refuseForMs = Infinity): Promise<{ url: string; upgrades: number; close(): Promise<void> }> {
  const to = new URL(target);
  const state = { upgrades: 0 };
  const since = Date.now();
  const server = http.createServer((req, res) => {
    const out = http.request({ host: to.hostname, port: to.port, path: req.url, method: req.method, headers: req.headers }, (back) => {
      res.writeHead(back.statusCode ?? 502, back.headers);
      back.pipe(res);
    });
    out.on("error", () => res.destroy());
    req.pipe(out);
  });
  server.on("upgrade", (req, socket, head) => {
    state.upgrades++;
    if (Date.now() - since < refuseForMs) return void socket.end("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
    const back = net.connect(Number(to.port), to.hostname, () => {
      back.write(`${req.method} ${req.url} HTTP/1.1\r\n${Object.entries(req.headers).map(([k, v]) => `${k}: ${v}`).join("\r\n")}\r\n\r\n`);
      back.write(head);
      back.pipe(socket);
      socket.pipe(back);
    });
    back.on("error", () => socket.destroy());
    socket.on("error", () => back.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        get upgrades() {
          return state.upgrades;
        },
        close: () => new Promise<void>((r) => { server.closeAllConnections(); server.close(() => r()); }),
      }),
    ),
  );
}

function open(url: string, student: Client): Promise<TestSocket> {
  const socket: TestSocket = io(url, { extraHeaders: { cookie: student.cookieHeader() }, reconnection: false, forceNew: true, ...connectTransports() });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (e) => {
      socket.close();
      reject(e);
    });
  });
}

describe("connecting as the browser does", () => {
  const made = startWorld();
  /** A student in a class of their own, and the class. */
  const student = async () => {
    const { cls } = await made.world.teacherWithClass();
    return { cls, s: await made.world.student(cls.joinCode) };
  };

  it("opens a WebSocket at once, without long-polling first, and the student watches the class", async () => {
    const { cls, s } = await student();
    const socket = await open(made.server.url, s.c);
    made.world.sockets.push(socket);
    expect(socket.io.engine.transport.name).toBe("websocket");
    const res = await socket.timeout(5000).emitWithAck("class:watch", { classId: cls.id });
    expect(res).toMatchObject({ ok: true });
  });

  it("falls back to long-polling when the network refuses WebSockets, and the student still gets in", async () => {
    const proxy = await proxyBlockingWebSockets(made.server.url);
    try {
      const { cls, s } = await student();
      const socket = await open(proxy.url, s.c);
      made.world.sockets.push(socket);
      expect(proxy.upgrades).toBeGreaterThanOrEqual(1);
      expect(socket.io.engine.transport.name).toBe("polling");
      const res = await socket.timeout(5000).emitWithAck("class:watch", { classId: cls.id });
      expect(res).toMatchObject({ ok: true });
      socket.close();
    } finally {
      await proxy.close();
    }
  });

  it("a student whose WebSocket was refused once (a restart) gets on the WebSocket later, not polling for good", async () => {
    const { cls, s } = await student();
    const proxy = await proxyBlockingWebSockets(made.server.url, 1000);
    try {
      const socket = await open(proxy.url, s.c);
      made.world.sockets.push(socket);
      expect(socket.io.engine.transport.name).toBe("polling"); // refused during the first second
      let reconnects = 0;
      socket.on("connect", () => reconnects++);
      retryWebSocket(socket);
      const deadline = Date.now() + 15_000;
      while (!(socket.connected && socket.io.engine.transport.name === "websocket") && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(socket.io.engine.transport.name).toBe("websocket");
      expect(reconnects).toBe(1); // one reconnect, not a loop
      const res = await socket.timeout(5000).emitWithAck("class:watch", { classId: cls.id });
      expect(res).toMatchObject({ ok: true });
      socket.close();
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
