import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { cp, mkdir, readdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { BackupRefusal, fileProblem, type BackupFileEntry } from "./manifest";

/** Size and SHA-256 of a file on disk, or null when there is none. */
export async function digestFile(file: string): Promise<{ size: number; sha256: string } | null> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return null;
  const hash = createHash("sha256");
  await pipeline(createReadStream(file), hash);
  return { size: info.size, sha256: hash.digest("hex") };
}

/**
 * Every file in the store, as paths relative to it (forward slashes, sorted). Skips ".part" files,
 * compiled volumes still being written (lib/files/storage.ts createStoredWrite), and top-level
 * folders starting with a dot, a restore's work folder (stored names are hex, never dotted).
 */
export async function listStoredFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(relative: string): Promise<void> {
    const entries = await readdir(path.join(dir, relative), { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === "ENOENT" && relative === "") return [];
      throw error;
    });
    for (const entry of entries) {
      const child = relative === "" ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) {
        if (relative !== "" || !entry.name.startsWith(".")) await walk(child);
      }
      else if (entry.isFile() && !entry.name.endsWith(".part")) found.push(child);
    }
  }
  await walk("");
  return found.sort();
}

/** Checks every listed file under `dir`; throws the first problem's Chinese message. */
export async function verifyFiles(
  dir: string,
  entries: BackupFileEntry[],
  progress: (done: number, total: number) => void = () => undefined,
): Promise<void> {
  for (const [index, entry] of entries.entries()) {
    const problem = fileProblem(entry, await digestFile(path.join(dir, ...entry.path.split("/"))));
    if (problem) throw new BackupRefusal(problem);
    progress(index + 1, entries.length);
  }
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} 退出码 ${code}：${stderr.trim()}`))));
  });
}

/** Puts the backup's content (a .tar, or a folder holding an unpacked backup) into an empty folder. */
export async function unpackBackup(source: string, into: string): Promise<void> {
  const info = await stat(source).catch(() => null);
  if (!info) throw new BackupRefusal(`找不到备份：${source}。未做任何更改。`);
  await mkdir(into, { recursive: true, mode: 0o700 });
  if (info.isDirectory()) {
    await cp(source, into, { recursive: true });
    return;
  }
  // GNU tar refuses member names with ".." or a leading "/"; links are refused below, so nothing
  // read or moved later can point outside `into`.
  await run("tar", ["-x", "--no-same-owner", "-f", source, "-C", into]).catch((error: Error) => {
    throw new BackupRefusal(`无法读取备份文件 ${source}（不是完整的 tar 文件？）：${error.message}。未做任何更改。`);
  });
  const links = (await readdir(into, { recursive: true, withFileTypes: true })).filter((entry) => entry.isSymbolicLink());
  if (links.length > 0) throw new BackupRefusal(`备份中含有符号链接（${links[0]?.name}），不是本平台生成的备份。未做任何更改。`);
}

/**
 * Replaces the content of the store `target` with the content of `staged`, a folder inside it (so
 * every move is a rename on one file system, even when the store is a mount point): the old
 * entries are moved into a folder aside, the new ones into place, then the old ones removed.
 */
export async function replaceDirContent(staged: string, target: string): Promise<void> {
  const aside = path.join(target, `.replaced-${process.pid}-${Date.now()}`);
  await mkdir(aside, { mode: 0o700 });
  // The store's own entries: not the folder set aside, nor a restore's work folder (".restore-…").
  const old = (await readdir(target)).filter((name) => !name.startsWith(".replaced-") && !name.startsWith(".restore-"));
  for (const name of old) await rename(path.join(target, name), path.join(aside, name));
  for (const name of await readdir(staged)) await rename(path.join(staged, name), path.join(target, name));
  await rm(aside, { recursive: true, force: true });
}
