// docs/deploy.md tells a user to run HAProxy with deploy/haproxy.cfg, and the multi-node tests run
// behind that same file: the page must quote it exactly, and what the tests run must be it with only
// the addresses replaced.
import fs from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HAPROXY_TEMPLATE, haproxyMissing, renderHaproxy } from "./testing/balancer";

const template = fs.readFileSync(HAPROXY_TEMPLATE, "utf8");

describe("the HAProxy configuration", () => {
  it("is quoted verbatim in docs/deploy.md", () => {
    const doc = fs.readFileSync(path.join(__dirname, "..", "docs", "deploy.md"), "utf8");
    const m = /<!-- deploy\/haproxy\.cfg -->\n```haproxy\n([\s\S]*?)```\n<!-- \/deploy\/haproxy\.cfg -->/.exec(doc);
    expect(m, "docs/deploy.md has no quoted deploy/haproxy.cfg block").not.toBeNull();
    expect(m![1]).toBe(template);
  });

  it("has what keeps a node's students when the node dies", () => {
    expect(template).toMatch(/^\s*option redispatch\b/m);
    expect(template).toMatch(/^\s*default-server check\b/m);
    expect(template).toMatch(/^\s*option httpchk GET \/api\/health\/node\b/m);
    expect(template).toMatch(/^\s*cookie SRV insert indirect nocache\b/m);
    expect(template).toMatch(/^\s*timeout tunnel\b/m);
  });

  it("is rendered for the tests with only the addresses changed", () => {
    const out = renderHaproxy(template, 43555, [43556, 43557, 43558]);
    const differing = (a: string[], b: string[]) => a.filter((l) => !b.includes(l));
    expect(differing(out.split("\n"), template.split("\n"))).toEqual([
      "    bind 127.0.0.1:43555                      # with TLS: bind *:443 ssl crt /etc/haproxy/class.example.org.pem",
      "    server a 127.0.0.1:43556 cookie a",
      "    server b 127.0.0.1:43557 cookie b",
      "    server c 127.0.0.1:43558 cookie c",
    ]);
    expect(differing(template.split("\n"), out.split("\n"))).toEqual(["    bind *:80                      # with TLS: bind *:443 ssl crt /etc/haproxy/class.example.org.pem", "    server a 10.0.0.11:3000 cookie a", "    server b 10.0.0.12:3000 cookie b"]);
  });

  const missing = haproxyMissing();
  if (missing) console.warn(`[skip] HAProxy configuration check: ${missing}`);
  it.skipIf(missing !== null)("is a configuration HAProxy accepts, as written and as rendered", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "lb-check-"));
    const rendered = path.join(dir, "rendered.cfg");
    fs.writeFileSync(rendered, renderHaproxy(template, 43555, [43556, 43557]));
    for (const f of [HAPROXY_TEMPLATE, rendered]) {
      const r = spawnSync("haproxy", ["-c", "-f", f], { encoding: "utf8" });
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
