// Which requests get the script-free home and join pages (app/lite): an anonymous visitor's own
// page load of "/" or "/join". The custom server rewrites those before Next.js sees them (the same
// address in the browser). Signed-in visitors, and the client router's requests (navigation and
// prefetch: `_rsc` and its headers), get the React pages. Pure.
type Headers = Record<string, string | string[] | undefined>;

const LITE: Record<string, string> = { "/": "/lite/home", "/join": "/lite/join" };
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree"];

/** The URL to answer this request with instead, or null. */
export function litePath(method: string | undefined, url: string | undefined, headers: Headers): string | null {
  if (method !== "GET" && method !== "HEAD") return null;
  const [path, query = ""] = (url ?? "").split("?", 2);
  const lite = LITE[path];
  if (!lite) return null;
  if (new URLSearchParams(query).has("_rsc") || ROUTER_HEADERS.some((h) => headers[h] !== undefined)) return null;
  const cookie = headers.cookie;
  if ((Array.isArray(cookie) ? cookie.join("; ") : cookie ?? "").includes("next-auth.session-token")) return null;
  return query ? `${lite}?${query}` : lite;
}
