// Build the Next.js app if its sources changed since the last build (used by `npm test`).
import { ensureBuild } from "../server/build";

ensureBuild();
