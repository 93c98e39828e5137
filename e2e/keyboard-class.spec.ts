// A whole class with the keyboard alone, in English and in Korean (WCAG 2.1.1): the instructor signs
// up, creates a class, starts a session, pushes each exercise, pauses, resumes, unlocks the hidden
// layer, reveals and ends; a student joins, answers the activation question, trains and submits the
// gate, trains XOR and explains it. No click and no fill: every step is a key (e2e/keys.ts).
import { expect, test, type Page } from "@playwright/test";
import { ACTIVATION_CHOICES } from "../lib/lessons/exercises";
import { expectedAnswer } from "../lib/grading/questions";
import { newPage, uniqueEmail } from "./helpers";
import { chooseOption, msg, press, tabTo, typeInto, type Lang } from "./keys";

const LOCALE: Record<Lang, string> = { en: "en-US", ko: "ko-KR" };
const POINTS = /10 \/ 10/;

for (const lang of ["en", "ko"] as const) test(`a whole class by keyboard alone (${lang})`, async ({ browser }) => {
  test.setTimeout(240_000); // about a minute on a quiet machine; every key is a round trip to the browser
  const t = (key: string, vars?: Record<string, string | number>) => msg(lang, key, vars);

  // The instructor signs up (the tabs move with the arrow keys) and lands on the class list.
  const teacher = await newPage(browser, LOCALE[lang]);
  await teacher.goto("/signin");
  await teacher.waitForLoadState("networkidle");
  await tabTo(teacher, teacher.getByRole("tab", { name: t("signIn.tabSignIn") }));
  await teacher.keyboard.press("ArrowRight");
  await expect(teacher.getByRole("tab", { name: t("signIn.tabSignUp") })).toBeFocused();
  await typeInto(teacher, teacher.getByLabel(t("signIn.name"), { exact: true }), "Ms. Keys");
  await typeInto(teacher, teacher.getByLabel(t("signIn.email")), uniqueEmail("keys"));
  await typeInto(teacher, teacher.getByLabel(t("signIn.password")), "correct horse battery");
  await teacher.keyboard.press("Enter");
  await expect(teacher).toHaveURL(/\/classes$/, { timeout: 30_000 });
  await teacher.waitForLoadState("networkidle");

  await typeInto(teacher, teacher.getByLabel(t("classes.newName")), `Keys ${lang}`);
  await teacher.keyboard.press("Enter");
  await expect(teacher.getByRole("heading", { name: `Keys ${lang}` })).toBeVisible();
  const code = (await teacher.getByTestId("join-code").textContent())!.trim();
  await teacher.waitForLoadState("networkidle");
  await press(teacher, teacher.getByRole("button", { name: t("live.start.submit") }));
  await teacher.waitForURL(/\/sessions\/[^/]+$/);
  await teacher.waitForLoadState("networkidle");

  // The student joins from the QR code's link: the code is filled in, the nickname field has the focus.
  const student = await newPage(browser, LOCALE[lang]);
  await student.goto(`/join?code=${code}`);
  await expect(student.getByLabel(t("join.nickname"))).toBeFocused();
  await student.keyboard.type("Kim Keys");
  await student.keyboard.press("Enter");
  await expect(student).toHaveURL(/\/student$/);
  await student.waitForLoadState("networkidle");
  await press(student, student.getByRole("link", { name: t("live.home.enter") }));
  await expect(student.getByTestId("waiting")).toBeVisible();
  await expect(teacher.getByTestId("tile")).toHaveCount(1);

  const push = async (index: number) => {
    await chooseOption(teacher, teacher.getByTestId("push-exercise"), index);
    await press(teacher, teacher.getByTestId("push-button"));
  };
  const heading = (position: number, name: string) => student.getByRole("heading", { name: t("live.exercise.heading", { position, name }) });

  // 1. Activation functions: tick exactly the right activations with Space, send with Enter.
  await push(0);
  await expect(heading(1, t("live.exercise.ACTIVATION"))).toBeVisible();
  for (const id of expectedAnswer("saturatesBothSides", ACTIVATION_CHOICES)) {
    await press(student, student.getByRole("checkbox", { name: t(`explorer.names.${id}`), exact: true }));
  }
  await press(student, student.getByRole("button", { name: t("explorer.question.submit") }));
  await expect(student.getByTestId("submission-status")).toContainText(POINTS);

  // 2. The AND gate: seed, speed (End = fastest), Play, then check.
  await push(1);
  await expect(heading(2, t("live.exercise.GATE", { gate: "AND" }))).toBeVisible();
  // Paused by the instructor: the student's controls lock; resumed, they unlock.
  await press(teacher, teacher.getByRole("button", { name: t("controls.pause") }));
  await expect(student.getByTestId("paused-banner")).toBeVisible();
  await expect(student.getByRole("button", { name: t("trainer.controls.play"), exact: true })).toBeDisabled();
  await press(teacher, teacher.getByRole("button", { name: t("controls.resume") }));
  await expect(student.getByRole("button", { name: t("trainer.controls.play"), exact: true })).toBeEnabled();
  await train(student, t, "7");
  await expect(student.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "1000", { timeout: 30_000 });
  await press(student, student.getByRole("button", { name: t("trainer.check.button") }));
  await expect(student.getByTestId("submission-status")).toContainText(POINTS);

  // 3. XOR: train a single perceptron (it cannot reach 100 %), then pick the explanation with Space.
  await push(2);
  await expect(heading(3, t("live.exercise.XOR"))).toBeVisible();
  await typeInto(student, student.getByLabel(t("trainer.controls.epochs"), { exact: true }), "200");
  await train(student, t, "3");
  await expect(student.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "200", { timeout: 30_000 });
  await press(student, student.getByRole("radio", { name: t("trainer.question.choices.notSeparable") }));
  await press(student, student.getByRole("button", { name: t("trainer.question.submit") }));
  await expect(student.getByTestId("submission-status")).toContainText(POINTS);

  // The hidden layer, the reveal, the end: each from the board's keyboard.
  await press(teacher, teacher.getByTestId("xor-unlock"));
  await expect(student.getByTestId("xor-hidden-layer")).toBeVisible();
  await press(teacher, teacher.getByRole("button", { name: t("controls.reveal") }));
  await expect(student.getByTestId("revealed-answer")).toBeVisible();
  await tabTo(teacher, teacher.locator("summary", { hasText: t("board.toolbar.more") }));
  await teacher.keyboard.press("Enter");
  await press(teacher, teacher.getByRole("button", { name: t("controls.end"), exact: true }));
  // The question takes the focus to Cancel (the safe choice); Yes is one Shift+Tab before it.
  await press(teacher, teacher.getByRole("button", { name: t("controls.endYes") }), { back: true });
  await expect(student.getByTestId("ended")).toBeVisible();
  await expect(teacher.getByTestId("session-controls")).toContainText(t("controls.ended"));
  await teacher.context().close();
  await student.context().close();
});

