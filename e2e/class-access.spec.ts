// The instructor's join controls and student removal, as people see them: lock joining from the
// class page, cap the size and rotate the code in the settings, remove a student (with a
// confirmation), and the refusals a student reads, in English and Korean. Sign-out on one device
// signs the account out on the other too.
import { expect, test, type Page } from "@playwright/test";
import { createClass, JOIN_LABELS, newPage, signUpInstructor, uniqueEmail, watchConsole } from "./helpers";

async function tryJoin(page: Page, code: string, nickname: string, labels = JOIN_LABELS.en) {
  await page.goto("/");
  await page.waitForLoadState("networkidle");
  await page.getByLabel(labels.code).fill(code);
  await page.getByLabel(labels.nickname).fill(nickname);
  await page.getByRole("button", { name: labels.join }).click();
}

test("lock, cap, rotate and remove: what the instructor does and what students are told", async ({ browser }) => {
  const teacher = await newPage(browser);
  const errors = watchConsole(teacher);
  await signUpInstructor(teacher);
  const { code, classId } = await createClass(teacher, "Access 101");
  await teacher.waitForLoadState("networkidle"); // the switch acts through React once hydrated

  // Lock joining from the class page: a student is refused with a clear message, in both languages.
  await teacher.getByLabel("Lock joining").check();
  await expect(teacher.getByTestId("join-lock").getByRole("status")).toContainText("Joining is locked");
  const en = await newPage(browser);
  await tryJoin(en, code, "Early");
  await expect(en.getByText("Joining this class is locked right now.")).toBeVisible();
  const ko = await newPage(browser, "ko-KR");
  await tryJoin(ko, code, "하늘", JOIN_LABELS.ko);
  await expect(ko.getByText("지금은 이 수업에 들어올 수 없도록 잠겨 있어요.")).toBeVisible();
  await teacher.getByLabel("Lock joining").uncheck();
  await expect(teacher.getByTestId("join-lock").getByRole("status")).toContainText("Joining is open");
  await tryJoin(en, code, "Early");
  await expect(en).toHaveURL(/\/student$/);

  // Settings: a cap of 1 (one student is in): the next join is told the class is full.
  await teacher.goto(`/classes/${classId}/settings`);
  const controls = teacher.getByTestId("join-controls");
  await controls.getByLabel("Class size limit (students)").fill("1");
  await controls.getByRole("button", { name: "Save the limit" }).click();
  await expect(controls.getByText("Saved.")).toBeVisible();
  await tryJoin(ko, code, "하늘", JOIN_LABELS.ko);
  await expect(ko.getByText("이 수업은 정원이 찼어요.")).toBeVisible();
  await controls.getByLabel("Class size limit (students)").fill("");
  await controls.getByRole("button", { name: "Save the limit" }).click();

  // Rotate the code, after a confirmation: the old code no longer works, the new one does.
  await controls.getByRole("button", { name: "Make a new code" }).click();
  await controls.getByRole("button", { name: "Yes, make a new code" }).click();
  await expect(controls.getByText("New code made.")).toBeVisible();
  const fresh = (await controls.getByTestId("settings-join-code").textContent())!.trim();
  expect(fresh).not.toBe(code);
  await tryJoin(ko, code, "하늘", JOIN_LABELS.ko);
  await expect(ko.getByText("이 코드의 수업이 없습니다")).toBeVisible();
  await tryJoin(ko, fresh, "하늘", JOIN_LABELS.ko);
  await expect(ko).toHaveURL(/\/student$/);

  // Remove one student, confirmed: they are gone from the list and signed out on their device.
  await teacher.reload();
  const list = teacher.getByTestId("student-removal");
  await expect(list.getByRole("heading", { name: "Students (2)" })).toBeVisible();
  await list.getByRole("checkbox", { name: "Early" }).check();
  await list.getByRole("button", { name: "Remove 1 student" }).click();
  await list.getByRole("button", { name: "Yes, delete for good" }).click();
  await expect(list.getByText("1 student removed.")).toBeVisible();
  await expect(list.getByRole("heading", { name: "Students (1)" })).toBeVisible();
  await en.goto("/student");
  await expect(en).not.toHaveURL(/\/student$/);
  await ko.goto("/student");
  await expect(ko).toHaveURL(/\/student$/); // the other student is untouched
  expect(errors).toEqual([]);
});

test("signing out on one device signs the account out on the other", async ({ browser }) => {
  const laptop = await newPage(browser);
  const email = await signUpInstructor(laptop, uniqueEmail("two-devices"));
  const phone = await newPage(browser);
  await phone.goto("/signin");
  await phone.getByLabel("Email").fill(email);
  await phone.getByLabel("Password").fill("correct horse battery");
  await phone.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(phone).toHaveURL(/\/classes$/);
  await laptop.getByRole("button", { name: "Sign out" }).click();
  await expect(laptop).not.toHaveURL(/\/classes$/);
  await phone.goto("/classes");
  await expect(phone).toHaveURL(/\/signin/);
});
