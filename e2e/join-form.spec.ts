// The join form in a real browser, through its one request (POST /api/join): a student joins and
// lands on their page; refusals show the same translated messages as before, in English and Korean.
import { expect, test } from "@playwright/test";
import { createClass, joinClass, JOIN_LABELS, newPage, signUpInstructor, watchConsole } from "./helpers";

test("a student joins with the form; a taken nickname and an unknown code are explained in their language", async ({ browser }) => {
  const teacher = await newPage(browser);
  await signUpInstructor(teacher);
  const { code } = await createClass(teacher, "Join form");

  const ana = await newPage(browser);
  const anaErrors = watchConsole(ana);
  await joinClass(ana, code, "Ana");
  await expect(ana.getByText("Ana").first()).toBeVisible();
  expect(anaErrors).toEqual([]);

  const ko = await newPage(browser, "ko-KR");
  const koErrors = watchConsole(ko);
  await ko.goto("/join");
  await ko.waitForLoadState("networkidle");
  const L = JOIN_LABELS.ko;
  await ko.getByLabel(L.code).fill(code.toLowerCase());
  await ko.getByLabel(L.nickname).fill("ANA");
  await ko.getByRole("button", { name: L.join }).click();
  await expect(ko.getByText("이 수업에서 이미 쓰는 닉네임입니다. 다른 닉네임을 고르세요.")).toBeVisible();
  await ko.getByLabel(L.code).fill("ZZZZZZ");
  await ko.getByLabel(L.nickname).fill("벤");
  await ko.getByRole("button", { name: L.join }).click();
  await expect(ko.getByText("이 코드의 수업이 없습니다. 강사에게 코드를 확인하세요.")).toBeVisible();
  await ko.getByLabel(L.code).fill(code);
  await ko.getByRole("button", { name: L.join }).click();
  await expect(ko).toHaveURL(/\/student$/);
  expect(koErrors).toEqual([]);
});
