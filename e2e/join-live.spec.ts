// The walking skeleton as two people see it: an instructor creates a class, a student joins with
// the code shown, and the student appears on the instructor's page without a reload.
import { expect, test } from "@playwright/test";
import { createClass, newPage, signUpInstructor, watchConsole } from "./helpers";

test("a student who joins appears on the instructor's roster live", async ({ browser }) => {
  const teacher = await newPage(browser);
  const teacherErrors = watchConsole(teacher);
  await signUpInstructor(teacher);
  const { code } = await createClass(teacher, "Neural nets 101");
  await expect(teacher.getByTestId("connection")).toHaveText("Live");
  await expect(teacher.getByText("No student has joined yet")).toBeVisible();
  expect(code).toMatch(/^[A-Z0-9]{6}$/);

  // The student, on a phone-sized screen, in Korean.
  const student = await newPage(browser, "ko-KR", { width: 390, height: 844 });
  const studentErrors = watchConsole(student);
  await student.goto("/");
  await expect(student.getByRole("heading", { name: "수업 참여" })).toBeVisible();
  await student.getByLabel("수업 코드").fill("ZZZZZZ");
  await student.getByLabel("닉네임").fill("하늘");
  await student.getByRole("button", { name: "참여하기" }).click();
  await expect(student.getByText("이 코드의 수업이 없습니다")).toBeVisible();
  await student.getByLabel("수업 코드").fill(code.toLowerCase());
  await student.getByRole("button", { name: "참여하기" }).click();
  await expect(student.getByRole("heading", { name: "하늘님, 환영합니다!" })).toBeVisible();
  await expect(student.getByTestId("connection")).toHaveText("실시간 연결됨");

  // Without any reload of the instructor's page:
  const roster = teacher.getByTestId("roster");
  await expect(roster).toContainText("하늘");
  await expect(teacher.getByText("1 joined, 1 online")).toBeVisible();

  // The student's session survives a refresh.
  await student.reload();
  await expect(student.getByRole("heading", { name: "하늘님, 환영합니다!" })).toBeVisible();

  expect(teacherErrors).toEqual([]);
  expect(studentErrors).toEqual([]);
});

test("the language can be switched in the header and is remembered", async ({ browser }) => {
  const page = await newPage(browser, "en-US");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Join a class" })).toBeVisible();
  // the home page has no script for an anonymous visitor: its switch is a link to the other language
  await page.getByRole("link", { name: "Language: 한국어" }).click();
  await expect(page.getByRole("heading", { name: "수업 참여" })).toBeVisible();
  await page.reload();
  await expect(page.getByRole("heading", { name: "수업 참여" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ko");
  // the React pages' switch (a select) remembers it the same way, both ways
  await page.goto("/practice");
  await expect(page.getByRole("combobox", { name: "언어" })).toHaveValue("ko");
  await page.getByRole("combobox", { name: "언어" }).selectOption("en");
  await expect(page.getByRole("link", { name: "Practice" })).toBeVisible();
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Join a class" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});
