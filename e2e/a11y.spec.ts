// axe-core on the main pages, in English and Korean: no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { joinClass, JOIN_LABELS } from "./helpers";
import { liveClass } from "./screens-helpers";

const LOCALES = [["en", "en-US"], ["ko", "ko-KR"]] as const;

async function serious(page: Page) {
  const result = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}

async function pageAs(browser: Browser, locale: string, from?: Page) {
  const context = await browser.newContext({ locale, storageState: from ? await from.context().storageState() : undefined });
  return context.newPage();
}

async function check(page: Page, path: string, ready: (p: Page) => Promise<void> = async () => {}) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  await ready(page);
  expect(await serious(page), `${path} in ${await page.locator("html").getAttribute("lang")}`).toEqual([]);
}

for (const [lang, locale] of LOCALES) test(`no serious or critical axe violation on the main pages (${lang})`, async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const live = await liveClass(browser, baseURL!, "Axe 101");
  const student = await pageAs(browser, "en-US");
  await joinClass(student, live.code, "Axel", JOIN_LABELS.en);
  await live.push("GATE");
  {
    const anon = await pageAs(browser, locale);
    for (const path of ["/", `/join?code=${live.code}`, "/signin", "/practice", "/practice/activation", "/practice/gate", "/practice/xor"]) {
      await check(anon, path, async (p) => {
        if (path.includes("activation")) await p.getByTestId("image-panel").locator("canvas").waitFor();
      });
    }
    await anon.context().close();

    const me = await pageAs(browser, locale, student);
    await check(me, "/student");
    await check(me, `/live/${live.sessionId}`, (p) => p.getByTestId("decision-map").waitFor());
    await me.context().close();

    const teacher = await pageAs(browser, locale, live.teacher);
    await check(teacher, `/classes/${live.classId}`, (p) => p.getByTestId("join-qr").waitFor());
    await check(teacher, `/classes/${live.classId}/dashboard`);
    await check(teacher, `/sessions/${live.sessionId}`);
    await check(teacher, `/sessions/${live.sessionId}/projector`);
    await teacher.context().close();
    expect(lang).toBeTruthy();
  }
  live.board.disconnect();
});
