import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { escapeHtml, localPath } from "./html";

describe("escapeHtml", () => {
  it("leaves no character that could open a tag, an entity or end an attribute", () => {
    fc.assert(fc.property(fc.string({ unit: "grapheme" }), (s) => {
      expect(escapeHtml(s)).not.toMatch(/[<>"']/);
      expect(escapeHtml(s).replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
    }));
    expect(escapeHtml(`<script>alert("x")</script> & 'y'`)).toBe("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;y&#39;");
  });
});

describe("localPath", () => {
  it("keeps a path of this site and refuses anything that leaves it", () => {
    expect(localPath("/join?code=ABC234")).toBe("/join?code=ABC234");
    for (const bad of ["https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)", "", null, undefined, "/a\nb"]) expect(localPath(bad)).toBe("/");
  });
});
