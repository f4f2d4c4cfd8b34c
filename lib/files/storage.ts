import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { link, mkdir, readFile, unlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
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

/** A file being written to the store as a stream (a compiled volume): see createStoredWrite. */
export type StoredWrite = {
  storedName: string;
  /** Where the bytes go; end it (or let a pipeline end it) before commit. */
  stream: Writable;
  /** Waits for the bytes to reach the disk and puts the file under its name; its digest and size. */
  commit(): Promise<{ sha256: string; size: number }>;
  /** Stops the write and removes what was written. */
  abort(): Promise<void>;
};

/**
 * A new stored file written as a stream: the bytes go to a temporary file beside their final place
 * and take the random name (never overwriting) only once complete, so a failed or interrupted write
 * never leaves a partial file under a stored name. The SHA-256 is computed on the way.
 */
export async function createStoredWrite(): Promise<StoredWrite> {
  const storedName = randomBytes(16).toString("hex");
  const file = storedPath(storedName);
  const partial = `${file}.part`;
  await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const hash = createHash("sha256");
  let size = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      size += chunk.length;
      done(null, chunk);
    },
  });
  const written = pipeline(stream, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
  written.catch(() => undefined);
  return {
    storedName,
    stream,
    async commit() {
      await written;
      await link(partial, file);
      await unlink(partial);
      return { sha256: hash.digest("hex"), size };
    },
    async abort() {
      stream.destroy();
      await written.catch(() => undefined);
      await unlink(partial).catch(() => undefined);
      await unlink(file).catch(() => undefined);
    },
  };
}
