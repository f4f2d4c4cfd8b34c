import { builtInSchemes, getBuiltInScheme, validateScheme } from "../scoring";
import { expectPositional, parseArgs } from "./args";
import { printJson, readJson, reportProblems } from "./io";
import { invalid, type Command } from "./types";

function indicatorCount(categories: readonly { indicators: readonly unknown[] }[]): number {
  return categories.reduce((sum, category) => sum + category.indicators.length, 0);
}

export const schemeListCommand: Command = {
  name: "scheme list",
  usage: "",
  summary: "列出内置方案模板：代码、名称、版本、适用单位类别、指标数",
  run: (args, io) => {
    expectPositional(parseArgs(args, []), 0, "不带参数");
    return printJson(
      io,
      builtInSchemes.map((scheme) => ({
        code: scheme.code,
        name: scheme.name,
        version: scheme.version,
        unitKinds: scheme.unitKinds,
        indicatorCount: indicatorCount(scheme.categories),
      })),
    );
  },
};

export const schemeExportCommand: Command = {
  name: "scheme export",
  usage: "CODE",
  summary: "以方案文档（integrity-scheme/v1）输出内置方案模板",
  run: (args, io) => {
    const [code = ""] = expectPositional(parseArgs(args, []), 1, "一个方案代码");
    const scheme = getBuiltInScheme(code);
    if (scheme === undefined) {
      throw invalid(`未知的方案代码“${code}”（可用：${builtInSchemes.map((s) => s.code).join("、")}）`);
    }
    return printJson(io, scheme);
  },
};

export const schemeValidateCommand: Command = {
  name: "scheme validate",
  usage: "FILE",
  summary: '校验方案文档；有效时输出 {"valid": true, "warnings": […]}',
  run: (args, io) => {
    const [file = ""] = expectPositional(parseArgs(args, []), 1, "一个方案文件");
    const { errors, warnings } = validateScheme(readJson(io, file));
    if (errors.length > 0) {
      reportProblems(io, warnings, "警告：");
      return reportProblems(io, errors);
    }
    return printJson(io, { valid: true, warnings });
  },
};

export const schemeCommands: Command[] = [schemeListCommand, schemeExportCommand, schemeValidateCommand];
