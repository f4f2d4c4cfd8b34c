import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStoredWrite, storedLocation } from "@/lib/files/storage";

let dir: string;
const files = async () => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name).sort();

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "stored-write-"));
  process.env.EVIDENCE_DIR = dir;
});
afterAll(async () => {
  delete process.env.EVIDENCE_DIR;
  await rm(dir, { recursive: true, force: true });
});

describe("a stored file written as a stream", () => {
  it("takes its random name only when complete, with the SHA-256 and size of what was streamed", async () => {
    const chunks = Array.from({ length: 50 }, (_, i) => Buffer.alloc(10_000, i));
    const target = await createStoredWrite();
    expect(target.storedName).toMatch(/^[0-9a-f]{32}$/);
    await pipeline(Readable.from(chunks), target.stream);
    expect(await files()).toEqual([`${target.storedName}.part`]);
    const { sha256, size } = await target.commit();
    const all = Buffer.concat(chunks);
    expect(size).toBe(all.length);
    expect(sha256).toBe(createHash("sha256").update(all).digest("hex"));
    expect(await readFile(storedLocation(target.storedName))).toEqual(all);
    expect(await files()).toEqual([target.storedName]);
  });

  it("leaves nothing behind when aborted half way, or when its source fails", async () => {
    const before = await files();
    const aborted = await createStoredWrite();
    aborted.stream.write(Buffer.from("partial"));
    await aborted.abort();
    const failed = await createStoredWrite();
    async function* broken() {
      yield Buffer.from("first chunk");
      throw new Error("source failed");
    }
    await expect(pipeline(Readable.from(broken()), failed.stream)).rejects.toThrow("source failed");
    await expect(failed.commit()).rejects.toThrow();
    await failed.abort();
    expect(await files()).toEqual(before);
  });
});
