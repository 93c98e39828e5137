// Browsers ask for /favicon.ico by themselves: Chromium does when a page's <link rel="icon"> is not
// in its head yet (metadata streamed after the head), and a 404 then shows in the console. The
// app's icon is app/icon.svg, served at /icon.svg: send the browser there.
export const dynamic = "force-static";

export function GET(): Response {
  return new Response(null, { status: 308, headers: { Location: "/icon.svg" } });
}
