import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { maxUploadBytes } from "./policy";

/*
 * Evidence bytes live in EVIDENCE_DIR (default .data/evidence), never under public/: nothing there
 * is reachable by URL; app/files/[id] reads a file only after checking who asks. Stored names are
 * random hex; the original name stays in the database for display. (turbopackIgnore: the directory
 * is chosen at run time; the build must not trace the project through these paths.)
 */

const STORED_NAME = /^[0-9a-f]{32}$/;

export function evidenceDir(): string {
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.EVIDENCE_DIR || ".data/evidence");
  const webRoot = path.resolve(/*turbopackIgnore: true*/ process.cwd(), "public");
  if (dir === webRoot || dir.startsWith(`${webRoot}${path.sep}`)) {
    throw new Error(`EVIDENCE_DIR 不能位于网站根目录 public/ 之下：${dir}`);
  }
  return dir;
}

export function evidenceMaxBytes(): number {
  return maxUploadBytes(process.env.EVIDENCE_MAX_MB);
}

function storedPath(storedName: string): string {
  if (!STORED_NAME.test(storedName)) throw new Error("无效的存储文件名");
  return path.join(/*turbopackIgnore: true*/ evidenceDir(), storedName.slice(0, 2), storedName);
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Writes the bytes under a new random name (never overwriting) and returns the name and digest. */
export async function storeBytes(bytes: Uint8Array): Promise<{ storedName: string; sha256: string }> {
  const storedName = randomBytes(16).toString("hex");
  const file = storedPath(storedName);
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, bytes, { flag: "wx", mode: 0o600 });
  return { storedName, sha256: sha256Of(bytes) };
}

export async function readStoredBytes(storedName: string): Promise<Buffer> {
  return readFile(storedPath(storedName));
}

/** Removes a file whose database row was never written (a failed transaction). */
export async function discardStored(storedName: string): Promise<void> {
  await unlink(storedPath(storedName)).catch(() => undefined);
}

export function storedLocation(storedName: string): string {
  return storedPath(storedName);
}
