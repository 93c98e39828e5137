// Korean is never broken inside a word: for every text node with Hangul on the main pages, each
// word (a run between spaces) must sit on one line box. Measured with Range.getClientRects, at a
// laptop width and on a phone. Needs a CJK font (CI installs fonts-noto-cjk), as a person has.
import { expect, test, type Page } from "@playwright/test";
import { joinClass, JOIN_LABELS } from "./helpers";
import { liveClass } from "./screens-helpers";

/** Words with Hangul whose characters do not all sit on one line (or that overflow their box). */
async function splitWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const hangul = /[\uAC00-\uD7A3]/;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!hangul.test(text)) continue;
      const el = node.parentElement;
      if (!el || el.closest("script, style, option, [hidden], .sr-only, svg")) continue;
      const style = getComputedStyle(el);
      if (style.visibility === "hidden" || style.display === "none" || el.getClientRects().length === 0) continue;
      // a word: a run of letters and digits (a line may break at a space or before a bracket)
      const re = /[\p{L}\p{N}]+/gu;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        // a token longer than any Korean word (a long nickname) may wrap: overflow-wrap lets it
        if (!hangul.test(m[0]) || m[0].length > 15) continue;
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        // one rectangle per line box the word touches (ignoring empty ones)
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0.5).map((r) => Math.round(r.top)));
        if (tops.size > 1) out.push(`${m[0]} (in "${text.trim().slice(0, 60)}")`);
      }
    }
    return out;
  });
}

const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1280, height: 800 };

test("no Korean word is split across lines on the main pages, laptop and phone", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const live = await liveClass(browser, baseURL!, "한국어 수업");
  const studentCtx = await browser.newContext({ locale: "ko-KR", viewport: PHONE });
  const student = await studentCtx.newPage();
  await joinClass(student, live.code, "긴닉네임을가진학생입니다아주아주길어요정말로", JOIN_LABELS.ko);
  await live.push("GATE");

  for (const viewport of [LAPTOP, PHONE]) {
    const anon = await (await browser.newContext({ locale: "ko-KR", viewport })).newPage();
    const me = await (await browser.newContext({ locale: "ko-KR", viewport, storageState: await studentCtx.storageState() })).newPage();
    const teacher = await (await browser.newContext({ locale: "ko-KR", viewport, storageState: await live.teacher.context().storageState() })).newPage();
    const pages: [Page, string][] = [
      [anon, "/"], [anon, "/join"], [anon, "/signin"], [anon, "/practice"], [anon, "/practice/activation"], [anon, "/practice/gate"], [anon, "/practice/xor"],
      [me, "/student"], [me, `/live/${live.sessionId}`],
      [teacher, `/classes/${live.classId}`],
    ];
    for (const [page, path] of pages) {
      await page.goto(path);
      await page.waitForLoadState("networkidle");
      await expect(page.locator("html")).toHaveAttribute("lang", "ko");
      // Open the lesson texts, where most of the long sentences are.
      // (Opened in the page: clicking "the nth closed one" skips as the set shrinks, and waits forever at its end.)
      await page.evaluate(() => document.querySelectorAll("details:not([open])").forEach((d) => { (d as HTMLDetailsElement).open = true; }));
      expect(await splitWords(page), `${path} at ${viewport.width}px`).toEqual([]);
      // A long nickname wraps inside its box instead of pushing the page wider.
      expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${viewport.width}px`).toBeLessThanOrEqual(viewport.width);
    }
  }
  live.board.disconnect();
});
