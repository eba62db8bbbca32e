import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import {
  codeFrame,
  DocgenError,
  escapePointer,
  fixOptionHint,
  withPathMeant,
  isReadableFrom,
  parseStructured,
  fileBoundary,
  type FileBoundary,
  detectFormat,
  loadYamlParser,
  type OptionOrigin,
  type SourceLocation,
  type StructuredDocument,
  closestName,
  pointerSegments,
} from '@docgen/core';
import { YAML_MEDIA_TYPE } from './media-types.js';

/**
 * Reading a spec: the root file and every file its `$ref`s reach, parsed with positions so any
 * problem names a file and a line. All files are loaded (and every `$ref` checked) up front, so
 * extraction afterwards is synchronous and cannot fail half-way on a dangling reference.
 *
 * No network: a `$ref` to http(s) is an error that says so (docgen runs in CI with no
 * internet guarantees, and a spec that changes under us would make output irreproducible).
 */

/** A place in the spec: which file, which JSON pointer. */
export interface SpecPointer {
  file: string;
  pointer: string;
  /**
   * The dynamic scope a schema is read in (JSON Schema 2020-12): the `$dynamicAnchor`s bound by
   * the schemas `$ref`-ing a generic one, by name, the outermost binding first. Carried from a
   * schema to the places inside it (`child`); a `$ref` to a named schema starts afresh.
   */
  scope?: DynamicScope;
}

/** `$dynamicAnchor` name → where the schema it names is (the binding's own, or a slot in its `$defs`). */
export type DynamicScope = ReadonlyMap<string, SpecPointer>;

/**
 * A schema that binds a generic's dynamic anchors: `{ $ref: Page, $defs: { user: { $dynamicAnchor:
 * item, $ref: User } } }`, with Page's `items: { $dynamicRef: '#item' }`. Read as Page with `item`
 * meaning User.
 */
export interface DynamicBinding {
  anchors: Map<string, SpecPointer>;
}

/** A binding whose generic reaches the `$dynamicRef` it binds only through another `$ref`: not followed. */
export interface UnfollowedBinding {
  binding: SpecPointer;
  name: string;
  dynamicRef: SpecPointer;
}

export interface Resolved<T = unknown> extends SpecPointer {
  value: T;
}

type Json = Record<string, unknown>;

/** What the folder the files of a spec are read from is, by its kind (see fileBoundary). */
const BOUNDARY_NAMES: Record<FileBoundary['kind'], (belowHome: boolean) => string> = {
  repository: () => 'the git repository holding it',
  project: (belowHome) =>
    `no git repository${belowHome ? ' below the home folder' : ''} holds it: the outermost folder above it with a package.json or docgen config`,
  folder: (belowHome) =>
    `its own folder: no git repository${belowHome ? ' below the home folder' : ''} holds it, nor a folder above it with a package.json or docgen config`,
};

/** What to do about a `$ref` out of that folder, by its kind. */
const BOUNDARY_HINTS: Record<FileBoundary['kind'], (folder: string) => string> = {
  repository: () =>
    'keep the files a spec refers to inside its repository (copy them in, or check the other repository out inside this one, e.g. as a git submodule)',
  project: (folder) =>
    `copy the file into ${folder}; or render the spec from a git checkout that holds both (its files are then read from the whole repository)`,
  folder: () =>
    "copy the file into the spec's folder (or one below it); or keep the spec and the file in one git repository, or under one folder with a package.json or docgen config, which the files of the spec are then read from",
};

export class SpecSet {
  readonly documents = new Map<string, StructuredDocument>();

  /** Where the root file was given (`--openapi`, or the config key), for a hint to name. */
  origin?: OptionOrigin;

  constructor(readonly rootFile: string) {}

  /**
   * Where the files a `$ref` names may be read from: the git repository holding the root spec, else
   * its project folder, else its own folder (core's fileBoundary). What they hold is rendered and attached to the published pages, and CI runs on
   * what a pull request's spec says: `$ref: ../../../home/runner/.npmrc` must not publish a token.
   */
  private boundary?: FileBoundary;

  /** Why `file` (an existing file a `$ref` names) may not be read, or undefined when it may. */
  outsideBoundary(file: string): string | undefined {
    const boundary = (this.boundary ??= fileBoundary(this.rootFile));
    if (isReadableFrom(boundary.folder, file)) return undefined;
    return `it is outside ${boundary.folder}, where the files of this spec are read from (${BOUNDARY_NAMES[boundary.kind](boundary.belowHome)})`;
  }

  /** `file`, which the `$ref` at `at` names, when it may be read; else the error saying why. */
  readable(file: string, ref: string, at: SpecPointer): string {
    const outside = this.outsideBoundary(file);
    if (!outside) return file;
    throw new DocgenError({
      code: 'DG_OPENAPI_REF_OUTSIDE',
      message: `$ref "${ref}" points to ${this.display(file)}: ${outside}`,
      ...this.where(at),
      hint: BOUNDARY_HINTS[this.boundary!.kind](this.boundary!.folder),
    });
  }

