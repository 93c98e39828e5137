// Installs the rate limits at start-up: Redis-backed when REDIS_URL is set (every node counts the
// same attempts), in memory otherwise. Returns how to close the Redis connection.
import { createLimits, installLimits } from "./rate-limits";

export async function installEdgeLimits(redisUrl: string | undefined, factor: number): Promise<() => Promise<void>> {
  if (!redisUrl) {
    installLimits(createLimits({ factor }));
    return async () => {};
  }
  const { createClient } = await import("redis");
  const client = createClient({ url: redisUrl, disableOfflineQueue: true });
  client.on("error", (e: Error) => console.error(`[neuronlab] redis (rate limits): ${e.message}`));
  await client.connect();
  installLimits(createLimits({ redis: client, factor }));
  return async () => {
    await client.quit().catch(() => {});
  };
}
