// axe-core on the main pages, in English and Korean: no serious or critical violation.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { joinClass, JOIN_LABELS, playFast } from "./helpers";
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

// Every state a person meets during a class, each scanned in the page's own language: the board empty,
// streaming, with an experiment and after the reveal; each exercise before and after the student has
// worked on it (the XOR hidden layer too); the lobby, the dashboard, the settings, the class history.
for (const [lang, locale] of LOCALES) test(`no serious or critical axe violation in any state of a class (${lang})`, async ({ browser, baseURL }) => {
  test.setTimeout(360_000);
  const found: string[] = [];
  const scan = async (page: Page, state: string) => {
    for (const v of await serious(page)) {
      found.push(`${state}: ${v}`);
      console.log(`axe, ${lang}, ${state}: ${v}`); // seen even if a later step times out
    }
  };
  const live = await liveClass(browser, baseURL!, `States ${lang}`);
  const teacher = await pageAs(browser, locale, live.teacher);
  await teacher.goto(`/classes/${live.classId}`);
  await teacher.getByTestId("join-qr").waitFor();
  await scan(teacher, "lobby");
  await teacher.goto(`/sessions/${live.sessionId}`);
  await teacher.waitForLoadState("networkidle");
  await scan(teacher, "board, empty");

  const student = await pageAs(browser, locale);
  await joinClass(student, live.code, "Stella", JOIN_LABELS[lang]);
  await student.goto(`/live/${live.sessionId}`);
  await student.getByTestId("waiting").waitFor();
  await scan(student, "live, waiting");

  // 1. Activation functions: before, then with an answer sent.
  await live.push("ACTIVATION");
  await student.getByTestId("panels").waitFor();
  await scan(student, "activation, before");
  await student.locator(".act-choice input").first().check();
  await student.locator(".act-question button[type=submit]").click();
  await student.getByTestId("submission-status").filter({ hasText: /\d/ }).waitFor();
  await scan(student, "activation, answered");

  // 2. The gate: before, then trained and checked; the board streaming.
  await live.push("GATE");
  await student.getByTestId("decision-map").waitFor();
  await scan(student, "gate, before");
  await playFast(student);
  await expect(student.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1000", { timeout: 30_000 });
  await student.locator(".tr-check button").click();
  await student.getByTestId("submission-status").filter({ hasText: /\d/ }).waitFor();
  await scan(student, "gate, trained and checked");
  await expect(teacher.getByTestId("tile")).toHaveCount(1);
  await scan(teacher, "board, streaming");

  // 3. XOR: before, trained, the hidden layer unlocked.
  await live.push("XOR");
  await student.getByTestId("best-accuracy").waitFor();
  await scan(student, "xor, before");
  await playFast(student);
  await expect(student.getByRole("progressbar")).toHaveAttribute("aria-valuenow", /\d+/);
  await student.waitForTimeout(1500);
  await scan(student, "xor, trained");
  expect(await live.board.emitWithAck("control:unlock", { sessionId: live.sessionId })).toEqual({ ok: true });
  await student.getByTestId("xor-hidden-layer").waitFor();
  await scan(student, "xor, hidden layer");
  await scan(teacher, "board, xor");

  // An experiment on the gate, then the reveal.
  const gate = live.exercises.find((e) => e.type === "GATE")!;
  expect(await live.board.emitWithAck("control:push", {
    sessionId: live.sessionId, exerciseId: gate.id, experiment: { mode: "BALANCED", variable: "lr", values: [0.01, 1] },
  })).toEqual({ ok: true });
  await student.getByTestId("experiment-group").waitFor();
  await scan(student, "experiment, student");
  await teacher.getByTestId("experiment-comparison").waitFor();
  await scan(teacher, "board, experiment");
  expect(await live.board.emitWithAck("control:reveal", { sessionId: live.sessionId })).toEqual({ ok: true });
  await student.getByTestId("revealed-answer").waitFor();
  await scan(student, "after reveal, student");
  await teacher.waitForTimeout(500);
  await scan(teacher, "board, after reveal");
  await teacher.goto(`/sessions/${live.sessionId}/projector`);
  await teacher.waitForLoadState("networkidle");
  await scan(teacher, "projector, after reveal");

  for (const path of [`/classes/${live.classId}/dashboard`, `/classes/${live.classId}/settings`, `/classes/${live.classId}/students`, `/classes/${live.classId}/history`, "/lessons", "/help"]) {
    const res = await teacher.goto(path);
    if (res?.status() === 404) continue;
    await teacher.waitForLoadState("networkidle");
    await scan(teacher, path.replace(live.classId, ":id"));
  }
  live.board.disconnect();
  expect(found).toEqual([]);
});
