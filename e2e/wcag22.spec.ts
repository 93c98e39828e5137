// WCAG 2.2 AA's new criteria, and the older ones that layouts break most (reflow, contrast, motion),
// measured in Chromium on the pages a class meets: each test names the criterion it checks
// (docs/accessibility.md cites these tests).
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { joinClass } from "./helpers";
import { liveClass, type LiveClass } from "./screens-helpers";

let live: LiveClass;
let studentState: Awaited<ReturnType<import("@playwright/test").BrowserContext["storageState"]>>;
let teacherState: typeof studentState;

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  live = await liveClass(browser, test.info().project.use.baseURL!, "WCAG 22");
  const student = await (await browser.newContext({ locale: "en-US" })).newPage();
  await joinClass(student, live.code, "Wren");
  studentState = await student.context().storageState();
  teacherState = await live.teacher.context().storageState();
  await student.context().close();
  await live.push("GATE");
});
test.afterAll(() => live?.board.disconnect());

type Who = "anyone" | "student" | "teacher";
function pages(): [Who, string][] {
  return [
    ["anyone", "/"], ["anyone", `/join?code=${live.code}`], ["anyone", "/signin"], ["anyone", "/help"],
    ["anyone", "/practice"], ["anyone", "/practice/activation"], ["anyone", "/practice/gate"], ["anyone", "/practice/xor"],
    ["student", "/student"], ["student", `/live/${live.sessionId}`],
    ["teacher", "/classes"], ["teacher", `/classes/${live.classId}`], ["teacher", `/classes/${live.classId}/dashboard`],
    ["teacher", `/classes/${live.classId}/settings`], ["teacher", "/lessons"],
    ["teacher", `/sessions/${live.sessionId}`], ["teacher", `/sessions/${live.sessionId}/projector`],
  ];
}

async function open(browser: Browser, who: Who, opts: { viewport?: { width: number; height: number }; reducedMotion?: "reduce" } = {}) {
  const storageState = who === "student" ? studentState : who === "teacher" ? teacherState : undefined;
  const context = await browser.newContext({ locale: "en-US", storageState, ...opts });
  return context.newPage();
}

async function visit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState("networkidle");
  if (path.startsWith("/live/")) await page.getByTestId("decision-map").waitFor();
}

/** A page opened as `who` and settled at `path`. */
async function visitAs(browser: Browser, who: Who, path: string, opts: Parameters<typeof open>[2] = {}) {
  const page = await open(browser, who, opts);
  await visit(page, path);
  return page;
}

test("2.5.8 target size: every interactive element is at least 24 by 24 CSS px (links inside a sentence excepted)", async ({ browser }) => {
  test.setTimeout(120_000);
  const small: string[] = [];
  for (const [who, path] of pages()) {
    const page = await visitAs(browser, who, path);
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const sel = "a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [role=switch], [role=tab], [tabindex]:not([tabindex='-1'])";
      for (const el of Array.from(document.querySelectorAll<HTMLElement>(sel))) {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        if (r.width <= 1 || r.height <= 1 || s.visibility === "hidden") continue; // not shown (or .sr-only)
        if (r.width >= 24 && r.height >= 24) continue;
        // The inline exception: a link in running text, sized by the line it sits in.
        const parentText = el.parentElement?.textContent?.trim().length ?? 0;
        if (el.tagName === "A" && s.display === "inline" && parentText > (el.textContent?.trim().length ?? 0)) continue;
        out.push(`${el.tagName.toLowerCase()} "${(el.getAttribute("aria-label") ?? el.textContent ?? "").trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`);
      }
      return out;
    });
    small.push(...found.map((f) => `${path}: ${f}`));
    await page.context().close();
  }
  expect(small).toEqual([]);
});

test("2.4.11 focus not obscured: on a phone, Tab never puts the focus under the sticky status bar or check bar", async ({ browser }) => {
  const page = await visitAs(browser, "student", `/live/${live.sessionId}`, { viewport: { width: 390, height: 740 } });
  await page.getByRole("heading", { name: /Exercise 2/ }).waitFor();
  const hidden: string[] = [];
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press("Tab");
    const r = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || a === document.body) return null;
      if (a.closest(".live-bar, .tr-check")) return null; // the bars' own controls
      const b = a.getBoundingClientRect();
      const x = b.left + b.width / 2;
      const y = b.top + Math.min(b.height / 2, 12);
      const top = document.elementFromPoint(x, y);
      const shown = y >= 0 && y <= innerHeight && !!top && (a === top || a.contains(top) || top.contains(a) || (top as HTMLLabelElement).control === a);
      return shown ? null : `${a.tagName.toLowerCase()} "${(a.getAttribute("aria-label") ?? a.textContent ?? "").trim().slice(0, 30)}" under ${top?.closest(".live-bar, .tr-check")?.className ?? top?.tagName}`;
    });
    if (r) hidden.push(r);
  }
  expect(hidden).toEqual([]);
  await page.context().close();
});

