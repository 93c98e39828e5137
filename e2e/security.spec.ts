// The locked-down edge in a real browser: every main page works under the nonce CSP with no
// violation reported (home, join, sign-in, practice pages, the class and board pages, a student's
// live page), the pages refuse to be framed, and a rate-limited sign-in shows its translated message.
import { expect, test, type Page } from "@playwright/test";
import { createClass, joinClass, newPage, signUpInstructor, uniqueEmail, watchConsole } from "./helpers";

/** CSP violations, from the page's own securitypolicyviolation events and the console. */
async function watchCsp(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}
const violations = async (page: Page, fromConsole: string[]) => [...fromConsole, ...((await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])) as string[])];

test("every main page works under the CSP, with no violation", async ({ browser }) => {
  const teacher = await newPage(browser);
  const cspT = await watchCsp(teacher);
  const errors = watchConsole(teacher);

  for (const path of ["/", "/signin", "/practice", "/practice/activation", "/practice/gate", "/practice/xor"]) {
    const res = await teacher.goto(path);
    expect(res?.headers()["content-security-policy"]).toContain("'nonce-");
    await teacher.waitForLoadState("networkidle");
    expect(await violations(teacher, cspT), path).toEqual([]);
  }
  // Hydrated and drawing under the CSP: the practice pages' D3 charts are there.
  await teacher.goto("/practice/gate");
  await expect(teacher.locator("svg path").first()).toBeVisible();

  await signUpInstructor(teacher);
  const { code } = await createClass(teacher, "CSP class");
  await teacher.getByRole("button", { name: "Start live session" }).click();
  await expect(teacher).toHaveURL(/\/sessions\/[^/]+$/);

  const student = await newPage(browser);
  const cspS = await watchCsp(student);
  await joinClass(student, code, "Ana");
  await student.getByRole("link", { name: "Enter the live session" }).click();
  await expect(student.getByTestId("waiting")).toContainText("Waiting for the instructor");
  await expect(teacher.getByTestId("tile")).toHaveCount(1); // the socket works under connect-src 'self'

  await teacher.getByRole("combobox", { name: "Exercise" }).selectOption({ label: "2. Train a perceptron: AND" });
  await teacher.getByRole("button", { name: "Send 2. Train a perceptron: AND" }).click();
  await expect(student.getByRole("heading", { name: "Exercise 2: Train a perceptron: AND" })).toBeVisible();
  await student.waitForLoadState("networkidle");

  expect(await violations(teacher, cspT)).toEqual([]);
  expect(await violations(student, cspS)).toEqual([]);
  expect(errors).toEqual([]);
});

test("the pages cannot be framed by another site", async ({ browser }) => {
  const page = await newPage(browser);
  const res = await page.goto("/");
  expect(res?.headers()["x-frame-options"]).toBe("DENY");
  expect(res?.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  // A page of another origin tries to frame the app: the frame stays empty.
  await page.goto("about:blank");
  await page.setContent(`<iframe id="f" src="${new URL("/", page.context().pages()[0].url() === "about:blank" ? "http://localhost:" + (process.env.E2E_PORT ?? 3217) : page.url()).href}"></iframe>`);
  await page.waitForTimeout(1500);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const text = frame ? await frame.evaluate(() => document.body?.innerText ?? "").catch(() => "") : "";
  expect(text).not.toContain("NeuronLab");
});

test("a rate-limited sign-in shows its message in the form, in English and Korean", async ({ browser }) => {
  for (const [locale, message] of [
    ["en-US", "Too many attempts. Wait a little and try again."],
    ["ko-KR", "시도가 너무 많습니다. 잠시 기다렸다가 다시 해 보세요."],
  ] as const) {
    const page = await newPage(browser, locale);
    const email = uniqueEmail("locked");
    await page.goto("/signin");
    await page.waitForLoadState("networkidle");
    const fields = page.locator("form input");
    for (let i = 0; i < 6; i++) {
      await fields.nth(0).fill(email);
      await fields.nth(1).fill(`wrong password ${i}`);
      await page.locator("form button[type=submit]").click();
      await expect(page.locator("form button[type=submit]")).toBeEnabled();
    }
    await expect(page.getByText(message)).toBeVisible();
  }
});
