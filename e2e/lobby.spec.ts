// The class lobby: the code, the address to type, a copyable link and a QR code that opens the join
// form with the code filled in; students appear in the roster as they arrive.
import { expect, test } from "@playwright/test";
import { createClass, newPage, signUpInstructor, watchConsole } from "./helpers";

test("the lobby shows where to go; its link fills the code in and the student appears live", async ({ browser, baseURL }) => {
  const teacher = await newPage(browser);
  const errors = watchConsole(teacher);
  await teacher.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  await signUpInstructor(teacher);
  await teacher.waitForLoadState("networkidle");
  const { code } = await createClass(teacher, "Lobby 101");
  const host = new URL(baseURL!).host;
  const link = `${baseURL}/join?code=${code}`;

  const lobby = teacher.getByTestId("lobby");
  await expect(lobby.getByTestId("join-address")).toHaveText(`${host}/join`);
  await expect(lobby.getByTestId("join-code")).toHaveText(code);
  const qr = lobby.getByTestId("join-qr");
  await expect(qr).toHaveAttribute("aria-label", `QR code that opens ${link}`);
  await expect(qr.locator("svg path").first()).toBeAttached();
  // The code is big enough to read from the back of a room.
  const size = await lobby.getByTestId("join-code").evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(48);
  // A screen reader hears what the code is (the step is the term, the code its value), letter by letter.
  const tree = await lobby.locator("dl").ariaSnapshot();
  expect(tree).toContain("- term: 2. Type this code with a nickname");
  expect(tree).toContain(`- definition: "Join code, letter by letter: ${code.split("").join(" ")}"`);
  expect(tree).not.toContain(`${code}\n`);

  // "Lock joining" is a small checkbox on the line of its words, not a big box above them.
  const lock = teacher.getByLabel("Lock joining");
  const box = (await lock.boundingBox())!;
  const row = (await teacher.getByTestId("join-lock").locator("label").boundingBox())!;
  expect(box.width).toBeGreaterThanOrEqual(24);
  expect(box.width).toBeLessThanOrEqual(32);
  expect(row.height).toBeLessThan(60);
  expect(box.x - row.x).toBeLessThan(4); // at the start of the line, the words after it
  await teacher.getByTestId("join-lock").screenshot({ path: "test-results/lock-joining.png" });

  await lobby.getByRole("button", { name: "Copy the join link" }).click();
  await expect(lobby.getByText("Link copied.")).toBeVisible();
  expect(await teacher.evaluate(() => navigator.clipboard.readText())).toBe(link);

  // A student opens the link: the code is there, the cursor waits in the nickname field.
  const student = await newPage(browser, "en-US", { width: 390, height: 844 });
  await student.goto(link);
  await student.waitForLoadState("networkidle");
  await expect(student.getByLabel("Class code")).toHaveValue(code);
  await expect(student.getByLabel("Nickname")).toBeFocused();
  await student.keyboard.type("Lena");
  await student.getByRole("button", { name: "Join", exact: true }).click();
  await expect(student).toHaveURL(/\/student$/);
  await expect(lobby.getByTestId("roster")).toContainText("Lena");
  expect(errors).toEqual([]);
});
