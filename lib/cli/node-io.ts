import { readFileSync } from "node:fs";
import type { CliIo } from "./types";

/** The real process: files from disk, stdout for JSON, stderr for messages. */
export const nodeIo: CliIo = {
  readFile: (path) => readFileSync(path, "utf8"),
  stdout: (text) => {
    process.stdout.write(text);
  },
  stderr: (line) => {
    process.stderr.write(`${line}\n`);
  },
};
