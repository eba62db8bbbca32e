import { Command } from '@oclif/core';
import { formatDiagnostic, isDocgenError } from '@docgen/core';

/**
 * Base of every docgen command: `--json` on all of them, and one way to print failures.
 * A DocgenError prints as `error CODE file:line: message` plus its hint; with `--json` the
 * diagnostic is printed as JSON on stdout. Anything else is a bug and keeps its stack.
 */
export abstract class DocgenCommand extends Command {
  static override enableJsonFlag = true;

  protected override async catch(error: Error & { exitCode?: number }): Promise<unknown> {
    if (!isDocgenError(error)) return super.catch(error);
    if (this.jsonEnabled()) {
      this.logJson({ ok: false, error: error.toJSON() });
    } else {
      this.logToStderr(formatDiagnostic(error.toJSON()));
    }
    this.exit(1);
  }
}