  get root(): StructuredDocument {
    return this.documents.get(this.rootFile)!;
  }

  /** Location (file, line, pointer) of a pointer in a loaded file, for diagnostics. */
  locate(at: SpecPointer, key?: boolean): SourceLocation {
    const document = this.documentAt(at.file);
    const location = document ? document.locate(at.pointer, key) : { file: at.file, pointer: `#${at.pointer}` };
    return { ...location, file: this.display(at.file) };
  }

  /** Location plus a code frame of the offending line, for a DocgenError. */
  where(at: SpecPointer, key?: boolean): { location: SourceLocation; excerpt?: string } {
    const location = this.locate(at, key);
    const text = this.documentAt(at.file)?.text;
    return {
      location,
      excerpt: text && location.line ? codeFrame(text, location.line, location.column ?? 1) : undefined,
    };
  }

  /** A spec file, else a data file read for a vendor extension (so warnings in it have lines too). */
  private documentAt(file: string): StructuredDocument | undefined {
    const data = this.dataFiles.get(file);
    return this.documents.get(file) ?? (data instanceof Error ? undefined : data);
  }

  /** File names in diagnostics: relative to the working directory when inside it. */
  display(file: string): string {
    const rel = relative(process.cwd(), file);
    return rel && !rel.startsWith('..') ? rel : file;
  }

  /**
   * JSON Schema 2020-12's plain-name anchors by file: `$anchor: node` or `$dynamicAnchor: node`
   * → the pointers of the schemas carrying it, so `$ref: '#node'` (and `$dynamicRef`) resolve.
   * Filled while a file's `$ref`s are collected (no pass of its own).
   */
  readonly anchors = new Map<string, Map<string, string[]>>();

  /** The pointers of the `$dynamicAnchor`s by file, for finding the schemas that bind them. */
  readonly dynamicAnchors = new Map<string, string[]>();

  /**
   * OpenAPI 3.1 schemas named by an absolute `$id` (`https://example.com/schemas/user`), by that
   * URI: a `$ref` to it names the schema, not a file to download. Filled while `$ref`s are collected.
   */
  readonly ids = new Map<string, SpecPointer>();

  /** The base URI of each `$ref` written inside a schema with an `$id`, by `file#pointer` of its holder: relative `$ref`s resolve against it. */
  readonly refBases = new Map<string, string>();

  /** Schemas binding a generic's dynamic anchors, by `file#pointer`; filled once every file is loaded. */
  private bindings?: Map<string, DynamicBinding>;

  /** Bindings docgen does not follow (see `UnfollowedBinding`), for a warning each. */
  readonly unfollowedBindings: UnfollowedBinding[] = [];

  /**
   * `$ref: Product`: a bare name, which Swagger's first tools read as `#/definitions/Product`
   * (OpenAPI's own Uber example writes them) though a `$ref` is a path: read as they meant, where
   * no file of that name exists and the referring file defines it; each `$ref` is warned about.
   */
  readonly shorthandRefs = new Map<string, { ref: string; at: SpecPointer; meant: string }>();
  private readonly fileExists = new Map<string, boolean>();

  /**
   * Files read at extract time, outside the spec proper: what a vendor extension's `$ref` names
   * (DigitalOcean's `x-codeSamples: [{ $ref: examples/curl/list.yml }]`). Not attached with the
   * spec, not checked when it loads; a file that cannot be read is kept as its error.
   */
  private readonly dataFiles = new Map<string, StructuredDocument | Error>();

  /**
   * The value a `$ref` inside a vendor extension names, read lazily: from a spec file already
   * loaded, else from a YAML or JSON file read now. Throws (a DocgenError or an Error saying
   * why) if the file is missing, not YAML or JSON, or has nothing at the fragment; the caller
   * decides whether that is worth more than a warning.
   */
  resolveData(ref: string, from: SpecPointer): unknown {
    return this.resolveDataAt(ref, from).value;
  }

  /**
   * `resolveData`, with where the value was found: the `$ref`s inside it (a list of samples whose
   * entries name files of their own) are relative to that file.
   */
  resolveDataAt(ref: string, from: SpecPointer): Resolved {
    const { file, fragment } = this.targetFile(ref, from);
    if (this.documents.has(file)) return this.resolve(ref, from);
    let document = this.dataFiles.get(file);
    if (!document) {
      try {
        if (!/\.(ya?ml|json)$/i.test(file)) throw new Error('it is not a YAML or JSON file');
        if (!existsSync(file) || statSync(file).isDirectory()) throw new Error('it does not exist');
        const outside = this.outsideBoundary(file);
        if (outside) throw new Error(outside);
        document = parseStructured(readFileSync(file, 'utf8'), this.display(file), undefined, 'DG_OPENAPI_SYNTAX');
      } catch (error) {
        document = error instanceof Error ? error : new Error(String(error));
      }
      this.dataFiles.set(file, document);
    }
    if (document instanceof Error) throw document;
    let pointer = fragment;
    try {
      pointer = decodeURIComponent(fragment);
    } catch {
      // kept as written
    }
    if (pointer && !pointer.startsWith('/')) throw new Error(`its fragment #${pointer} is not a JSON pointer`);
    const segments = pointerSegments(pointer);
    const found = walkPointer(document.value, segments);
    if (found.reached < segments.length) throw new Error(`it has nothing at #${pointer}`);
    return { file, pointer, value: found.value };
  }

