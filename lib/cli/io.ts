import { problemToText, type Problem } from "../scoring";
import { CliError, EXIT, invalid, type CliIo, type ExitCode } from "./types";

export function printJson(io: CliIo, value: unknown): ExitCode {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
  return EXIT.ok;
}

/** Every problem on its own stderr line; exit status 2. */
export function reportProblems(io: CliIo, problems: readonly Problem[], prefix = ""): ExitCode {
  for (const problem of problems) io.stderr(`${prefix}${problemToText(problem)}`);
  return EXIT.invalid;
}

export function readText(io: CliIo, path: string): string {
  try {
    return io.readFile(path);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`无法读取文件 ${path}：${reason}`, EXIT.failure);
  }
}

export function readJson(io: CliIo, path: string): unknown {
  const text = readText(io, path).replace(/^\uFEFF/, "");
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw invalid(`文件 ${path} 不是有效的 JSON：${reason}`);
  }
}
