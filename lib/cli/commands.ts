import { deadlineCommand } from "./deadline";
import { schemeCommands } from "./scheme";
import { scoreCommand } from "./score";
import type { Command } from "./types";
import { unitsCheckCommand } from "./units";

/** Every command of the CLI; add a new one by importing it here. */
export const commands: Command[] = [scoreCommand, ...schemeCommands, unitsCheckCommand(), deadlineCommand()];
