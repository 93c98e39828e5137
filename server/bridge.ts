// Route handlers run inside the Next.js bundle, a separate module copy from the custom server.
// The socket hub registers itself here (on globalThis) so that a route can tell it what changed.
export interface HubBridge {
  /** A student joined (a small delta to the staff), or, without `joined`, the roster changed in bulk. */
  rosterChanged(classId: string, joined?: { userId: string; nickname: string }): void;
  /** A live session of the class started (its id) or ended (null). */
  sessionChanged(classId: string, liveSessionId: string | null): void;
}

const holder = globalThis as unknown as { __neuronlabHub?: HubBridge };

export function setHubBridge(bridge: HubBridge | undefined): void {
  holder.__neuronlabHub = bridge;
}

export function hub(): HubBridge | undefined {
  return holder.__neuronlabHub;
}
