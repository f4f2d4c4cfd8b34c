// Runs the Prisma CLI with a DATABASE_URL that always resolves: `prisma generate` needs the variable
// to exist (even as a placeholder) or it tries to download a native query engine.
import { spawnSync } from "node:child_process";
import path from "node:path";

const env: NodeJS.ProcessEnv = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.DATABASE_URL ??= "postgresql://placeholder:placeholder@127.0.0.1:5432/placeholder";
const bin = path.join(process.cwd(), "node_modules", ".bin", "prisma");
const result = spawnSync(bin, process.argv.slice(2), { stdio: "inherit", env });
process.exit(result.status ?? 1);
