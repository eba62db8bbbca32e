/**
 * The files a glob names, for the readers that load controllers by one (routing-controllers'
 * `controllers: [__dirname + '/controllers/*.ts']`, awilix-express's `loadControllers('routes/*.js')`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

/** The files a glob matches (`*`, `**`, `?`, `{ts,js}`); a `.js` pattern matches the `.ts` sources beside it too. */
export function globFiles(pattern: string): string[] {
  const parts = pattern.split(/[\\/]/);
  const fixed = parts.findIndex((part) => /[*?{]/.test(part));
  if (fixed < 0) return existsSync(pattern) ? [pattern] : [];
  const root = parts.slice(0, fixed).join(sep) || sep;
  const regex = globRegex(parts.slice(fixed).join('/'));
  const out: string[] = [];
  const walk = (dir: string, rel: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules') continue;
      const path = join(dir, name);
      const relative = rel ? `${rel}/${name}` : name;
      if (statSync(path).isDirectory()) walk(path, relative);
      else if (regex.test(relative) && !/\.d\.ts$/.test(name)) out.push(path);
    }
  };
  walk(root, '');
  return out;
}

function globRegex(glob: string): RegExp {
  let source = '';
  for (let at = 0; at < glob.length; at++) {
    const char = glob[at]!;
    if (glob.startsWith('**/', at)) {
      source += '(?:.*/)?';
      at += 2;
    } else if (glob.startsWith('**', at)) {
      source += '.*';
      at += 1;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') {
      const end = glob.indexOf('}', at);
      source += `(?:${glob
        .slice(at + 1, end)
        .split(',')
        .map((each) => each.replace(/[.+^$()|[\]\\]/g, '\\$&'))
        .join('|')})`;
      at = end;
    } else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  // Compiled output's `.js` is the source's `.ts` before the build.
  return new RegExp(`^${source.replace(/\\\.js$/, '\\.[jt]s')}$`);
}

/** A glob under a folder: `routes/*.js` from `cwd`, an absolute one as it is. */
export function joinFolder(cwd: string, pattern: string): string {
  return pattern.startsWith('/') ? pattern : `${cwd.replace(/\/$/, '')}/${pattern.replace(/^\.\//, '')}`;
}
