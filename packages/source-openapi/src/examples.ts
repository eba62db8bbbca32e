/**
 * Named examples (`examples: { name: { value | externalValue | $ref } }`) of a parameter, a body or
 * an operation: each entry read (`value`, 3.2's `dataValue`), an `externalValue` read from the file it
 * names beside the spec, or the generated example shown instead when it cannot be. Apart because parameters, bodies and operations all read them.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isRef, type SpecPointer } from './load.js';
import { child } from './schemas.js';
import { type WalkContext, type Json, deref } from './walk.js';

/** `examples` of a media type or parameter: a map of Example objects (maybe `$ref`s), in order. */
export function namedExamples(
  context: WalkContext,
  examples: unknown,
  at: SpecPointer,
  instead: string = GENERATED_INSTEAD,
): NamedExample[] {
  if (Array.isArray(examples)) {
    // OpenAPI's `examples` here is a map of named Example objects; a list is a common slip.
    context.report({
      code: 'DG_OPENAPI_EXAMPLES_LIST',
      severity: 'warning',
      message:
        '`examples` is a list here; OpenAPI wants a map of named examples ({ name: { value: … } }), so it is not shown',
      ...context.spec.where(at),
      hint: 'write `examples: { first: { value: … } }`, or a single `example: …`',
    });
    return [];
  }
  if (!examples || typeof examples !== 'object') return [];
  return Object.entries(examples as Json).flatMap(([name, entry]) => {
    const { value, at: exampleAt } = deref(context.spec, entry, child(at, name));
    const example = exampleEntry(context, name, value, exampleAt, instead);
    return example ? [example] : [];
  });
}

/** What the warning says becomes of a body's example whose `externalValue` cannot be read. */
const GENERATED_INSTEAD = 'the example is generated from the schema instead';

/**
 * One Example object: its value (OpenAPI 3.2's `dataValue` or `serializedValue` where 3.1 has
 * `value`), or what its `externalValue` names. Undefined when it has neither, or the file cannot be read.
 */
export function exampleEntry(
  context: WalkContext,
  name: string,
  found: unknown,
  at: SpecPointer,
  instead: string,
): NamedExample | undefined {
  const example = found as Json | undefined;
  // (`null` is a value: GitHub's examples show a `null` body.)
  const key = EXAMPLE_VALUE_KEYS.find((k) => example?.[k] !== undefined);
  const summary = typeof example?.summary === 'string' ? example.summary : undefined;
  if (key === undefined) {
    if (typeof example?.externalValue !== 'string') return undefined;
    const external = externalExample(context, example.externalValue, child(at, 'externalValue'), instead);
    return external && { name, summary, ...external };
  }
  return { name, summary, value: exampleValue(context, example![key], child(at, key)), at: child(at, key) };
}

// OpenAPI 3.2 names the value `dataValue` (the data) or `serializedValue` (the body as sent).
export const EXAMPLE_VALUE_KEYS = ['value', 'dataValue', 'serializedValue'] as const;

/**
 * A named example: its value, or the web address it is kept at (`externalValue: https://…`).
 * `file`: the value is the text of a file that is not YAML or JSON (`externalValue: dog.txt`),
 * shown and sent as written, never as a JSON string; `language` is what its name says it holds.
 */
export interface NamedExample {
  name: string;
  summary?: string;
  value: unknown;
  /** Where its value is written, when it is written in the spec. */
  at?: SpecPointer;
  url?: string;
  file?: { language?: string };
}

/**
 * An Example object's `externalValue`. A web address is not fetched (docgen reads nothing over
 * the network): the example is that link. A relative path or `file:` URL names a file beside the
 * spec, read now as `value: { $ref }` files are: YAML or JSON as data, anything else (XML, CSV,
 * plain text) as the text it is. One that cannot be read is left out, so the example is made as
 * if it were not there (`instead` says how), with warning DG_OPENAPI_EXAMPLE_EXTERNAL.
 */
function externalExample(
  context: WalkContext,
  externalValue: string,
  at: SpecPointer,
  instead: string,
): Omit<NamedExample, 'name' | 'summary'> | undefined {
  if (/^https?:\/\//i.test(externalValue)) return { value: undefined, url: externalValue };
  try {
    const path = externalPath(externalValue, at.file);
    const extension = /\.([a-z0-9]+)$/i.exec(path.split('#')[0]!)?.[1]?.toLowerCase();
    if (extension === 'json' || extension === 'yaml' || extension === 'yml')
      return { value: context.spec.resolveData(path, at) };
    return { value: context.spec.resolveText(path, at), file: { language: FILE_LANGUAGES[extension ?? ''] } };
  } catch (error) {
    context.report({
      code: 'DG_OPENAPI_EXAMPLE_EXTERNAL',
      severity: 'warning',
      message: `example externalValue "${externalValue}" could not be read (${error instanceof Error ? error.message : String(error)}): ${instead}`,
      ...context.spec.where(at),
      hint: 'point externalValue at a file beside the spec (a path relative to the file it is written in, or a file: URL), or an http(s) URL to link to',
    });
    return undefined;
  }
}

/**
 * The code block language a file's extension names, for an example kept in a file that is not
 * YAML or JSON. `.txt` and the unknown name none: the media type and the text then decide.
 */
const FILE_LANGUAGES: Record<string, string> = {
  xml: 'xml',
  csv: 'csv',
  html: 'html',
  htm: 'html',
  md: 'markdown',
  markdown: 'markdown',
  graphql: 'graphql',
  gql: 'graphql',
  sql: 'sql',
};

/** An `externalValue` as a path the loader reads: a `file:` URL as the file it names, a relative path as written. */
function externalPath(externalValue: string, from: string): string {
  if (!/^file:/i.test(externalValue)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(externalValue))
      throw new Error('docgen reads only files and links to http(s) URLs');
    return externalValue;
  }
  return fileURLToPath(new URL(externalValue, pathToFileURL(from)));
}

/**
 * An example's value kept in a file of its own (`value: { $ref: examples/pet.json }`, as
 * hellosign's generator fixtures write them): OpenAPI reads `value` as literal data, but bundlers
 * (Redocly's, swagger-cli's) put the file's data there, which is what the writer meant; the body
 * shown and sent by curl is that data, not `{"$ref": …}`. Example values are data to the loader,
 * so the file is read now, like a code sample's; one that cannot be read leaves the value as
 * written, with warning DG_OPENAPI_EXAMPLE_REF.
 */
function exampleValue(context: WalkContext, value: unknown, at: SpecPointer): unknown {
  if (!isRef(value) || Object.keys(value).length !== 1) return value;
  try {
    return context.spec.resolveData(value.$ref, at);
  } catch (error) {
    context.report({
      code: 'DG_OPENAPI_EXAMPLE_REF',
      severity: 'warning',
      message: `example value $ref "${value.$ref}" could not be read (${error instanceof Error ? error.message : String(error)}): the example is shown as written`,
      ...context.spec.where(child(at, '$ref')),
      hint: 'point it at a YAML or JSON file holding the example (its path is relative to the file the $ref is written in)',
    });
    return value;
  }
}
