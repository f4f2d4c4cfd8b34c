import { getBuiltInScheme, parseScheme, scoreFactsDocument, type SchemeDocument } from "../scoring";
import { expectPositional, parseArgs, requireFlag } from "./args";
import { printJson, readJson, reportProblems } from "./io";
import { CliError, EXIT, type CliIo, type Command } from "./types";

/** --scheme is a built-in code, or else a scheme file. */
function loadScheme(io: CliIo, codeOrFile: string): SchemeDocument {
  const builtIn = getBuiltInScheme(codeOrFile);
  if (builtIn !== undefined) return builtIn;
  const parsed = parseScheme(readJson(io, codeOrFile));
  reportProblems(io, parsed.warnings, `警告：方案 ${codeOrFile}：`);
  if (!parsed.ok) {
    reportProblems(io, parsed.errors, `方案 ${codeOrFile}：`);
    throw new CliError(`方案 ${codeOrFile} 无效，未计分`, EXIT.invalid);
  }
  return parsed.scheme;
}

export const scoreCommand: Command = {
  name: "score",
  usage: "--facts FILE [--scheme CODE|FILE]",
  summary: "按方案为事实文档中的单位计分，输出结果文档（integrity-results/v1）",
  run: (args, io) => {
    const parsed = parseArgs(args, ["facts", "scheme"]);
    expectPositional(parsed, 0, "只使用 --facts 和 --scheme 参数");
    const facts = readJson(io, requireFlag(parsed, "facts"));
    const schemeArg = parsed.flags.get("scheme");
    const scheme = schemeArg === undefined ? undefined : loadScheme(io, schemeArg);
    const outcome = scoreFactsDocument(facts, scheme, getBuiltInScheme);
    if (!outcome.ok) {
      reportProblems(io, outcome.problems);
      io.stderr(`共${outcome.problems.length}个问题，未计分`);
      return EXIT.invalid;
    }
    return printJson(io, outcome.document);
  },
};
