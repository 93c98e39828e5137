// Text into HTML, for the few pages written without React (app/lite): every value that is not our
// own markup goes through escapeHtml, in text and in attribute values (always double-quoted).
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A same-site path to come back to (a language switch): anything else becomes "/". */
export function localPath(value: string | null | undefined): string {
  return typeof value === "string" && value.startsWith("/") && !value.startsWith("//") && !value.startsWith("/\\") && !/[\u0000-\u001f]/.test(value) ? value.slice(0, 500) : "/";
}