  /**
   * The text of the file a `$ref` inside a vendor extension names (a code sample's `source:
   * { $ref: code_samples/echo.cs }`, as Redocly's starter keeps them), read now. Throws an Error
   * saying why when it cannot be read.
   */
  resolveText(ref: string, from: SpecPointer): string {
    const { file } = this.targetFile(ref, from);
    const loaded = this.documents.get(file) ?? this.dataFiles.get(file);
    if (loaded && !(loaded instanceof Error)) return loaded.text;
    if (!existsSync(file) || statSync(file).isDirectory()) throw new Error('it does not exist');
    const outside = this.outsideBoundary(file);
    if (outside) throw new Error(outside);
    return readFileSync(file, 'utf8');
  }

  /** Resolutions by the file a `$ref` is written in and its text: a schema is referenced from many places. */
  private readonly resolved = new Map<string, Resolved>();

  /** Follow `ref` written at `from` (chains of `$ref`s included) to the value it names. */
  resolve(ref: string, from: SpecPointer): Resolved {
    const key = `${from.file}\0${ref}`;
    let found = this.resolved.get(key);
    if (!found) this.resolved.set(key, (found = this.follow(ref, from)));
    return found;
  }

  private follow(ref: string, from: SpecPointer): Resolved {
    const seen = new Set<string>();
    let target = this.target(ref, from);
    for (;;) {
      const reached = this.reach(target, from, ref);
      target = { file: reached.file, pointer: reached.pointer };
      const { value } = reached;
      const id = `${target.file}#${target.pointer}`;
      const next = isRef(value) && !this.bindingAt(target) ? value.$ref : undefined;
      if (next === undefined) return { ...target, value };
      if (seen.has(id)) {
        throw new DocgenError({
          code: 'DG_OPENAPI_REF_LOOP',
          message: `$ref "${ref}" only points to other $refs in a loop`,
          ...this.where(from),
          hint: 'one of the $refs in the chain must point at a real object',
        });
      }
      seen.add(id);
      from = target;
      target = this.target(next, { file: target.file, pointer: `${target.pointer}/$ref` });
    }
  }

  /** The schema at `at`, its `$ref`s followed as `resolve` does (a `$dynamicRef`'s target found in a scope). */
  resolvePointer(at: SpecPointer): Resolved {
    const value = this.valueAt(at, at, `#${at.pointer}`);
    if (isRef(value) && !this.bindingAt(at)) return this.resolve(value.$ref, at);
    return { file: at.file, pointer: at.pointer, value };
  }

  /** Whether any schema binds a generic's dynamic anchors (then where a schema stands changes how it reads). */
  hasBindings(): boolean {
    return !!this.bindings?.size;
  }

  /** The binding at `at`, if the schema there binds a generic's dynamic anchors. */
  bindingAt(at: SpecPointer): DynamicBinding | undefined {
    return this.bindings?.size ? this.bindings.get(`${at.file}#${at.pointer}`) : undefined;
  }

  /**
   * Find the schemas that bind a generic's dynamic anchors. One is a schema with a `$ref` (to the
   * generic) that holds a `$dynamicAnchor` of its own or in its `$defs`, where the generic holds a
   * `$dynamicRef` to that name whose static target carries the same `$dynamicAnchor` (JSON Schema's
   * condition for the dynamic scope to count). A generic that reaches that `$dynamicRef` only
   * through a `$ref` of its own is not followed: `unfollowedBindings`.
   */
  findBindings(): void {
    const bindings = new Map<string, DynamicBinding>();
    for (const [file, pointers] of this.dynamicAnchors) {
      for (const anchorPointer of pointers) {
        const name = (this.valueOf({ file, pointer: anchorPointer }) as Json).$dynamicAnchor as string;
        // The binding is the slot's nearest ancestor (or itself) with a `$ref` to a generic using the name.
        const holders = refHolders(this, file, anchorPointer);
        const direct = holders.find(({ generic }) => this.dynamicRefIn(generic.value, generic, name, false));
        if (direct) {
          const key = `${file}#${direct.at.pointer}`;
          const binding = bindings.get(key) ?? { anchors: new Map<string, SpecPointer>() };
          if (!binding.anchors.has(name)) binding.anchors.set(name, { file, pointer: anchorPointer });
          bindings.set(key, binding);
          continue;
        }
        for (const { at, generic } of holders) {
          const far = this.dynamicRefIn(generic.value, generic, name, true);
          if (far) {
            this.unfollowedBindings.push({ binding: at, name, dynamicRef: far });
            break;
          }
        }
      }
    }
    this.bindings = bindings;
    this.resolved.clear(); // resolved while looking, before the bindings were known
  }

