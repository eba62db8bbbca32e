/**
 * Every command, by id: oclif's "explicit" command discovery reads this map (package.json
 * `oclif.commands`), which lets the CLI run from one bundle (scripts/bundle.js) instead of
 * oclif finding command files one by one. A new command is a file in commands/ and a line here.
 */
import type { Command } from '@oclif/core';
import Adr from './commands/adr.js';
import Api from './commands/api.js';
import ConfluenceCheck from './commands/confluence/check.js';
import ConfluenceGet from './commands/confluence/get.js';
import ConfluenceSearch from './commands/confluence/search.js';
import ConfluenceSpaces from './commands/confluence/spaces.js';
import Convert from './commands/convert.js';
import Generate from './commands/generate.js';
import Publish from './commands/publish.js';
import Runbook from './commands/runbook.js';
import SandboxStart from './commands/sandbox/start.js';
import Schema from './commands/schema.js';

export const COMMANDS: Record<string, Command.Class> = {
  adr: Adr,
  api: Api,
  'confluence:check': ConfluenceCheck,
  'confluence:get': ConfluenceGet,
  'confluence:search': ConfluenceSearch,
  'confluence:spaces': ConfluenceSpaces,
  convert: Convert,
  generate: Generate,
  publish: Publish,
  runbook: Runbook,
  'sandbox:start': SandboxStart,
  schema: Schema,
};
