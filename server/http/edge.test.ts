// Integration: the locked-down edge on the real server — security headers and the page CSP's nonce,
// body limits before buffering, Origin checks (API and socket handshake), JSON content types,
// Secure cookies behind HTTPS, and socket payload limits before authentication.
import http from "node:http";
import net from "node:net";
import { describe, expect, it } from "vitest";
import { startWorld } from "../testing/world";
import { io as ioClient } from "socket.io-client";
import { connect } from "../testing/sockets";

const ALLOWED = "https://partner.example";
const made = startWorld({ env: { ALLOWED_ORIGINS: ALLOWED } });

const instructor = async () => (await made.world.instructor()).c;

/** A raw request: status, headers and body, with full control over what is sent. */
function raw(path: string, opts: { method?: string; headers?: Record<string, string>; body?: AsyncIterable<Buffer> | Buffer }) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string; sentBytes: number }>((resolve, reject) => {
    let sent = 0;
    const req = http.request(made.server.url + path, { method: opts.method ?? "POST", headers: opts.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (body += c));
      const done = () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBytes: sent });
      res.on("end", done);
      res.on("close", done); // the server closes the connection after a refusal
      res.on("error", reject);
    });
    req.on("error", () => {}); // the server may close the connection once it has answered
    if (Buffer.isBuffer(opts.body)) {
      sent = opts.body.length;
      req.end(opts.body);
    } else if (opts.body) {
      void (async () => {
        for await (const chunk of opts.body as AsyncIterable<Buffer>) {
          if (req.destroyed) return;
          if (!req.write(chunk)) await new Promise((r) => { req.once("drain", r); req.once("close", r); });
          sent += chunk.length;
        }
        req.end();
      })().catch(() => {});
    } else req.end();
  });
}