  /** Read the value at a pointer known to exist (no `$ref` to blame if it does not). */
  valueOf(at: SpecPointer): unknown {
    return this.valueAt(at, at, `#${at.pointer}`);
  }

  /** Follow a `$ref` as written, through binding schemas too (used before the bindings are known). */
  followRaw(ref: string, from: SpecPointer): Resolved {
    return this.follow(ref, from);
  }

  /**
   * Where `value` (at `at`) holds a `$dynamicRef` to `#name` whose static target carries
   * `$dynamicAnchor: name`: in its own body, or (`throughRefs`) in the schemas its `$ref`s reach.
   */
  private dynamicRefIn(value: unknown, at: SpecPointer, name: string, throughRefs: boolean): SpecPointer | undefined {
    const visited = new Set<string>();
    const search = (node: unknown, where: SpecPointer): SpecPointer | undefined => {
      if (!node || typeof node !== 'object') return undefined;
      if (Array.isArray(node)) {
        for (let i = 0; i < node.length; i++) {
          const found = search(node[i], { file: where.file, pointer: `${where.pointer}/${i}` });
          if (found) return found;
        }
        return undefined;
      }
      const object = node as Json;
      if (object.$dynamicRef === `#${name}`) {
        const target = this.target(object.$dynamicRef, where);
        const carried = this.valueAt(target, where, object.$dynamicRef) as Json | undefined;
        if (carried?.$dynamicAnchor === name) return where;
      } else if (throughRefs && typeof object.$ref === 'string') {
        try {
          const next = this.follow(object.$ref, where);
          const id = `${next.file}#${next.pointer}`;
          if (!visited.has(id)) {
            visited.add(id);
            const found = search(next.value, next);
            if (found) return found;
          }
        } catch {
          // a broken $ref: reported when every $ref is checked
        }
      }
      for (const key of Object.keys(object)) {
        if (key === '$ref' || key === 'example' || key === 'examples' || key.startsWith('x-')) continue;
        const found = search(object[key], { file: where.file, pointer: `${where.pointer}/${escapePointer(key)}` });
        if (found) return found;
      }
      return undefined;
    };
    visited.add(`${at.file}#${at.pointer}`);
    return search(value, at);
  }

  /** Where a `$ref` string points, without reading the value. */
  target(ref: string, from: SpecPointer): SpecPointer {
    const { file, fragment } = this.targetFile(ref, from);
    let pointer: string;
    try {
      pointer = decodeURIComponent(fragment);
    } catch {
      pointer = fragment;
    }
    if (pointer && !pointer.startsWith('/')) {
      // A plain name (`#node`): the schema whose `$anchor` or `$dynamicAnchor` it is, in that file.
      if (ANCHOR_NAME.test(pointer)) {
        const anchored = nearest(this.anchors.get(file)?.get(pointer), file === from.file ? from.pointer : '');
        if (anchored !== undefined) return { file, pointer: anchored };
        throw new DocgenError({
          code: 'DG_OPENAPI_DANGLING_REF',
          message: `$ref "${ref}" points to nothing: ${this.display(file)} has no schema with $anchor or $dynamicAnchor "${pointer}"`,
          ...this.where({ file: from.file, pointer: refPointer(from) }),
          hint: 'fix the reference, or add the anchor to the schema it means',
        });
      }
      throw new DocgenError({
        code: 'DG_OPENAPI_BAD_REF',
        message: `$ref "${ref}" has a fragment that is neither a JSON pointer (it must start with "#/") nor an anchor name`,
        ...this.where({ file: from.file, pointer: refPointer(from) }),
        hint: 'write references like "#/components/schemas/Pet" or "common.yaml#/components/schemas/Error"',
      });
    }
    return { file, pointer };
  }

