// The network as homework (issue 20, point 1): an instructor opens the lesson as homework; a student
// trains the XOR network at home and hands its run in; the server replays it and says so.
import { expect, test } from "@playwright/test";
import { createClass, joinClass, newPage, signUpInstructor, watchConsole } from "./helpers";

test("a student hands in the network's run as homework and the server's replay accepts it", async ({ browser }) => {
  test.setTimeout(240_000); // a 3,000-epoch run in the browser on a loaded machine
  const teacher = await newPage(browser);
  await signUpInstructor(teacher);
  const { code, classId } = await createClass(teacher, "Homework 101");
  await teacher.goto(`/classes/${classId}/homework`);
  await teacher.waitForLoadState("networkidle");
  await teacher.getByLabel("Due date and time").fill("2099-01-01T12:00");
  await teacher.getByRole("button", { name: "Open as homework" }).click();
  await expect(teacher.getByRole("status")).toContainText("Opened.");
  const href = (await teacher.getByRole("link", { name: "Student page" }).first().getAttribute("href"))!;

  const student = await newPage(browser, "en-US", { width: 1280, height: 900 });
  const errors = watchConsole(student);
  await joinClass(student, code, "Noor");
  await student.goto(href);
  await student.getByTestId("homework-exercises").getByRole("link", { name: /^Exercise 3: / }).click(); // the XOR exercise
  await expect(student.getByRole("heading", { level: 1, name: /exercise 3/ })).toBeVisible();
  await student.waitForLoadState("networkidle");
  await student.getByRole("button", { name: "Show the two-layer network" }).click();
  const net = student.locator("#xor-net");
  await expect(net.getByTestId("net-epoch")).toHaveText("Epoch 3000", { timeout: 120_000 });
  await net.getByTestId("net-submit").click();
  await expect(net.getByTestId("net-result")).toHaveText(/^Accepted: the server's replay solved XOR \(100%\)\.$|^Accepted, but this run reached/);
  expect(errors).toEqual([]);
  await teacher.context().close();
  await student.context().close();
});