describe("security headers", () => {
  it("every page gets a CSP with a fresh nonce that Next puts on its scripts, and no framing", async () => {
    const a = await fetch(made.server.url + "/practice");
    const b = await fetch(made.server.url + "/signin");
    // the anonymous home page is the script-free one (app/lite): the same CSP and headers, no script at all
    const lite = await fetch(made.server.url + "/");
    expect(lite.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-/);
    expect((await lite.text()).match(/<script\b/g)).toBeNull();
    const csp = a.headers.get("content-security-policy") ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce).toBeTruthy();
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(b.headers.get("content-security-policy")).not.toContain(nonce!);
    const html = await a.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);
    for (const res of [a, b, lite]) {
      expect(res.headers.get("x-frame-options")).toBe("DENY");
      expect(res.headers.get("x-content-type-options")).toBe("nosniff");
      expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(res.headers.get("permissions-policy")).toContain("camera=()");
    }
  });

  it("API answers and static files carry them too", async () => {
    const api = await fetch(made.server.url + "/api/lessons");
    expect(api.status).toBe(401);
    expect(api.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    expect(api.headers.get("x-frame-options")).toBe("DENY");
    const html = await (await fetch(made.server.url + "/practice")).text();
    const asset = /\/_next\/static\/[^"']+\.js/.exec(html)?.[0];
    expect(asset).toBeTruthy();
    const file = await fetch(made.server.url + asset!);
    expect(file.status).toBe(200);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    const polling = await fetch(made.server.url + "/socket.io/?EIO=4&transport=polling");
    expect(polling.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("session cookies are Secure behind HTTPS (X-Forwarded-Proto), not on plain HTTP", async () => {
    const plain = await fetch(made.server.url + "/api/auth/csrf");
    expect(plain.headers.getSetCookie().join("\n")).not.toMatch(/;\s*secure/i);
    const proxied = await fetch(made.server.url + "/api/auth/csrf", { headers: { "x-forwarded-proto": "https" } });
    const cookies = proxied.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) expect(c).toMatch(/;\s*secure/i);
  });
});

describe("body limits", () => {
  it("a declared 100 MB body is refused with 413 before it is read", async () => {
    // A raw connection: headers declaring 100 MB, then body bytes for as long as the server reads them.
    const t0 = Date.now();
    const { port } = new URL(made.server.url);
    const { answer, sent } = await new Promise<{ answer: string; sent: number }>((resolve) => {
      const sock = net.connect(Number(port), "127.0.0.1");
      let answer = "";
      let sent = 0;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      sock.on("data", (d) => (answer += d.toString()));
      sock.on("error", () => {});
      sock.on("close", () => resolve({ answer, sent }));
      sock.write(`POST /api/signup HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`);
      const pump = () => {
        while (sent < 100 * 1024 * 1024 && !sock.destroyed) {
          sent += chunk.length;
          if (!sock.write(chunk)) return void sock.once("drain", pump);
        }
      };
      pump();
      setTimeout(() => sock.destroy(), 15_000);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413/);
    expect(answer).toContain('"code":"payloadTooLarge"');
    expect(sent).toBeLessThan(100 * 1024 * 1024);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });

  it("a body over its limit but under 256 KB is read, answered 413, and the connection stays open", async () => {
    // One raw keep-alive connection: a 100 KB sign-up (limit 4 KB), then a second request on it.
    const { port } = new URL(made.server.url);
    const answer = await new Promise<string>((resolve) => {
      const sock = net.connect(Number(port), "127.0.0.1");
      let got = "";
      sock.on("data", (d) => {
        got += d.toString();
        if (/HTTP\/1\.1 200[\s\S]*csrfToken/.test(got)) sock.end();
      });
      sock.on("error", () => {});
      sock.on("close", () => resolve(got));
      const body = JSON.stringify({ name: "x".repeat(100 * 1024) });
      sock.write(`POST /api/signup HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      sock.write(`GET /api/auth/csrf HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n\r\n`);
      setTimeout(() => sock.destroy(), 10_000);
    });
    const [first, second] = answer.split(/(?=HTTP\/1\.1 )/);
    expect(first).toMatch(/^HTTP\/1\.1 413/);
    expect(first).toContain('"code":"payloadTooLarge"');
    expect(second).toMatch(/^HTTP\/1\.1 200/);
    expect(second).toContain("csrfToken");
  });

  it("a chunked body (no length) is counted as it streams and cut at the limit", async () => {
    const res = await raw("/api/signup", {
      headers: { "content-type": "application/json", "transfer-encoding": "chunked" },
      body: (async function* () {
        yield Buffer.from('{"name":"');
        for (let i = 0; i < 400; i++) yield Buffer.alloc(64 * 1024, 0x61);
        yield Buffer.from('"}');
      })(),
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "payloadTooLarge" } });
    expect(res.sentBytes).toBeLessThan(400 * 64 * 1024);
  });

  it("sign-in forms are limited too (next-auth's routes); a normal form passes", async () => {
    const big = await raw("/api/auth/callback/instructor", {
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: Buffer.from("email=a%40b.c&password=" + "x".repeat(8000)),
    });
    expect(big.status).toBe(413);
    const t = await instructor(); // signs up and in through the same routes
    expect((await t.json("/api/classes", { name: "Fits" })).status).toBe(201);
    const justOver = await t.json("/api/classes", { name: "x".repeat(5000) });
    expect(justOver).toMatchObject({ status: 413, body: { error: { code: "payloadTooLarge" } } });
    // Still serving after all that.
    expect((await fetch(made.server.url + "/")).status).toBe(200);
  });
});

describe("origins and content types", () => {
  it("a cross-origin POST is refused, whatever its content type; the app's own and allowed origins pass", async () => {
    const t = await instructor();
    const post = (headers: Record<string, string>, body = JSON.stringify({ name: "CSRF" })) =>
      t.fetch("/api/classes", { method: "POST", headers, body }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } }));
    expect(await post({ origin: "https://evil.example", "content-type": "text/plain" })).toMatchObject({ status: 403, body: { error: { code: "originRejected" } } });
    expect(await post({ origin: "https://evil.example", "content-type": "application/json" })).toMatchObject({ status: 403 });
    expect(await post({ origin: "null", "content-type": "application/json" })).toMatchObject({ status: 403 });
    // Same origin, but not JSON (what a cross-site <form> could send): 415.
    expect(await post({ origin: made.server.url, "content-type": "text/plain" })).toMatchObject({ status: 415, body: { error: { code: "unsupportedMediaType" } } });
    expect(await post({ origin: made.server.url, "content-type": "application/x-www-form-urlencoded" }, "name=CSRF")).toMatchObject({ status: 415 });
    expect(await post({ origin: made.server.url, "content-type": "application/json" })).toMatchObject({ status: 201 });
    expect(await post({ origin: ALLOWED, "content-type": "application/json" })).toMatchObject({ status: 201 });
    // DELETE is state-changing too.
    const del = await t.fetch("/api/classes/whatever", { method: "DELETE", headers: { origin: "https://evil.example" } });
    expect(del.status).toBe(403);
    // Reading is not refused by Origin (CORS keeps the answer from the other site anyway).
    expect((await t.fetch("/api/classes", { headers: { origin: "https://evil.example" } })).status).toBe(200);
  });

  it("the socket handshake checks Origin: the app's own and the allow-list connect, others are refused", async () => {
    const t = await instructor();
    const headers = (origin: string) => ({ cookie: t.cookieHeader(), origin });
    const tryConnect = (origin: string) =>
      new Promise<string>((resolve) => {
        const s = ioClient(made.server.url, { extraHeaders: headers(origin), reconnection: false, forceNew: true, transports: ["polling"] });
        s.once("connect", () => (s.close(), resolve("connected")));
        s.once("connect_error", (e) => (s.close(), resolve(`refused: ${e.message}`)));
      });
    expect(await tryConnect("https://evil.example")).toMatch(/^refused/);
    expect(await tryConnect(made.server.url)).toBe("connected");
    expect(await tryConnect(ALLOWED)).toBe("connected");
  });
});

describe("socket payload limits", () => {
  it("an oversized message closes the socket, a normal one is answered", async () => {
    const t = await instructor();
    const s = await made.world.open(t);
    expect(await s.emitWithAck("class:watch", { classId: "nope" })).toEqual({ ok: false, error: "forbidden" });
    const closed = new Promise<string>((r) => s.once("disconnect", r));
    s.emit("class:watch", { classId: "x".repeat(300 * 1024) }, () => {});
    expect(await closed).toMatch(/transport (close|error)/);
  });

  it("before authentication: a big polling POST is refused and an unauthenticated connection is dropped within 10 s", async () => {
    const open = await fetch(made.server.url + "/socket.io/?EIO=4&transport=polling");
    const sid = /"sid":"([^"]+)"/.exec(await open.text())?.[1];
    expect(sid).toBeTruthy();
    const big = await raw(`/socket.io/?EIO=4&transport=polling&sid=${sid}`, {
      headers: { "content-type": "text/plain;charset=UTF-8" },
      body: Buffer.alloc(2_500_000, 0x61),
    }).catch(() => ({ status: 0 }));
    expect([0, 400, 413]).toContain(big.status);

    // A second engine.io session that never authenticates (never sends the connect packet).
    const idle = await fetch(made.server.url + "/socket.io/?EIO=4&transport=polling");
    const idleSid = /"sid":"([^"]+)"/.exec(await idle.text())?.[1];
    const t0 = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - t0 < 20_000) {
      const poll = await fetch(made.server.url + `/socket.io/?EIO=4&transport=polling&sid=${idleSid}`);
      const text = await poll.text();
      status = poll.status;
      if (status === 200 && text.startsWith("1")) break; // engine.io "close" packet
    }
    expect(Date.now() - t0).toBeLessThan(16_000);
  }, 30_000);
});
