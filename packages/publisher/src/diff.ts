import { createTwoFilesPatch } from 'diff';

/**
 * A unified diff of two normalized page bodies. Both sides go through the same normalizer,
 * so markup Confluence rewrites on save (attribute order, whitespace, entities) shows no change.
 * `remoteWhere` says which Confluence version the left side is when it is not the live page
 * (`in the trash, version 4`), after a tab on the `---` line as unified diffs carry such notes.
 */
export function pageDiff(title: string, remote: string, desired: string, remoteWhere?: string): string {
  const patch = createTwoFilesPatch(
    `confluence/${title}`,
    `docgen/${title}`,
    ensureNewline(remote),
    ensureNewline(desired),
    remoteWhere,
    undefined,
    {
      context: 2,
    },
  );
  // Drop the `Index:`/`===` preamble; keep the ---/+++ header and hunks.
  return patch
    .split('\n')
    .filter((line) => !line.startsWith('Index:') && !/^=+$/.test(line))
    .join('\n')
    .trimEnd();
}

function ensureNewline(text: string): string {
  return text.endsWith('\n') ? text : `${text}\n`;
}
