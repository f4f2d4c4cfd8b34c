import { createHash } from "node:crypto";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { digestFile, listStoredFiles, replaceDirContent, verifyFiles } from "@/lib/backup/files";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "backup-files-"));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function put(relative: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
  await writeFile(path.join(dir, relative), text);
}

describe("the file store", () => {
  it("lists stored files, not volumes still being written nor a restore's work folder", async () => {
    await put("ab/ab01", "a");
    await put("cd/cd02", "b");
    await put("cd/cd03.part", "partial");
    await put(".restore-1-2/files/ef/ef04", "staged");
    expect(await listStoredFiles(dir)).toEqual(["ab/ab01", "cd/cd02"]);
    expect(await listStoredFiles(path.join(dir, "missing"))).toEqual([]);
  });

  it("digests a file, and names the first that differs from its entry", async () => {
    await put("ab/ab01", "pdf");
    const sha256 = createHash("sha256").update("pdf").digest("hex");
    expect(await digestFile(path.join(dir, "ab/ab01"))).toEqual({ size: 3, sha256 });
    expect(await digestFile(path.join(dir, "nothing"))).toBeNull();
    await expect(verifyFiles(dir, [{ path: "ab/ab01", size: 3, sha256 }])).resolves.toBeUndefined();
    await expect(verifyFiles(dir, [{ path: "ab/ab01", size: 3, sha256: "0".repeat(64) }])).rejects.toThrow(/ab\/ab01 的 SHA-256/);
    await expect(verifyFiles(dir, [{ path: "ab/zz", size: 3, sha256 }])).rejects.toThrow(/缺少文件 ab\/zz/);
  });

  it("replaces the store's content with a staged folder inside it", async () => {
    await put("ab/old", "old");
    await put(".restore-1-2/files/cd/new", "new");
    await replaceDirContent(path.join(dir, ".restore-1-2", "files"), dir);
    expect(await listStoredFiles(dir)).toEqual(["cd/new"]);
    expect(await readFile(path.join(dir, "cd/new"), "utf8")).toBe("new");
    expect((await readdir(dir)).filter((n) => n.startsWith(".replaced-"))).toEqual([]);
  });
});
