/**
 * VS Code docs' macros (code.visualstudio.com): `kb(workbench.action.showCommands)`, which the site
 * shows as the command's key binding for the reader's platform, and `setting(editor.fontSize)`,
 * shown as the setting's name in code. The key bindings are the site's data, not the page's, so
 * both show the id they name as inline code: the name a reader searches for in the Command Palette
 * or the Settings editor, instead of the macro as text.
 *
 * Found in the mdast's text, by the walk that finds autolink literals (autolinks.ts): markdown-it's
 * text rule runs through letters and `(`, so no inline rule is ever tried at a `k` or an `s`.
 * Prose stays text: the id must look like one (a setting's has a `.`; a command's a `.` or an
 * inner capital, `cursorUndo`), so `setting(s)` and `64 kb(ytes)` are left alone.
 */
import type { InlineCode } from 'mdast';
import type { Position } from 'unist';

export const VSCODE_MACRO = /(?<![\w.$])(kb|setting)\(([A-Za-z_][\w-]*(?:\.[\w-]+)*)\)/g;

/** Whether a text may hold a macro: the cheap test before the pattern runs. */
export const mayHoldVscodeMacro = (text: string) => text.includes('kb(') || text.includes('setting(');

/** The inline code a macro shows, or undefined for prose that only looks like one. */
export function vscodeMacro(match: RegExpExecArray, position: Position | undefined): InlineCode | undefined {
  const [, kind, id = ''] = match;
  const looksLikeId = id.includes('.') || (kind === 'kb' && /[a-z][A-Z]/.test(id));
  return looksLikeId ? { type: 'inlineCode', value: id, position } : undefined;
}
