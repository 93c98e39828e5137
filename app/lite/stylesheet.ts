// The script-free pages' stylesheet: the same two files the root layout imports (app/globals.css,
// app/screens.css: plain CSS, no preprocessing), read once and served with a content hash in its
// address, so it is cached for good and changes with the files.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

let css: { text: string; hash: string } | null = null;

export function stylesheet(): { text: string; hash: string } {
  if (!css) {
    const read = (file: string) => fs.readFileSync(file, "utf8");
    const text = [read(path.join(process.cwd(), "app", "globals.css")), read(path.join(process.cwd(), "app", "screens.css"))].join("\n");
    css = { text, hash: createHash("sha256").update(text).digest("hex").slice(0, 12) };
  }
  return css;
}

export const STYLESHEET_ROUTE = "/lite/base.css";
/** The address with the content hash (read at the first page). */
export const STYLESHEET_PATH = `${STYLESHEET_ROUTE}?v=${stylesheet().hash}`;
