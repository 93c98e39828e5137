// A student on a phone (390x844, touch): no page scrolls sideways, every tap target is at least
// 44 px tall, the header, the live status bar and the sticky check bar are one compact line, and
// the charts fit the screen.
import { expect, test, type Page } from "@playwright/test";
import { joinClass, JOIN_LABELS } from "./helpers";
import { liveClass } from "./screens-helpers";

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

/** Visible tap targets shorter than 44 px (inline links inside running text are exempt, as in WCAG). */
async function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const els = document.querySelectorAll<HTMLElement>("a[href], button, select, input, textarea, summary, [role=tab]");
    for (const el of els) {
      if (el.closest("[aria-hidden=true], .sr-only")) continue;
      let target: HTMLElement = el;
      if (el instanceof HTMLInputElement && ["radio", "checkbox", "file"].includes(el.type)) target = el.closest("label") ?? el;
      if (el.tagName === "A" && el.closest("p, li:not(nav li)") && !el.classList.contains("button")) continue;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || getComputedStyle(target).visibility === "hidden") continue;
      if (r.height < 43.5) out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 40)}" ${Math.round(r.height)}px`);
    }
    return out;
  });
}

async function checkPage(page: Page, what: string) {
  await page.waitForLoadState("networkidle");
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${what}: no sideways scroll`).toBeLessThanOrEqual(390);
  expect(await smallTargets(page), `${what}: tap targets`).toEqual([]);
  const header = await page.locator("header.header").boundingBox();
  expect(header!.height, `${what}: header is one line`).toBeLessThanOrEqual(64);
  // the sticky check bar (the main action) hides as little as it can of the charts scrolling under it
  for (const bar of await page.locator(".tr-check").all()) {
    const empty = await bar.locator("p[role=status]:not(:empty), [data-testid=submission-status]:not(:empty)").count() === 0;
    const box = await bar.boundingBox();
    if (box && empty) expect(box.height, `${what}: the check bar is one short line`).toBeLessThanOrEqual(64);
  }
  for (const svg of await page.locator("figure svg").all()) {
    const box = await svg.boundingBox();
    if (!box || box.width === 0) continue;
    expect(box.x, `${what}: chart inside the screen`).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, `${what}: chart inside the screen`).toBeLessThanOrEqual(390.5);
  }
}

test("student pages on a phone: no sideways scroll, 44 px targets, one-line header and status bar, charts fit", async ({ browser, baseURL }) => {
  test.setTimeout(150_000);
  const live = await liveClass(browser, baseURL!, "Phone 101");
  const context = await browser.newContext({ ...PHONE, locale: "en-US" });
  const page = await context.newPage();
  for (const path of ["/", "/join?code=ABC234", "/practice", "/practice/activation", "/practice/gate", "/practice/xor"]) {
    await page.goto(path);
    await checkPage(page, path);
  }
  // The charts are drawn at the phone's width, not the laptop's.
  const map = await page.getByTestId("decision-map").locator("svg").first().boundingBox();
  expect(map!.width).toBeGreaterThan(300);

  await joinClass(page, live.code, "Pia", JOIN_LABELS.en);
  await checkPage(page, "/student");
  await page.getByRole("link", { name: "Enter the live session" }).tap();
  await expect(page.getByTestId("waiting")).toBeVisible();
  for (const type of ["GATE", "XOR", "ACTIVATION"] as const) {
    await live.push(type);
    await expect(page.locator(".live-exercise h2")).toBeVisible();
    await page.locator(".live-exercise figure").first().waitFor();
    await checkPage(page, `live ${type}`);
    const bar = await page.getByTestId("live-bar").boundingBox();
    expect(bar!.height, "the status bar is one line").toBeLessThanOrEqual(52);
  }
  // The gate's check button stays on screen while the student scrolls through the charts.
  await live.push("GATE");
  await page.getByTestId("decision-map").waitFor();
  await page.evaluate(() => window.scrollTo(0, 900));
  const check = await page.getByRole("button", { name: "Check my perceptron" }).boundingBox();
  expect(check!.y).toBeGreaterThanOrEqual(0);
  expect(check!.y + check!.height).toBeLessThanOrEqual(844);
  live.board.disconnect();
});