  /** The file a `$ref` string names (refusing URLs), and its fragment still unread. */
  targetFile(ref: string, from: SpecPointer): { file: string; fragment: string } {
    const identified = this.ids.size ? this.identified(ref, from) : undefined;
    if (identified) return identified;
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) {
      throw new DocgenError({
        code: 'DG_OPENAPI_REMOTE_REF',
        message: `$ref "${ref}" points to a URL; docgen does not fetch specs over the network`,
        ...this.where({ file: from.file, pointer: refPointer(from) }),
        hint: 'download the referenced file into the repository and point the $ref at the local copy',
      });
    }
    const hash = ref.indexOf('#');
    const path = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    const file = path ? resolve(dirname(from.file), decodeURI(path)) : from.file;
    return (hash === -1 && this.shorthand(ref, file, from)) || { file, fragment };
  }

  /**
   * The schema a `$ref` names by its `$id`: an absolute URI, or one relative to the `$id` of a
   * schema the `$ref` is written in (`$ref: address` inside `https://example.com/schemas/user`);
   * its fragment is read from that schema. Undefined when no `$id` matches: a path, as before.
   */
  private identified(ref: string, from: SpecPointer): { file: string; fragment: string } | undefined {
    const holder = from.pointer.endsWith('/$ref') ? from.pointer.slice(0, -'/$ref'.length) : from.pointer;
    const base = this.refBases.get(`${from.file}#${holder}`);
    if (base === undefined && !/^[a-z][a-z0-9+.-]*:/i.test(ref)) return undefined; // a path: most `$ref`s
    let uri: string;
    try {
      uri = new URL(ref, base).href;
    } catch {
      return undefined; // relative, outside any `$id`: a path
    }
    const hash = uri.indexOf('#');
    const id = this.ids.get(hash === -1 ? uri : uri.slice(0, hash));
    if (!id) return undefined;
    const fragment = hash === -1 ? '' : uri.slice(hash + 1);
    // `#/properties/name` is within the identified schema; a plain name stays an anchor name.
    return { file: id.file, fragment: fragment && !fragment.startsWith('/') ? fragment : `${id.pointer}${fragment}` };
  }

  /** A bare name's definition in the referring file, when the name is no file (see `shorthandRefs`). */
  private shorthand(ref: string, file: string, from: SpecPointer): { file: string; fragment: string } | undefined {
    if (!/^[A-Za-z_][\w.-]*$/.test(ref) || /\.(ya?ml|json)$/i.test(ref)) return undefined;
    let exists = this.fileExists.get(file);
    if (exists === undefined) this.fileExists.set(file, (exists = existsSync(file)));
    if (exists) return undefined;
    const root = this.documents.get(from.file)?.value as Json | undefined;
    const components = root?.components as Json | undefined;
    const fragment = isDefined(root?.definitions, ref)
      ? `/definitions/${escapePointer(ref)}`
      : isDefined(components?.schemas, ref)
        ? `/components/schemas/${escapePointer(ref)}`
        : undefined;
    if (fragment === undefined) return undefined;
    const at = { file: from.file, pointer: refPointer(from) };
    this.shorthandRefs.set(`${at.file}#${at.pointer}`, { ref, at, meant: `#${fragment}` });
    return { file: from.file, fragment };
  }

  private valueAt(target: SpecPointer, from: SpecPointer, ref: string): unknown {
    return this.reach(target, from, ref).value;
  }

  /**
   * The value at `target`, and where it really is: a map written as a `$ref` to another file
   * (`paths: { $ref: paths/index.yaml }`, `schemas: { $ref: schemas/index.yaml }`, which bundlers
   * such as swagger-cli resolve) is walked through, so `#/components/schemas/User` reaches `User`
   * in the file the map's `$ref` names. Only tried where the plain walk stops at a `$ref`: a spec
   * without such maps pays nothing.
   */
  private reach(target: SpecPointer, from: SpecPointer, ref: string): Resolved {
    for (let hops = 0; ; hops++) {
      const document = this.documents.get(target.file);
      const segments = document ? pointerSegments(target.pointer) : [];
      const walked = document && walkPointer(document.value, segments);
      if (walked && walked.reached === segments.length) return { ...target, value: walked.value };
      // No file, or a key missing where no `$ref` stands: the error says which.
      if (!walked || !isRef(walked.value) || hops >= 32)
        return { ...target, value: this.walkedValue(target, from, ref) };
      const written = segments
        .slice(0, walked.reached)
        .map((segment) => `/${escapePointer(segment)}`)
        .join('');
      const via = this.target(walked.value.$ref, { file: target.file, pointer: `${written}/$ref` });
      const rest = segments
        .slice(walked.reached)
        .map((segment) => `/${escapePointer(segment)}`)
        .join('');
      target = { file: via.file, pointer: `${via.pointer}${rest}` };
    }
  }

  /** The value at `target` in its file, or the error saying which file or key the `$ref` misses. */
  private walkedValue(target: SpecPointer, from: SpecPointer, ref: string): unknown {
    const document = this.documents.get(target.file);
    if (!document) {
      throw new DocgenError({
        code: 'DG_OPENAPI_REF_FILE',
        message: `$ref "${ref}" points to ${this.display(target.file)}, which does not exist`,
        ...this.where({ file: from.file, pointer: refPointer(from) }),
        hint: 'fix the path (relative to the file that contains the $ref) or add the missing file',
      });
    }
    const segments = pointerSegments(target.pointer);
    const { value, reached } = walkPointer(document.value, segments);
    if (reached < segments.length) {
      const found = segments.slice(0, reached).map(escapePointer).join('/');
      const missing = segments[reached]!;
      const near =
        value && typeof value === 'object' ? closestName(missing, Object.keys(value), nearEdits(missing)) : undefined;
      throw new DocgenError({
        code: 'DG_OPENAPI_DANGLING_REF',
        message: `$ref "${ref}" points to nothing: ${this.display(target.file)} has no "${missing}" at #${found ? `/${found}` : ''}`,
        ...this.where({ file: from.file, pointer: refPointer(from) }),
        hint: near
          ? `did you mean "${near}"? (#${[...segments.slice(0, reached), near]
              .map(escapePointer)
              .map((s) => `/${s}`)
              .join('')})`
          : 'fix the reference, or add the missing definition',
      });
    }
    return value;
  }
}

