import type { GenerateResult } from './generate.js';
import {
  publishFailure,
  publishOptions,
  runPublish,
  wholeRunStopOf,
  type PublishFlagValues,
  type PublishReport,
} from './publish-flags.js';

/**
 * `--publish` on a generator command: publish the folder it just wrote, with the config's
 * `confluence` section, exactly as `docgen publish <out>` would. A conflict or a failed page
 * throws (exit 1) for people; with `--json` the report is the answer and only the exit code says so.
 */
export async function publishGenerated(
  result: GenerateResult,
  flags: PublishFlagValues,
  log: (line: string) => void,
): Promise<PublishReport & { error?: unknown }> {
  const info = (line: string) => (flags.json ? process.stderr.write(`${line}\n`) : log(line));
  const report = await runPublish(
    result.outDir,
    flags,
    { info },
    {
      ...publishOptions(result.config),
      wholeRunStop: wholeRunStopOf(result.wholeConfig),
    },
  );
  const failure = publishFailure(report);
  if (!failure) return report;
  if (!flags.json) throw failure;
  process.exitCode = 1;
  return { ...report, error: failure.toJSON() };
}
