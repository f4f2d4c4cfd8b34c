import { invalid } from "./types";

export interface ParsedArgs {
  flags: Map<string, string>;
  positional: string[];
}

/** `--name value` / `--name=value` flags among positional arguments; only `known` flags are accepted. */
export function parseArgs(args: readonly string[], known: readonly string[]): ParsedArgs {
  const flags = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (!arg.startsWith("--")) {
      positional.push(arg);
      continue;
    }
    const [name = "", inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (!known.includes(name)) throw invalid(`未知的参数 --${name}`);
    const value = inline ?? args[++i];
    if (value === undefined || value === "") throw invalid(`参数 --${name} 缺少取值`);
    if (flags.has(name)) throw invalid(`参数 --${name} 重复`);
    flags.set(name, value);
  }
  return { flags, positional };
}

export function requireFlag(parsed: ParsedArgs, name: string): string {
  const value = parsed.flags.get(name);
  if (value === undefined) throw invalid(`缺少参数 --${name}`);
  return value;
}

export function expectPositional(parsed: ParsedArgs, count: number, what: string): string[] {
  if (parsed.positional.length !== count) throw invalid(`需要${what}`);
  return parsed.positional;
}
