// CSV exports: the gradebook's rows, cells a spreadsheet will not run as formulas, a UTF-8 byte
// order mark (so that a spreadsheet reads Korean names right), and download file names.
import { stringify } from "csv-stringify/sync";
import type { DashboardColumn } from "./dashboard";

/** Excel and others guess a legacy encoding for a CSV without it; with it, UTF-8. */
export const BOM = "\uFEFF";

/**
 * A text cell starting with = + - @ (or a tab / carriage return) is run as a formula by spreadsheets
 * ("CSV injection"): such a cell gets a leading apostrophe, which spreadsheets show as text.
 */
export function safeText(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Every text cell of every row, the header row included, goes through safeText here (a lesson title
 * in a column header is as dangerous as a nickname in a cell). Numbers and booleans stay as they are.
 */
export function toCsv(rows: (string | number | boolean | null)[][]): string {
  const safe = rows.map((r) => r.map((c) => (typeof c === "string" ? safeText(c) : c)));
  // RFC 4180: CRLF between records; a field holding any line break is quoted.
  return stringify(safe, { cast: { boolean: (b) => (b ? "true" : "false") }, eof: true, record_delimiter: "\r\n", quoted_match: /[\r\n]/ });
}

/** "Lesson title #2 GATE (10)": one gradebook column per exercise. */
export function columnTitle(c: DashboardColumn): string {
  return `${c.lessonTitle} #${c.position + 1} ${c.type} (${c.points})`;
}

export interface GradebookStudent {
  nickname: string;
  joinedAt: Date;
  /** Best score per exercise id (absent: never attempted). */
  best: Map<string, number>;
  /** Exercises solved (a correct submission). */
  correct: Set<string>;
  /** Exercises whose result came late (homework after its due date). */
  late: Set<string>;
  /** Solved XOR with a hidden layer (read only when the class unlocked it). */
  xorNet?: boolean;
}

/**
 * One row per student, one column per exercise (best score, empty when never attempted), then the
 * total, the maximum possible, the number solved and how many were late (and, with `xorNet`,
 * whether the student solved XOR with a hidden layer).
 */
export function gradebookRows(columns: DashboardColumn[], students: GradebookStudent[], opts: { xorNet?: boolean } = {}): (string | number)[][] {
  const max = columns.reduce((s, c) => s + c.points, 0);
  // A class that unlocked the hidden layer: one more column, 1 for a student who solved XOR with it.
  const extra = opts.xorNet ? ["xor_hidden_layer"] : [];
  const header = ["nickname", "joined", ...columns.map(columnTitle), "total", "max", "solved", "late", ...extra];
  const rows = students.map((s) => {
    let total = 0;
    let solved = 0;
    const cells = columns.map((c) => {
      const b = s.best.get(c.id);
      if (b === undefined) return "";
      total += b;
      if (s.correct.has(c.id)) solved++;
      return b;
    });
    return [safeText(s.nickname), s.joinedAt.toISOString(), ...cells, total, max, solved, s.late.size, ...(opts.xorNet ? [s.xorNet ? 1 : 0] : [])];
  });
  return [header, ...rows];
}

/** "neural-nets-101_gradebook_2026-11-28.csv"; characters a file system dislikes become "-". */
export function exportFilename(className: string, kind: string, date: Date): string {
  const name = className.normalize("NFC").replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, "-").replace(/\s+/g, "-").replace(/^[-.]+|[-.]+$/g, "") || "class";
  return `${name}_${kind}_${date.toISOString().slice(0, 10)}.csv`;
}

/**
 * Content-Disposition for a download: an ASCII fallback `filename` for old clients and the real
 * name as RFC 5987 `filename*` (UTF-8, percent-encoded) so that a Korean class name survives.
 */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
