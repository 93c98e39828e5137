// `npm start` with PORT already taken: one line naming the port and what to do, exit code 1, before
// anything is built or opened. server/start.ts reports the same if the port is taken later on.
import net from "node:net";

/** The line to print when the port is taken (shared with server/start.ts's listen). */
export const portTakenLine = (port, host) =>
  `[neuronlab] port ${port} on ${host} is already in use (another server is running there): stop it, or start on another port, e.g. PORT=${Number(port) === 3000 ? 3001 : 3000} npm start`;

/** Resolves when host:port can be listened on; prints portTakenLine and exits 1 when it is taken. */
export async function ensurePortFree(port, host) {
  if (!port || Number(port) === 0) return;
  const err = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", resolve);
    probe.listen(Number(port), host, () => probe.close(() => resolve(null)));
  });
  if (err?.code === "EADDRINUSE") {
    console.error(portTakenLine(port, host));
    process.exit(1);
  }
}
