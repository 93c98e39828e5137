// The dashboard as an instructor sees it after a live session with two students (driven from the
// test process through socket.io with real sign-in): the server's scores in the grid, the class
// charts, a student's replayed training curves, and the gradebook CSV (Korean nickname intact).
import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { parse } from "csv-parse/sync";
import { Client } from "../server/testing/http-client";
import { connect, type TestSocket } from "../server/testing/sockets";
import { train } from "../lib/nn/perceptron";
import { createClass, describedBy, newPage, signUpInstructor, watchConsole } from "./helpers";

test("after a live session the dashboard shows the scores and the gradebook CSV downloads", async ({ browser, baseURL }) => {
  const base = baseURL!;
  const page = await newPage(browser);
  const errors = watchConsole(page);
  const email = await signUpInstructor(page);
  const { code, classId } = await createClass(page, "신경망 기초");

  // The session, from the test process: the instructor's API client and socket, two students.
  const teacher = new Client(base);
  expect(await teacher.signIn("instructor", { email, password: "correct horse battery" })).toBeNull();
  const student = async (nickname: string) => {
    const c = new Client(base);
    expect(await c.join(code, nickname)).toBeNull();
    return c;
  };
  const [sky, ben] = [await student("하늘"), await student("Ben")];
  const lessons = (await teacher.json<{ lessons: { id: string; slug: string | null; exercises: { id: string; type: string }[] }[] }>("/api/lessons")).body.lessons;
  const lesson = lessons.find((l) => l.slug === "activation-basics")!;
  const ex = (type: string) => lesson.exercises.find((e) => e.type === type)!.id;
  const sessionId = (await teacher.json<{ id: string }>(`/api/classes/${classId}/sessions`, { lessonId: lesson.id })).body.id;
  const sockets: TestSocket[] = [];
  const open = async (c: Client) => {
    const s = await connect(base, c);
    sockets.push(s);
    return s;
  };
  try {
    const board = await open(teacher);
    expect(await board.emitWithAck("board:watch", { sessionId })).toMatchObject({ ok: true });
    const [s1, s2] = [await open(sky), await open(ben)];
    for (const s of [s1, s2]) expect(await s.emitWithAck("session:enter", { sessionId })).toMatchObject({ ok: true });
    let n = 0;
    const submit = (s: TestSocket, type: string, payload: unknown) =>
      s.emitWithAck("session:submit", { sessionId, exerciseId: ex(type), clientId: `e2e-${Date.now()}-${++n}`, payload });

    await board.emitWithAck("control:push", { sessionId, exerciseId: ex("GATE") });
    const run = { gate: "AND" as const, lr: 0.1, epochs: 60, seed: 3 };
    const { final } = train(run);
    expect(await submit(s1, "GATE", { ...run, w: final.w, b: final.b })).toMatchObject({ ok: true, result: { score: 10 } });
    expect(await submit(s2, "GATE", { ...run, w: [final.w[0] + 1, final.w[1]], b: final.b, score: 10 })).toMatchObject({ ok: true, result: { score: 0 } });

    await board.emitWithAck("control:push", { sessionId, exerciseId: ex("XOR") });
    const xor = { lr: 0.1, epochs: 40, seed: 2 };
    const bestAccuracy = train({ gate: "XOR", ...xor }).bestAccuracy;
    expect(await submit(s1, "XOR", { ...xor, bestAccuracy, explanation: "notSeparable" })).toMatchObject({ ok: true, result: { correct: true } });
    expect(await submit(s2, "XOR", { ...xor, bestAccuracy, explanation: "lrTooSmall" })).toMatchObject({ ok: true, result: { correct: false } });
    expect(await board.emitWithAck("control:end", { sessionId })).toEqual({ ok: true });
  } finally {
    for (const s of sockets) s.close();
  }

  // The dashboard: the server's scores, per student and exercise.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard: 신경망 기초" })).toBeVisible();
  await expect(page.getByTestId("dashboard-summary")).toHaveText("2 students of 2 · page 1 of 1");
  await expect(page.getByTestId("cell-하늘-2")).toContainText("10 / 10");
  await expect(page.getByTestId("cell-하늘-3")).toContainText("10 / 10");
  await expect(page.getByTestId("cell-Ben-2")).toContainText("0 / 10");
  await expect(page.getByTestId("cell-Ben-1")).toContainText("—");
  await expect(page.getByTestId("total-하늘")).toHaveText("20");
  await expect(page.getByTestId("total-Ben")).toHaveText("0");
  await expect(page.getByText("Most chosen wrong explanation: Learning rate too small (1 student).")).toBeVisible();
  await expect(page.getByTestId("score-distribution").locator("rect")).not.toHaveCount(0);

  // The charts in words (aria-describedby), the counts they draw: 하늘 full marks on 2 and 3, Ben zero, no one on 1.
  const label = "\\d\\. [^;]+";
  await expect(await describedBy(page.getByTestId("score-distribution"))).toHaveText(new RegExp(`^1\\. [^;]+: not started 2; 2\\. [^;]+: full marks 1, zero 1; 3\\. [^;]+: full marks 1, zero 1; most full marks: 2\\. [^;]+ \\(1 of 2\\)$`));
  await expect(await describedBy(page.getByTestId("completion-chart"))).toHaveText(new RegExp(`^2 students enrolled; ${label}: 1 of 2 solved \\(50 %\\); ${label}: 1 of 2 solved \\(50 %\\); most solved: 2\\. [^;]+$`));
  const xorAnswers = page.locator("[data-testid^=xor-answers-]");
  await expect(await describedBy(xorAnswers)).toHaveText(/^Students: Not linearly separable 1, Learning rate too small 1(, [^;,]+ 0)*; total 2; most: Not linearly separable, Learning rate too small \(1\)$/);
  await xorAnswers.getByRole("button", { name: "Show the data table" }).click();
  await expect(xorAnswers.getByRole("row", { name: "Learning rate too small 1" })).toBeVisible();
  // The same in Korean.
  const dashboardUrl = page.url();
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "ko", url: dashboardUrl }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "대시보드: 신경망 기초" })).toBeVisible();
  await expect(await describedBy(page.getByTestId("score-distribution"))).toHaveText(new RegExp(`^1\\. [^;]+: 시작 안 함 2; 2\\. [^;]+: 만점 1, 0점 1; 3\\. [^;]+: 만점 1, 0점 1; 만점 가장 많은 실습: 2\\. [^;]+ \\(2명 중 1명\\)$`));
  await expect(await describedBy(page.getByTestId("completion-chart"))).toHaveText(new RegExp(`^등록한 학생 2명; ${label}: 2명 중 1명 해결 \\(50 %\\); ${label}: 2명 중 1명 해결 \\(50 %\\); 가장 많이 해결: 2\\. [^;]+$`));
  await expect(await describedBy(xorAnswers)).toHaveText(/^학생 수: 선형 분리 불가능 1, 학습률이 너무 작음 1(, [^;,]+ 0)*; 합계 2; 가장 많음: 선형 분리 불가능, 학습률이 너무 작음 \(1\)$/);
  await page.context().addCookies([{ name: "NEXT_LOCALE", value: "en", url: dashboardUrl }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Dashboard: 신경망 기초" })).toBeVisible();

  // Sorting by total, highest first: Ben (0) goes below 하늘 (20); then ascending.
  await page.getByRole("link", { name: "Sort by Total" }).click();
  await expect(page).toHaveURL(/sort=total&dir=desc/);
  await expect(page.getByTestId("dashboard-row").first().getByRole("rowheader")).toHaveText("하늘");
  await page.getByRole("link", { name: "Sort by Total" }).click();
  await expect(page.getByTestId("dashboard-row").first().getByRole("rowheader")).toHaveText("Ben");

  // The gradebook CSV: named after the class and the day, BOM, one row per student, Korean intact.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Gradebook (CSV)" }).click()]);
  const day = new Date().toISOString().slice(0, 10);
  expect(download.suggestedFilename()).toBe(`신경망-기초_gradebook_${day}.csv`);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(bytes.subarray(3).toString("utf8")) as string[][];
  expect(rows.map((r) => [r[0], ...r.slice(2)])).toEqual([
    ["nickname", "Activation functions and the perceptron #1 ACTIVATION (10)", "Activation functions and the perceptron #2 GATE (10)", "Activation functions and the perceptron #3 XOR (10)", "total", "max", "solved", "late"],
    ["Ben", "", "0", "0", "0", "30", "0", "0"],
    ["하늘", "", "10", "10", "20", "30", "2", "0"],
  ]);

  // A click on a student opens their submissions, with the training curves replayed from the settings.
  await page.getByRole("link", { name: "하늘", exact: true }).click();
  await expect(page.getByRole("heading", { name: "하늘: submissions and progress" })).toBeVisible();
  await expect(page.getByTestId("replay-curve")).toHaveCount(2);
  await expect(page.getByTestId("replay-curve").first()).toContainText("AND, learning rate 0.1, 60 epochs, seed 3");
  await expect(page.getByTestId("replay-curve").first().locator("path.acc")).toHaveAttribute("d", /^M.+/);
  expect(errors).toEqual([]);
});
