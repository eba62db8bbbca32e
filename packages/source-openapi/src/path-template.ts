/**
 * The templates a path (or server URL) writes in braces, each whole and in order: `{petId}`,
 * `{role-id:[4-9]}`, and `{id:[0-9]{3}}` as ASP.NET and Fastify-generated specs copy a route's
 * regex constraint. A brace inside a template opens a nested one (a regex count, `{3}`), so a
 * template ends at the brace that balances its first: reading up to the first `}` would cut
 * `{id:[0-9]{3}` and leave a stray `}` in the path. An unclosed `{`, or an empty `{}`, is no template.
 */
export function pathTemplates(path: string): string[] {
  const templates: string[] = [];
  let start = -1;
  let depth = 0;
  for (let index = 0; index < path.length; index++) {
    const character = path[index];
    if (character === '{' && depth++ === 0) start = index;
    else if (character === '}' && depth > 0 && --depth === 0 && index > start + 1)
      templates.push(path.slice(start, index + 1));
  }
  return templates;
}

/**
 * A path split at the first of `separators` outside its templates: `/a?comp=list` at `?` is
 * `['/a', 'comp=list']`, while the `?` of `/pets/{kind:(?:cat|dog)}` belongs to the template's
 * constraint, so that path has no query. The rest is undefined when there is no such separator.
 */
export function splitOutsideTemplates(path: string, separators: string): [string, string | undefined] {
  const split = (index: number): [string, string] => [path.slice(0, index), path.slice(index + 1)];
  let depth = 0;
  let opened = 0;
  for (let index = 0; index < path.length; index++) {
    const character = path[index]!;
    if (character === '{' && depth++ === 0) opened = index;
    else if (character === '}' && depth > 0) depth--;
    else if (depth === 0 && separators.includes(character)) return split(index);
  }
  // An unclosed `{` is no template (`/a{?b=1`): the separators after it count.
  for (let index = opened; depth > 0 && index < path.length; index++)
    if (separators.includes(path[index]!)) return split(index);
  return [path, undefined];
}

/** The names a path's templates write, in order: what is between the braces (`role-id:[4-9]` whole). */
export function templateNames(path: string): string[] {
  return pathTemplates(path).map((template) => template.slice(1, -1));
}

/**
 * A path with each template written as `{}`, for matching paths whose parameters are named
 * differently or carry constraints (`/users/{id:[0-9]{3}}/` → `/users/{}`), without a trailing slash.
 */
export function pathShape(path: string): string {
  let shape = path;
  for (const template of pathTemplates(path)) shape = shape.replace(template, '{}');
  return shape.replace(/\/+$/, '') || '/';
}