/** Seed typed in, speed to the fastest with End, Play with Enter. */
async function train(page: Page, t: (k: string) => string, seed: string) {
  await typeInto(page, page.getByLabel(t("trainer.controls.seed"), { exact: true }), seed);
  await tabTo(page, page.getByTestId("speed"));
  await page.keyboard.press("End");
  await press(page, page.getByRole("button", { name: t("trainer.controls.play"), exact: true }));
}

// WCAG 2.5.7 and 2.1.1: whatever a pointer can do on the exercise pages, keys can do. Every slider
// moves with the arrow keys; the 3D surface turns with its rotation slider; the picture is picked
// from a select with the arrow keys.
test("every slider, the 3D surface's rotation and the image picker work from the keyboard", async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await newPage(browser, "en-US");
  for (const path of ["/practice/activation", "/practice/gate"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const sliders = page.locator("input[type=range]:not([disabled])");
    const count = await sliders.count();
    expect(count, path).toBeGreaterThan(0);
    for (let i = 0; i < count; i++) {
      const slider = sliders.nth(i);
      const before = await slider.inputValue();
      await tabTo(page, slider);
      const max = await slider.getAttribute("max");
      await page.keyboard.press(before === max ? "ArrowLeft" : "ArrowRight");
      await expect(slider, `${path} slider ${i}`).not.toHaveValue(before);
    }
  }
  // The 3D surface (on /practice/gate): the rotation slider turns the dots (drawn on a canvas over the box).
  const dots = page.getByTestId("output-surface").locator("canvas");
  const picture = () => dots.evaluate((c: HTMLCanvasElement) => c.toDataURL());
  const was = await picture();
  await tabTo(page, page.getByLabel("Turn the view"), { back: true });
  await page.keyboard.press("ArrowRight");
  await expect.poll(picture).not.toBe(was);

  // The image picker: a native select, changed with the arrow keys; the panel draws the new picture.
  await page.goto("/practice/activation");
  await page.waitForLoadState("networkidle");
  // Its name is the label and the picture chosen ("Picture Checkerboard"), as practice-activation.spec finds it.
  const picker = page.getByRole("combobox", { name: /^Picture/ });
  const first = await picker.inputValue();
  await tabTo(page, picker);
  await page.keyboard.press("ArrowDown");
  await expect(picker).not.toHaveValue(first);
  await page.context().close();
});
