import { expect, type Browser, type BrowserContext, type ConsoleMessage, type Download, type Locator, type Page } from "@playwright/test";
import { Client } from "../server/testing/http-client";
import { connect, type TestSocket } from "../server/testing/sockets";

let counter = 0;
export function uniqueEmail(prefix = "teacher"): string {
  return `${prefix}-${Date.now()}-${++counter}@example.com`;
}

/**
 * Collects console errors and page errors so a test can assert there were none. A refused sign-in
 * (next-auth answers 401, /api/join a 4xx, which the browser logs) is an expected answer, not an error.
 */
export function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m: ConsoleMessage) => {
    if (m.type() !== "error") return;
    if (m.location().url.includes("/api/auth/callback/") && m.text().includes("401")) return;
    if (m.location().url.includes("/api/join") && /status of 4\d\d/.test(m.text())) return; // a refused join: shown in the form
    errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** A new browser context (its own cookies) in the given language. */
export async function newPage(browser: Browser, locale = "en-US", viewport?: { width: number; height: number }) {
  const context = await browser.newContext({ locale, viewport });
  return context.newPage();
}

/** Creates an instructor account through the UI and lands on the class list. */
export async function signUpInstructor(page: Page, email = uniqueEmail()): Promise<string> {
  await page.goto("/signin");
  await page.getByRole("tab", { name: "Create account" }).click();
  await page.getByLabel("Name").fill("Ms. Kim");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account and sign in" }).click();
  await expect(page).toHaveURL(/\/classes$/);
  return email;
}

/** On the class list: creates a class through the form; returns its join code and id. */
export async function createClass(page: Page, name: string): Promise<{ code: string; classId: string }> {
  await page.getByLabel("New class name").fill(name);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
  const code = (await page.getByTestId("join-code").textContent())!.trim();
  return { code, classId: new URL(page.url()).pathname.split("/").pop()! };
}

export const JOIN_LABELS = {
  en: { code: "Class code", nickname: "Nickname", join: "Join" },
  ko: { code: "수업 코드", nickname: "닉네임", join: "참여하기" },
};

/** A student joins a class from the home page (labels in the page's language) and lands on /student. */
export async function joinClass(page: Page, code: string, nickname: string, labels = JOIN_LABELS.en) {
  await page.goto("/");
  await page.waitForLoadState("networkidle"); // the form submits through React once hydrated
  await page.getByLabel(labels.code).fill(code);
  await page.getByLabel(labels.nickname).fill(nickname);
  await page.getByRole("button", { name: labels.join }).click();
  await expect(page).toHaveURL(/\/student$/);
}

/**
 * An instructor with a class, a live session on the board, and students in their own browser contexts,
 * entered. `opened` collects every context as it is made, for a test that closes them even when this fails.
 */
export async function liveClassWithStudents(browser: Browser, names: string[], className = "Experiment 101", opened: BrowserContext[] = []) {
  const teacher = await newPage(browser);
  opened.push(teacher.context());
  const errors = watchConsole(teacher);
  await signUpInstructor(teacher);
  const { code, classId } = await createClass(teacher, className);
  const students: Page[] = [];
  const studentErrors: string[][] = [];
  for (const name of names) {
    const page = await newPage(browser);
    opened.push(page.context());
    studentErrors.push(watchConsole(page));
    students.push(page);
    await joinClass(page, code, name);
  }
  await teacher.getByRole("button", { name: "Start live session" }).click();
  await expect(teacher).toHaveURL(/\/sessions\/[^/]+$/);
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;
  for (const page of students) {
    await page.getByRole("link", { name: "Enter the live session" }).click();
    await expect(page.getByTestId("waiting")).toBeVisible();
  }
  await expect(teacher.getByTestId("tile")).toHaveCount(names.length);
  return { teacher, errors, classId, sessionId, students, studentErrors };
}

/** The summary a chart's picture is described by (aria-describedby), read through the ARIA link. */
export async function describedBy(chart: Locator) {
  const img = chart.locator("[role=img]").first();
  const id = await img.getAttribute("aria-describedby");
  expect(id).toBeTruthy();
  return chart.page().locator(`[id="${id}"]`);
}

/** A new instructor, on the edit page of their own copy of the built-in lesson. */
export async function instructorWithLessonCopy(browser: Browser) {
  const page = await newPage(browser);
  const errors = watchConsole(page);
  await signUpInstructor(page);
  await page.getByRole("link", { name: "Lessons" }).click();
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Edit lesson" })).toBeVisible();
  const lessonId = new URL(page.url()).pathname.split("/").find((p) => /^[a-z0-9]{20,}$/i.test(p))!;
  return { page, errors, lessonId };
}

/**
 * On the lesson's edit page: the preset of `type` set to use the class's own points, and its point
 * editor, which starts with its two starter points.
 */
export async function presetWithPoints(page: Page, type: "GATE" | "XOR") {
  const preset = page.getByTestId(`preset-${type}`);
  await page.waitForLoadState("networkidle");
  // a click before the page has hydrated is undone by React: tick again until the page follows
  await expect(async () => { await preset.getByTestId("preset-use-points").check({ timeout: 2000 }); }).toPass({ timeout: 30_000 });
  const editor = preset.getByTestId("point-editor");
  await expect(editor.getByRole("listitem")).toHaveCount(2);
  return { preset, editor };
}

/**
 * From the instructor's page: a new class, one student joined in her own browser, and a live session
 * of `lessonId` that she has entered. The student's page and console errors, and the session's id.
 */
export async function liveSessionWithOne(browser: Browser, teacher: Page, lessonId: string, className: string, nickname: string) {
  await teacher.goto("/classes");
  const { code } = await createClass(teacher, className);
  const student = await newPage(browser);
  const studentErrors = watchConsole(student);
  await joinClass(student, code, nickname);
  await teacher.getByLabel("Lesson").selectOption(lessonId);
  await teacher.getByRole("button", { name: "Start live session" }).click();
  await teacher.waitForURL(/\/sessions\/[^/]+$/);
  const sessionId = new URL(teacher.url()).pathname.split("/").pop()!;
  await student.getByRole("link", { name: "Enter the live session" }).click();
  await expect(student.getByTestId("waiting")).toBeVisible();
  return { student, studentErrors, sessionId };
}

/** A socket signed in as the page's user (the instructor's board, driven by the test). */
export async function socketOf(baseURL: string, page: Page): Promise<TestSocket> {
  const client = new Client(baseURL);
  for (const c of await page.context().cookies()) client.cookies.set(c.name, c.value);
  return connect(baseURL, client);
}

/** The trainer at its fastest speed, playing. */
export async function playFast(page: Page) {
  await page.getByTestId("speed").fill("5");
  await page.getByTestId("play").click();
}

/** What clicking the element with this test id downloads. */
export async function download(page: Page, testId: string): Promise<Download> {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()]);
  return file;
}

/** WCAG contrast of an element's text colour against the first opaque background behind it. */
export async function contrastOf(loc: ReturnType<Page["locator"]>): Promise<number> {
  return loc.evaluate((el) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    let bg: number[] = [255, 255, 255];
    for (let e: Element | null = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0.9)) { bg = c; break; }
    }
    let opacity = 1;
    for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
    const fg = rgb(getComputedStyle(el).color).slice(0, 3).map((v, i) => v * opacity + bg[i] * (1 - opacity));
    const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
    return (a + 0.05) / (b + 0.05);
  });
}
