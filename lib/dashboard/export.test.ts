import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { BOM, contentDisposition, exportFilename, gradebookRows, safeText, toCsv } from "./export";
import type { DashboardColumn } from "./dashboard";

const columns: DashboardColumn[] = [
  { id: "a", lessonId: "l", lessonTitle: "Basics", position: 0, type: "ACTIVATION", points: 10 },
  { id: "g", lessonId: "l", lessonTitle: "Basics", position: 1, type: "GATE", points: 5 },
];

describe("gradebook", () => {
  it("has one row per student, one column per exercise, then totals", () => {
    const rows = gradebookRows(columns, [
      { nickname: "하늘", joinedAt: new Date("2026-11-28T09:00:00Z"), best: new Map([["a", 10], ["g", 0]]), correct: new Set(["a"]), late: new Set() },
      { nickname: "=HYPERLINK(1)", joinedAt: new Date("2026-11-28T09:01:00Z"), best: new Map([["g", 5]]), correct: new Set(["g"]), late: new Set(["g"]) },
    ]);
    expect(rows[0]).toEqual(["nickname", "joined", "Basics #1 ACTIVATION (10)", "Basics #2 GATE (5)", "total", "max", "solved", "late"]);
    expect(rows[1]).toEqual(["하늘", "2026-11-28T09:00:00.000Z", 10, 0, 10, 15, 1, 0]);
    expect(rows[2]).toEqual(["'=HYPERLINK(1)", "2026-11-28T09:01:00.000Z", "", 5, 5, 15, 1, 1]);
  });
  it("a class that unlocked the hidden layer gets one more column: 1 for a student who solved XOR with it", () => {
    const student = (nickname: string, xorNet: boolean) => ({ nickname, joinedAt: new Date(0), best: new Map(), correct: new Set<string>(), late: new Set<string>(), xorNet });
    const rows = gradebookRows(columns, [student("Ana", true), student("Ben", false)], { xorNet: true });
    expect(rows[0].slice(-5)).toEqual(["total", "max", "solved", "late", "xor_hidden_layer"]);
    expect(rows.slice(1).map((r) => [r[0], r.at(-1)])).toEqual([["Ana", 1], ["Ben", 0]]);
    expect(gradebookRows(columns, [student("Ana", true)])[0].at(-1)).toBe("late"); // not unlocked: as before
  });
  it("quotes what needs quoting and reads back the same (Korean intact)", () => {
    const csv = toCsv([["이름, 별명", 'say "hi"', "줄\n바꿈", 3, true]]);
    expect(csv).toBe('"이름, 별명","say ""hi""","줄\n바꿈",3,true\r\n');
    expect(parse(csv)).toEqual([["이름, 별명", 'say "hi"', "줄\n바꿈", "3", "true"]]);
    expect(BOM).toBe("\uFEFF");
  });
  it("keeps formulas from running in a spreadsheet", () => {
    expect(["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "하늘", "a=b"].map(safeText)).toEqual(["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\tx", "하늘", "a=b"]);
  });
});

describe("download names", () => {
  it("names the file after the class and the day", () => {
    const day = new Date("2026-11-28T23:30:00Z");
    expect(exportFilename("신경망 기초 101", "gradebook", day)).toBe("신경망-기초-101_gradebook_2026-11-28.csv");
    expect(exportFilename('a/b:c*?"<>|', "submissions", day)).toBe("a-b-c_submissions_2026-11-28.csv");
    expect(exportFilename("...", "gradebook", day)).toBe("class_gradebook_2026-11-28.csv");
  });
  it("gives an ASCII fallback and the RFC 5987 UTF-8 name", () => {
    expect(contentDisposition("신경망_gradebook.csv")).toBe(`attachment; filename="____gradebook.csv"; filename*=UTF-8''%EC%8B%A0%EA%B2%BD%EB%A7%9D_gradebook.csv`);
    expect(contentDisposition(`it's (x).csv`)).toBe(`attachment; filename="it's (x).csv"; filename*=UTF-8''it%27s%20%28x%29.csv`);
  });
});

describe("formula escaping in every cell", () => {
  it("escapes header cells (a lesson title) and any text cell, leaves numbers alone", async () => {
    const { toCsv, gradebookRows } = await import("./export");
    const columns = [{ id: "x1", lessonTitle: '=HYPERLINK("http://evil.example","click")', position: 0, type: "GATE", points: 10 }];
    const rows = gradebookRows(columns as never, [{ nickname: "@SUM(A1)", joinedAt: new Date(0), best: new Map([["x1", -3]]), correct: new Set(), late: new Set() }]);
    const csv = toCsv(rows);
    const [header, row] = csv.replace(/^\uFEFF/, "").split("\r\n");
    expect(header).toContain(`"'=HYPERLINK(""http://evil.example"",""click"") #1 GATE (10)"`);
    expect(row.startsWith("'@SUM(A1)")).toBe(true);
    expect(row).toContain(",-3,"); // a number, not text: not escaped
    for (const lead of ["=", "+", "-", "@", "\t", "\r"]) {
      const out = toCsv([[`${lead}1+1`]]);
      expect(out.replace(/^"/, "").startsWith("'"), JSON.stringify(lead)).toBe(true);
    }
    expect(toCsv([["'=already"]])).toBe("'=already\r\n");
  });
});