test("3.2.6 consistent help: the Help link is in the header, right after Practice, on every page (script-free ones too)", async ({ browser }) => {
  test.setTimeout(120_000);
  for (const [who, path] of pages()) {
    const page = await open(browser, who);
    await page.goto(path);
    const links = await page.locator("header nav a").allTextContents();
    const at = links.indexOf("Help");
    expect(at, `${path}: ${links.join(" | ")}`).toBeGreaterThan(-1);
    expect(links[at - 1], path).toBe("Practice");
    await page.context().close();
  }
  const page = await open(browser, "anyone");
  await page.goto("/");
  await page.getByRole("link", { name: "Help" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Help" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Using the keyboard" })).toBeVisible();
  await page.context().close();
});

test("3.3.8 accessible authentication: sign-in fields let a password manager and paste in; no puzzle", async ({ browser }) => {
  const page = await open(browser, "anyone");
  await page.goto("/signin");
  await page.waitForLoadState("networkidle");
  await expect(page.getByLabel("Email")).toHaveAttribute("autocomplete", "email");
  await expect(page.getByLabel("Password")).toHaveAttribute("autocomplete", "current-password");
  // Nothing cancels a paste into the fields.
  for (const label of ["Email", "Password"]) {
    const prevented = await page.getByLabel(label).evaluate((el) => {
      const ev = new ClipboardEvent("paste", { bubbles: true, cancelable: true, clipboardData: new DataTransfer() });
      el.dispatchEvent(ev);
      return ev.defaultPrevented;
    });
    expect(prevented, label).toBe(false);
  }
  await expect(page.locator("form iframe, form canvas, form img")).toHaveCount(0);
  await page.getByRole("tab", { name: "Create account" }).click();
  await expect(page.getByLabel("Password")).toHaveAttribute("autocomplete", "new-password");
  // The join form: the code can be pasted, and the nickname is remembered by the browser.
  await page.goto(`/join`);
  await expect(page.getByLabel("Nickname")).toHaveAttribute("autocomplete", "nickname");
  await page.context().close();
});

test("1.4.10 reflow: no page scrolls sideways at 320 CSS px (400 % of 1280) or 640 CSS px (200 %)", async ({ browser }) => {
  test.setTimeout(150_000);
  const wide: string[] = [];
  for (const width of [320, 640]) {
    for (const who of ["anyone", "student", "teacher"] as const) {
      const page = await open(browser, who, { viewport: { width, height: 800 } });
      for (const [w, path] of pages()) {
        if (w !== who) continue;
        await visit(page, path);
        const over = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        if (over > 1) wide.push(`${path} at ${width}px: ${over}px too wide`);
      }
      await page.context().close();
    }
  }
  expect(wide).toEqual([]);
});

test("1.4.3 contrast: axe's color-contrast on the light pages, the board and the projector view", async ({ browser }) => {
  test.setTimeout(120_000);
  const bad: string[] = [];
  for (const [who, path] of pages()) {
    const page = await visitAs(browser, who, path);
    const r = await new AxeBuilder({ page }).withRules(["color-contrast"]).analyze();
    for (const v of r.violations) bad.push(`${path}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
    await page.context().close();
  }
  expect(bad).toEqual([]);
});

test("2.3.3 / reduced motion: with prefers-reduced-motion nothing transitions or animates", async ({ browser }) => {
  const moving: string[] = [];
  for (const [who, path] of pages().filter(([, p]) => /^\/(practice\/gate|live|sessions|classes\/[^/]+$)/.test(p))) {
    const page = await visitAs(browser, who, path, { reducedMotion: "reduce" });
    const found = await page.evaluate(() => {
      const out: string[] = [];
      const secs = (v: string) => Math.max(...v.split(",").map((x) => (x.trim().endsWith("ms") ? parseFloat(x) / 1000 : parseFloat(x))));
      for (const el of Array.from(document.querySelectorAll<HTMLElement>("*"))) {
        const s = getComputedStyle(el);
        if (secs(s.transitionDuration) > 0.001 || secs(s.animationDuration) > 0.001) out.push(`${el.tagName.toLowerCase()}.${el.className}`);
      }
      return out.slice(0, 5);
    });
    moving.push(...found.map((f) => `${path}: ${f}`));
    await page.context().close();
  }
  expect(moving).toEqual([]);
});

test("1.4.11 non-text contrast: the focus ring is at least 3:1 against the page", async ({ browser }) => {
  const page = await visitAs(browser, "anyone", "/signin");
  await page.keyboard.press("Tab");
  const ratio = await page.evaluate(() => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const ring = lum(rgb(getComputedStyle(document.activeElement!).outlineColor));
    const bg = lum(rgb(getComputedStyle(document.body).backgroundColor === "rgba(0, 0, 0, 0)" ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor));
    return (Math.max(ring, bg) + 0.05) / (Math.min(ring, bg) + 0.05);
  });
  expect(ratio).toBeGreaterThanOrEqual(3);
  await page.context().close();
});
