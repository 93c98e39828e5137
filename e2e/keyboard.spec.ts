// Keyboard only: a student joins, enters the live session, trains the gate and submits it without
// a mouse, and every element that takes focus on the way shows it.
import { expect, test, type Page } from "@playwright/test";
import { liveClass } from "./screens-helpers";

/** Presses Tab until `match` holds for the focused element; asserts each focus stop is visible. */
async function tabTo(page: Page, what: string, match: (el: { tag: string; label: string; name: string; type: string; testId: string }) => boolean) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press("Tab");
    const el = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || a === document.body) return null;
      const s = getComputedStyle(a);
      const r = a.getBoundingClientRect();
      return {
        tag: a.tagName.toLowerCase(),
        label: (a.getAttribute("aria-label") ?? a.textContent ?? "").trim(),
        name: a.getAttribute("name") ?? "",
        type: a.getAttribute("type") ?? "",
        testId: a.getAttribute("data-testid") ?? "",
        labelText: (a as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? "",
        outline: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
        inView: r.bottom > 0 && r.top < innerHeight && r.width > 0,
      };
    });
    if (!el) continue;
    expect(el.outline, `focus ring on ${el.tag} "${el.label || el.labelText}"`).toBe(true);
    expect(el.inView, `${el.tag} "${el.label || el.labelText}" scrolled into view when focused`).toBe(true);
    if (match({ ...el, label: el.label || el.labelText })) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

test("a student joins, enters, trains AND and submits with the keyboard alone; focus always visible", async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const live = await liveClass(browser, baseURL!, "Keys 101");
  await live.push("GATE");
  const page = await (await browser.newContext({ locale: "en-US" })).newPage();

  await page.goto(`/join?code=${live.code}`);
  await page.waitForLoadState("networkidle");
  // The QR code's link fills the code in and puts the cursor in the nickname field.
  await expect(page.getByLabel("Class code")).toHaveValue(live.code);
  await expect(page.getByLabel("Nickname")).toBeFocused();
  await page.keyboard.type("Kim Keys");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/student$/);
  await page.waitForLoadState("networkidle");

  await tabTo(page, "the enter link", (el) => el.tag === "a" && el.label === "Enter the live session");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/live/${live.sessionId}$`));
  await expect(page.getByRole("heading", { name: "Exercise 2: Train a perceptron: AND" })).toBeVisible();

  await tabTo(page, "the seed field", (el) => el.label.startsWith("Random seed"));
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type("7");
  await tabTo(page, "the speed slider", (el) => el.testId === "speed");
  await page.keyboard.press("End"); // fastest
  await tabTo(page, "Play", (el) => el.tag === "button" && el.label === "Play");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("progressbar", { name: "Training progress" })).toHaveAttribute("aria-valuenow", "1000", { timeout: 30_000 });
  await expect(page.getByTestId("readout-accuracy")).toHaveText("Accuracy 100%");

  await tabTo(page, "the check button", (el) => el.tag === "button" && el.label === "Check my perceptron");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("submission-status")).toHaveText("Correct — 10 / 10 points");
  // The grade is also beside the button that sent it.
  await expect(page.getByTestId("submission-inline")).toHaveText("Correct — 10 / 10 points");
  live.board.disconnect();
});
