import { runCli } from "../lib/cli";
import { nodeIo } from "../lib/cli/node-io";

runCli(process.argv.slice(2), nodeIo).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`内部错误：${String(error)}\n`);
    process.exitCode = 1;
  },
);