/** How far a name may be from a definition's to be suggested: a slip, not another word (one edit in a short name, up to three in a long one). */
function nearEdits(name: string): number {
  return Math.min(3, Math.max(1, Math.floor(name.length / 4)));
}

/** Follow `segments` from `root`: the value reached and how many segments led somewhere. */
function walkPointer(root: unknown, segments: string[]): { value: unknown; reached: number } {
  let value = root;
  for (let reached = 0; reached < segments.length; reached += 1) {
    const segment = segments[reached]!;
    if (!value || typeof value !== 'object' || !Object.prototype.hasOwnProperty.call(value, segment))
      return { value, reached };
    value = (value as Record<string, unknown>)[segment];
  }
  return { value, reached: segments.length };
}

/**
 * The objects holding a `$ref` (not a `$dynamicRef`) at `pointer` and above it, nearest first, with
 * what their `$ref` names: the candidates for binding the dynamic anchor at `pointer`.
 */
function refHolders(set: SpecSet, file: string, pointer: string): Array<{ at: SpecPointer; generic: Resolved }> {
  const holders: Array<{ at: SpecPointer; generic: Resolved }> = [];
  const segments = pointer.split('/');
  for (let length = segments.length; length >= 1; length--) {
    const at = { file, pointer: segments.slice(0, length).join('/') };
    const holder = set.valueOf(at) as Json | undefined;
    if (!holder || typeof holder !== 'object' || Array.isArray(holder) || typeof holder.$ref !== 'string') continue;
    if (typeof holder.$dynamicRef === 'string') continue; // a $dynamicRef is a use, not a binding
    try {
      holders.push({ at, generic: set.followRaw(holder.$ref, at) });
    } catch {
      // a broken $ref: reported when every $ref is checked
    }
  }
  return holders;
}

/**
 * Of the schemas carrying one anchor name, the one nearest to where the `$ref` is written (the
 * longest pointer prefix in common): the generic's own `$dynamicAnchor`, not a binding's written
 * earlier in the file. JSON Schema gives each schema resource its anchors; without `$id`s an
 * OpenAPI file is one resource, where a name used twice would otherwise mean the first.
 */
function nearest(pointers: string[] | undefined, from: string): string | undefined {
  if (!pointers || pointers.length < 2) return pointers?.[0];
  const segments = from.split('/');
  let best = pointers[0]!;
  let bestLength = -1;
  for (const pointer of pointers) {
    const other = pointer.split('/');
    let length = 0;
    while (length < other.length && length < segments.length && other[length] === segments[length]) length++;
    if (length > bestLength) {
      best = pointer;
      bestLength = length;
    }
  }
  return best;
}

/** Whether a reference's path part names a file (`./Admin.yaml`, `schemas/cat.json#/Cat`), not a bare schema name. */
function namesFile(ref: string): boolean {
  const path = ref.split('#')[0]!;
  return path.includes('/') || /\.(ya?ml|json)$/i.test(path);
}

/** An anchor's name (JSON Schema 2020-12: a letter or `_`, then letters, digits, `-`, `_`, `.`). */
const ANCHOR_NAME = /^[A-Za-z_][-A-Za-z0-9._]*$/;

/** `from` is where a $ref sits: its pointer names the object holding `$ref` or the `$ref` itself. */
function isDefined(map: unknown, name: string): boolean {
  return !!map && typeof map === 'object' && Object.prototype.hasOwnProperty.call(map, name);
}

function refPointer(from: SpecPointer): string {
  return from.pointer.endsWith('/$ref') ? from.pointer : `${from.pointer}/$ref`;
}

export function isRef(value: unknown): value is { $ref: string } {
  return !!value && typeof value === 'object' && typeof (value as { $ref?: unknown }).$ref === 'string';
}

export interface LoadSpecOptions {
  /** Where the root file was given (`--openapi`, or the config key and line), for the hint when it is wrong. */
  origin?: OptionOrigin;
}

/**
 * Load `rootFile` and every file reachable through `$ref`, then check every `$ref` resolves.
 * Throws a DocgenError naming file, line and pointer for the first problem.
 */
