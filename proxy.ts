// Next.js 16 proxy (formerly middleware): a fresh nonce per page request and the page CSP that
// allows only scripts carrying it (lib/edge/edge-policy.ts). Next reads the nonce from the request's CSP
// header and puts it on its own scripts. The other security headers come from the custom server.
import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "@/lib/edge/edge-policy";

export function proxy(request: NextRequest) {
  const nonce = btoa(crypto.randomUUID());
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not the API (its own CSP, from the custom server), not static files.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)",
    },
  ],
};
