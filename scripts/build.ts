// `npm run build`: next build, then records the source fingerprint so `npm start` reuses the build.
import { buildIfNeeded } from "./lib/runtime";

try {
  buildIfNeeded({ force: true });
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