export async function loadSpec(rootFile: string, options: LoadSpecOptions = {}): Promise<SpecSet> {
  const root = resolve(rootFile);
  const set = new SpecSet(root);
  set.origin = options.origin;
  if (!existsSync(root)) {
    throw new DocgenError({
      code: 'DG_OPENAPI_NOT_FOUND',
      message: `OpenAPI file ${rootFile} does not exist`,
      location: { file: rootFile },
      hint: withPathMeant(
        fixOptionHint(options.origin, 'spec', 'the path of an OpenAPI/Swagger YAML or JSON file'),
        root,
        options.origin,
      ),
    });
  }
  if (statSync(root).isDirectory()) throw folderGiven(rootFile, root, options.origin);
  const pending = [root];
  const refs: Array<{ ref: string; from: SpecPointer }> = [];
  while (pending.length) {
    const file = pending.pop()!;
    if (set.documents.has(file)) continue;
    const text = await readFile(file, 'utf8');
    if (file !== root && isTextFile(file)) {
      // Markdown (or any text) a `$ref` names: its text is the value (`description: { $ref: intro.md }`).
      set.documents.set(file, textDocument(file, set.display(file), text));
      continue;
    }
    // A YAML body's example is written with the YAML writer, loaded only for a spec that has one.
    if (detectFormat(file, text) === 'yaml' || YAML_MEDIA_TYPE.test(text)) await loadYamlParser();
    const document = parseStructured(text, set.display(file), undefined, 'DG_OPENAPI_SYNTAX');
    set.documents.set(file, document);
    const anchors = new Map<string, string[]>();
    set.anchors.set(file, anchors);
    const dynamicAnchors: string[] = [];
    set.dynamicAnchors.set(file, dynamicAnchors);
    const written: Array<{ ref: string; pointer: string; mapping?: boolean }> = [];
    if (document.value && typeof document.value === 'object')
      collectRefs(
        document.value,
        '',
        { anchors, dynamicAnchors, ids: set.ids, refBases: set.refBases, file },
        (ref, pointer, mapping) => written.push({ ref, pointer, mapping }),
      );
    // Once the whole file is read, so a `$ref` to an `$id` written further down finds it.
    for (const { ref, pointer, mapping } of written) {
      const from = { file, pointer };
      if (mapping) {
        // A discriminator mapping to a schema in another file (`admin: ./Admin.yaml`): load that
        // file, so the variant can be linked and documented; a value naming no file stays a name.
        const target = set.targetFile(ref, from);
        if (!set.documents.has(target.file) && existsSync(target.file) && !statSync(target.file).isDirectory())
          pending.push(set.readable(target.file, ref, { file, pointer }));
        continue;
      }
      refs.push({ ref, from });
      // The file only: an anchor's pointer is known once the whole file has been read.
      const target = set.targetFile(ref, from);
      if (target.file !== file && !set.documents.has(target.file)) {
        const missing = !existsSync(target.file);
        if (missing || statSync(target.file).isDirectory()) {
          throw new DocgenError({
            code: 'DG_OPENAPI_REF_FILE',
            message: `$ref "${ref}" points to ${set.display(target.file)}, which ${missing ? 'does not exist' : 'is a folder, not a file'}`,
            ...set.where({ file, pointer: `${pointer}/$ref` }),
            hint: 'fix the path (relative to the file that contains the $ref) or add the missing file',
          });
        }
        pending.push(set.readable(target.file, ref, { file, pointer: `${pointer}/$ref` }));
      }
    }
  }
  set.findBindings();
  for (const { ref, from } of refs) {
    const resolved = set.resolve(ref, from);
    // A `$ref` to a text file stands for the text (Redocly's `description: { $ref: intro.md }`):
    // put it in the `$ref`'s place, so every reader of a description finds a string.
    if (typeof resolved.value === 'string' && isTextFile(resolved.file)) inlineText(set, from, resolved.value);
  }
  return set;
}

/**
 * A file read as text, not YAML or JSON: Markdown, plain text or HTML (a description kept in a
 * file of its own). Any other file is read as YAML or JSON, whatever its extension.
 */
function isTextFile(file: string): boolean {
  return /\.(md|markdown|mdx|txt|html?)$/i.test(file);
}

/** A text file as a document: its value is its text; any pointer in it is its first line. */
function textDocument(file: string, display: string, text: string): StructuredDocument {
  return {
    file: display,
    text,
    value: text,
    locate: (pointer) => ({ file: display, line: 1, pointer: `#${pointer}` }),
  };
}

/** Replace the object holding a `$ref` (at `from`) by the text it names, in its parent. */
function inlineText(set: SpecSet, from: SpecPointer, text: string): void {
  const segments = pointerSegments(from.pointer);
  const key = segments.pop();
  if (key === undefined) return;
  const parent = walkPointer(set.documents.get(from.file)?.value, segments);
  if (parent.reached === segments.length && parent.value && typeof parent.value === 'object')
    (parent.value as Record<string, unknown>)[key] = text;
}

