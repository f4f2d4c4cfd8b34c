/** The command line of docs/scoring-engine.md: JSON on stdout, messages on stderr. */

export const EXIT = { ok: 0, failure: 1, invalid: 2 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a command may touch; tests pass an in-memory one. */
export interface CliIo {
  /** Reads a text file; throws when it cannot. */
  readFile(path: string): string;
  stdout(text: string): void;
  /** One message line. */
  stderr(line: string): void;
}

export interface Command {
  /** The words that select it, e.g. "scheme list". */
  name: string;
  /** Arguments after the name, e.g. "--facts FILE [--scheme CODE|FILE]". */
  usage: string;
  summary: string;
  run(args: string[], io: CliIo): ExitCode | Promise<ExitCode>;
}

/** A failure with its exit status and a message for stderr. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message);
    this.name = "CliError";
  }
}

export function invalid(message: string): CliError {
  return new CliError(message, EXIT.invalid);
}
