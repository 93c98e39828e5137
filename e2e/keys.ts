// Keyboard-only steps for the specs: every move is Tab / Shift+Tab, Enter, Space, the arrow keys or
// typed text (page.keyboard); a locator only says which element the focus must reach, it is never
// clicked or filled. Each focus stop on the way must show its focus ring and be on screen.
import { expect, type Locator, type Page } from "@playwright/test";
import en from "../messages/en";
import ko from "../messages/ko";

export const MESSAGES = { en, ko };
export type Lang = keyof typeof MESSAGES;

/** A message with its simple {placeholders} filled (no plurals: the specs pick messages without them). */
export function msg(lang: Lang, key: string, vars: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES[lang];
  for (const part of key.split(".")) node = (node as Record<string, unknown>)[part];
  if (typeof node !== "string") throw new Error(`no message ${key}`);
  return node.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`));
}

/** Presses Tab (or Shift+Tab) until `target` has the focus; every stop shows a focus ring and is in view. */
export async function tabTo(page: Page, target: Locator, { back = false, max = 120 } = {}) {
  await target.waitFor();
  const el = await target.elementHandle();
  for (let i = 0; i <= max; i++) {
    // One round trip a step: is it the target, and does the focused element show where it is?
    const f = await page.evaluate((t) => {
      const a = document.activeElement as HTMLElement | null;
      if (!a || a === document.body) return null;
      const s = getComputedStyle(a);
      const r = a.getBoundingClientRect();
      return {
        hit: a === t,
        what: `${a.tagName.toLowerCase()} "${(a.getAttribute("aria-label") ?? a.textContent ?? "").trim().slice(0, 40)}"`,
        ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2,
        inView: r.bottom > 0 && r.top < innerHeight && r.width > 0,
      };
    }, el);
    if (f && i > 0) {
      if (!f.ring) expect(f.ring, `focus ring on ${f.what}`).toBe(true);
      if (!f.inView) expect(f.inView, `${f.what} scrolled into view when focused`).toBe(true);
    }
    if (f?.hit) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`the keyboard never reached ${target}`);
}

/** Tabs to a text field, selects what it holds and types `text` over it. */
export async function typeInto(page: Page, field: Locator, text: string, opts?: { back?: boolean }) {
  await tabTo(page, field, opts);
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/** Tabs to a button, link or checkbox and presses it (Enter, or Space for a checkbox); a radio: see below. */
export async function press(page: Page, target: Locator, opts?: { back?: boolean }) {
  const kind = await target.evaluate((el) => (el as HTMLInputElement).type);
  if (kind === "radio") return pickRadio(page, target, opts);
  await tabTo(page, target, opts);
  await page.keyboard.press(kind === "checkbox" ? "Space" : "Enter");
}

/** A radio group takes one Tab stop: Tab into the group, then the arrow keys move to `radio`; Space checks it. */
async function pickRadio(page: Page, radio: Locator, opts?: { back?: boolean }) {
  const name = await radio.getAttribute("name");
  const group = page.locator(`input[type=radio][name="${name}"]`);
  const checked = page.locator(`input[type=radio][name="${name}"]:checked`);
  await tabTo(page, (await checked.count()) ? checked : group.first(), opts);
  for (let i = 0; i < 10 && !(await radio.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Space");
  await expect(radio).toBeChecked();
}

/** Tabs to a closed <select> and moves its choice with the arrow keys to option number `index`. */
export async function chooseOption(page: Page, select: Locator, index: number, opts?: { back?: boolean }) {
  await tabTo(page, select, opts);
  await page.keyboard.press("Home");
  for (let i = 0; i < index; i++) await page.keyboard.press("ArrowDown");
  await expect.poll(() => select.evaluate((el) => (el as HTMLSelectElement).selectedIndex)).toBe(index);
}
