import { readFileSync } from "node:fs";
import { checkUnitList, parseUnitList, unitCheckReport, UnitListFileError, type UnitListTable } from "../orgs/unit-list";
import { expectPositional, parseArgs } from "./args";
import { printJson } from "./io";
import { CliError, EXIT, type Command } from "./types";

export type ReadBytes = (path: string) => Uint8Array;

async function readTable(readBytes: ReadBytes, file: string): Promise<UnitListTable> {
  let bytes: Uint8Array;
  try {
    bytes = readBytes(file);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CliError(`无法读取文件 ${file}：${reason}`, EXIT.failure);
  }
  try {
    return await parseUnitList(bytes, file);
  } catch (error) {
    if (error instanceof UnitListFileError) throw new CliError(`无法读取单位名单 ${file}：${error.message}`, EXIT.failure);
    throw error;
  }
}

/**
 * `units check FILE`: the unit list's problems without touching the database. Bytes, not text: an
 * .xlsx is binary and a CSV may be GBK. Parents that are not in the file cannot be looked up here;
 * they are named on stderr and checked again by the import.
 */
export function unitsCheckCommand(readBytes: ReadBytes = (path) => readFileSync(path)): Command {
  return {
    name: "units check",
    usage: "FILE",
    summary: '校验单位名单（CSV 或 XLSX），不连接数据库；输出 {"rows": N, "valid": N, "problems": […]}，有问题时退出码为2',
    run: async (args, io) => {
      const [file = ""] = expectPositional(parseArgs(args, []), 1, "一个单位名单文件（.csv 或 .xlsx）");
      const check = checkUnitList(await readTable(readBytes, file));
      const report = unitCheckReport(check);
      printJson(io, report);
      for (const p of check.unresolvedParents) {
        io.stderr(`提示：第${p.row}行的上级单位“${p.ref}”不在本名单中，导入时将对照系统中已有的单位核对`);
      }
      for (const p of report.problems) io.stderr(`第${p.row}行：${p.message} [${p.code}]`);
      if (report.problems.length === 0) return EXIT.ok;
      io.stderr(`共${report.rows}行单位，${report.valid}行无问题，发现${report.problems.length}个问题`);
      return EXIT.invalid;
    },
  };
}
