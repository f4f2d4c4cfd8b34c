import { commands as defaultCommands } from "./commands";
import { CliError, EXIT, type CliIo, type Command, type ExitCode } from "./types";

export { EXIT, CliError, type CliIo, type Command, type ExitCode } from "./types";

function words(command: Command): string[] {
  return command.name.split(" ");
}

/** The command whose name is the longest prefix of argv. */
function match(argv: readonly string[], commands: readonly Command[]): { command: Command; args: string[] } | undefined {
  let best: Command | undefined;
  for (const command of commands) {
    const name = words(command);
    if (name.every((word, i) => argv[i] === word) && (best === undefined || name.length > words(best).length)) {
      best = command;
    }
  }
  return best && { command: best, args: argv.slice(words(best).length) };
}

function usage(io: CliIo, commands: readonly Command[]): void {
  io.stderr("用法：npm run -s cli -- <命令>");
  for (const command of commands) {
    io.stderr(`  ${[command.name, command.usage].filter(Boolean).join(" ")}\n      ${command.summary}`);
  }
}

/** Runs one command line; returns the exit status (0 ok, 2 invalid input, 1 other failure). */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  commands: readonly Command[] = defaultCommands,
): Promise<ExitCode> {
  if (argv.length === 0 || argv[0] === "help" || argv[0] === "--help" || argv[0] === "-h") {
    usage(io, commands);
    return argv.length === 0 ? EXIT.invalid : EXIT.ok;
  }
  const found = match(argv, commands);
  if (found === undefined) {
    io.stderr(`未知的命令：${argv.join(" ")}`);
    usage(io, commands);
    return EXIT.invalid;
  }
  try {
    return await found.command.run(found.args, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(error.message);
      return error.exitCode;
    }
    io.stderr(`内部错误：${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return EXIT.failure;
  }
}