/** The root given is a folder: name the spec files in it, so the fix is one copy away. */
function folderGiven(rootFile: string, root: string, origin?: OptionOrigin): DocgenError {
  const specs = readdirSync(root)
    .filter((name) => /\.(ya?ml|json)$/i.test(name))
    .sort((a, b) => Number(!LIKELY_ROOT.test(a)) - Number(!LIKELY_ROOT.test(b)) || a.localeCompare(b));
  const shown = specs.slice(0, 5).map((name) => join(rootFile, name));
  return new DocgenError({
    code: 'DG_OPENAPI_FOLDER',
    message: `${rootFile} is a folder; ${origin ? origin.name : 'the spec'} takes the spec's root file`,
    location: origin?.location ?? { file: rootFile },
    hint: shown.length
      ? fixOptionHint(
          origin,
          'spec',
          `one of its files, e.g. ${shown.join(' or ')}${specs.length > shown.length ? ' …' : ''}`,
        )
      : `it holds no YAML or JSON files: ${fixOptionHint(origin, 'spec', 'the path of an OpenAPI/Swagger YAML or JSON file')}`,
  });
}
/** File names a spec's root file usually has, listed first. */
const LIKELY_ROOT = /^(openapi|swagger|api)\b/i;

/**
 * Visit every `$ref` string in a parsed document, not descending into examples (data) or vendor
 * extensions (`x-…`: tools' own data, where a `$ref` may name a Markdown page, as ReadMe's
 * `x-topics` do; docgen reads none of them through `$ref`). On the way, note each `$anchor` and
 * `$dynamicAnchor` in `anchors`, and give a `$dynamicRef` its static meaning, a `$ref` to the
 * same place (the common case: a recursive tree's `items: { $dynamicRef: '#node' }`, with no
 * dynamic scope to pick another target), so every reader of `$ref`s follows it.
 */
interface Collected {
  anchors: Map<string, string[]>;
  dynamicAnchors: string[];
  /** `SpecSet.ids` and `SpecSet.refBases`, and the file being walked. */
  ids: Map<string, SpecPointer>;
  refBases: Map<string, string>;
  file: string;
}

function collectRefs(
  value: object,
  pointer: string,
  collected: Collected,
  visit: (ref: string, pointer: string, mapping?: boolean) => void,
  inExamples = false,
  isExamplesMap = false,
  base?: string,
): void {
  // A pointer string is built only for a value that can hold a `$ref` (an object or array): a
  // 2 MB spec has hundreds of thousands of strings and numbers, and their pointers were most of
  // this walk's time. `inExamples`: the pointer has an `examples` segment before its last one.
  const childInExamples = inExamples || isExamplesMap;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item && typeof item === 'object')
        collectRefs(item, `${pointer}/${i}`, collected, visit, childInExamples, false, base);
    }
    return;
  }
  const object = value as Record<string, unknown>;
  if (object.$anchor !== undefined || object.$dynamicAnchor !== undefined) {
    const { anchors } = collected;
    for (const name of [object.$anchor, object.$dynamicAnchor])
      if (typeof name === 'string') anchors.set(name, [...(anchors.get(name) ?? []), pointer]);
    if (typeof object.$dynamicAnchor === 'string') collected.dynamicAnchors.push(pointer);
  }
  // OpenAPI 3.1 (JSON Schema 2020-12): an `$id` names the schema, and is the base of the `$ref`s in it.
  if (typeof object.$id === 'string' && !inExamples) base = identify(object.$id, base, pointer, collected);
  if (typeof object.$dynamicRef === 'string' && object.$ref === undefined) object.$ref = object.$dynamicRef;
  if (typeof object.$ref === 'string') {
    if (base !== undefined) collected.refBases.set(`${collected.file}#${pointer}`, base);
    visit(object.$ref, pointer);
  }
  const mapping = (object.discriminator as { mapping?: unknown } | undefined)?.mapping;
  if (mapping && typeof mapping === 'object')
    for (const [key, target] of Object.entries(mapping))
      if (typeof target === 'string' && namesFile(target))
        visit(target, `${pointer}/discriminator/mapping/${escapePointer(key)}`, true);
  for (const key of Object.keys(object)) {
    const child = object[key];
    if (!child || typeof child !== 'object' || key === '$ref' || key === 'example' || key.startsWith('x-')) continue;
    if (key === 'value' && inExamples) continue;
    // `examples` in a media type / parameter holds Example objects (which may be $refs); in a 3.1 schema it is an array of data
    if (key === 'examples' && Array.isArray(child)) continue;
    collectRefs(child, `${pointer}/${escapePointer(key)}`, collected, visit, childInExamples, key === 'examples', base);
  }
}

/** Note the schema at `pointer` under its `$id` (resolved against the enclosing one); its URI is the base inside it. */
function identify(id: string, base: string | undefined, pointer: string, collected: Collected): string | undefined {
  let uri: string;
  try {
    uri = new URL(id, base).href.replace(/#$/, '');
  } catch {
    return base; // a relative `$id` with no absolute one around it names nothing docgen can match
  }
  if (!collected.ids.has(uri)) collected.ids.set(uri, { file: collected.file, pointer });
  return uri;
}
