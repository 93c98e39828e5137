// Instructors duplicate the built-in lesson and change each exercise's preset.
import { expect, test } from "@playwright/test";
import { newPage, signUpInstructor, watchConsole } from "./helpers";

test("duplicate the built-in lesson and change its presets, with clear errors", async ({ browser }) => {
  const page = await newPage(browser);
  const errors = watchConsole(page);
  await signUpInstructor(page);
  await page.getByRole("link", { name: "Lessons" }).click();
  await expect(page.getByTestId("lesson")).toHaveCount(1);
  await page.getByRole("button", { name: "Duplicate" }).click();
  await expect(page.getByRole("heading", { name: "Edit lesson" })).toBeVisible();

  const gate = page.getByTestId("preset-GATE");
  await gate.getByLabel("Gate").selectOption("OR");
  await gate.getByLabel("Default learning rate").fill("0.1");
  await gate.getByRole("button", { name: "Save" }).click();
  await expect(gate.getByText("Saved.")).toBeVisible();

  const explorer = page.getByTestId("preset-ACTIVATION");
  // Leave only sigmoid and tanh: both saturate on both sides, so the question would be too easy.
  for (const box of await explorer.getByRole("checkbox").all()) await box.uncheck();
  await explorer.getByRole("checkbox", { name: "Sigmoid", exact: true }).check();
  await explorer.getByRole("checkbox", { name: "tanh", exact: true }).check();
  await explorer.getByRole("button", { name: "Save" }).click();
  await expect(explorer.getByRole("alert")).toContainText("question is too easy");
  await explorer.getByRole("checkbox", { name: "ReLU", exact: true }).check();
  await explorer.getByRole("button", { name: "Save" }).click();
  await expect(explorer.getByText("Saved.")).toBeVisible();

  // The change is stored: a reload shows it.
  await page.reload();
  await expect(page.getByTestId("preset-GATE").getByLabel("Gate")).toHaveValue("OR");
  await page.goto("/lessons");
  await expect(page.getByTestId("lesson")).toHaveCount(2);
  expect(errors).toEqual([]);
});

test("the lesson's arc, in both languages, with the exercise at hand marked", async ({ browser }) => {
  for (const [locale, heading, conclusion, relu] of [
    ["en-US", "The lesson's argument", "5. Conclusion: a network needs a non-linear activation", "ReLU: fast, and sometimes dead"],
    ["ko-KR", "이 수업의 흐름", "5. 결론: 신경망에는 비선형 활성화 함수가 필요하다", "ReLU: 빠르지만 가끔 죽는다"],
  ] as const) {
    const page = await newPage(browser, locale);
    await page.goto("/practice/xor");
    const arc = page.getByTestId("lesson-arc");
    await arc.getByText(heading).click();
    await expect(arc.locator("li")).toHaveCount(5);
    await expect(arc.getByTestId("arc-conclusion")).toHaveAttribute("aria-current", "step");
    await expect(arc.getByTestId("arc-perceptron")).not.toHaveAttribute("aria-current", "step");
    await expect(arc.getByText(conclusion)).toBeVisible();
    await expect(arc.getByRole("heading", { name: relu })).toBeVisible();
    await page.goto("/practice/gate");
    await expect(page.getByTestId("lesson-arc").getByTestId("arc-perceptron")).toHaveAttribute("aria-current", "step");
    await page.context().close();
  }
});
