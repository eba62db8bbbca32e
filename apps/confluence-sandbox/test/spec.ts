/* eslint-disable @typescript-eslint/no-explicit-any -- test helpers hand back arbitrary JSON bodies */
// Validate real responses against the response schemas of Atlassian's official OpenAPI specs.
import { readFileSync } from 'node:fs';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

type Json = Record<string, any>;

export interface SpecCheck {
  /** ajv errors, empty when the body validates. */
  errors: string[];
  /** Response fields the schema does not describe (JSON paths), a hint of shape drift. */
  undocumented: string[];
}

/**
 * One spec file. Operations are looked up by method and a concrete path (`/wiki/api/v2/pages/123`);
 * the response schema is validated by ajv with the spec's `components` resolvable through `$ref`.
 */
export class OpenApiSpec {
  readonly doc: Json;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly id: string;
  /** Where the spec and the wire disagree in ways the check had to work around. */
  readonly notes: string[] = [];

  /** `stripPrefix`: the part of request paths the spec keeps in its server URL (`/wiki/api/v2`). */
  constructor(
    file: string,
    private readonly stripPrefix = '',
  ) {
    this.doc = JSON.parse(readFileSync(file, 'utf8'));
    this.id = `urn:spec:${file}`;
    this.ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
    addFormats(this.ajv);
    this.ajv.addFormat('int32', true).addFormat('int64', true).addFormat('binary', true);
    this.ajv.addSchema(this.doc, this.id);
  }

  /** The spec's path template matching a concrete path, most literal first. */
  template(method: string, path: string): string | undefined {
    const specPath = path.split('?')[0]!.slice(path.startsWith(this.stripPrefix) ? this.stripPrefix.length : 0);
    const candidates = Object.keys(this.doc.paths).filter((template) => {
      if (!this.doc.paths[template][method.toLowerCase()]) return false;
      const pattern = new RegExp(
        '^' + template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+') + '$',
      );
      return pattern.test(specPath);
    });
    return candidates.sort((a, b) => b.replace(/\{[^}]+\}/g, '').length - a.replace(/\{[^}]+\}/g, '').length)[0];
  }

  /** JSON pointer to the response schema, or undefined when the spec has none. */
  schemaPointer(method: string, path: string, status: number): string | undefined {
    const template = this.template(method, path);
    if (!template) return undefined;
    const responses = this.doc.paths[template][method.toLowerCase()].responses ?? {};
    // The DC spec documents some 200 answers under 201 (e.g. GET child/attachment): fall back
    // to another 2xx of the same operation, and say so.
    const sibling =
      status < 300 ? Object.keys(responses).find((code) => /^2\d\d$/.test(code) && responses[code].content) : undefined;
    const key =
      String(status) in responses && responses[String(status)].content
        ? String(status)
        : 'default' in responses
          ? 'default'
          : sibling;
    if (!key) return undefined;
    if (key !== String(status)) this.notes.push(`${method} ${template}: spec documents ${status} as ${key}`);
    let response = responses[key];
    let pointer = ['paths', template, method.toLowerCase(), 'responses', key];
    if (response.$ref) {
      pointer = response.$ref.replace(/^#\//, '').split('/').map(unescapePointer);
      response = this.resolve(response.$ref);
    }
    const contentType = Object.keys(response.content ?? {}).find((type) => type.includes('json') || type === '*/*');
    if (!contentType || !response.content[contentType].schema) return undefined;
    return '#/' + [...pointer, 'content', contentType, 'schema'].map(escapePointer).join('/');
  }

  check(method: string, path: string, status: number, body: unknown): SpecCheck {
    const pointer = this.schemaPointer(method, path, status);
    if (!pointer) throw new Error(`${method} ${path} → ${status}: no JSON response schema in the spec`);
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: this.id + pointer });
      this.compiled.set(pointer, validate);
    }
    const ok = validate(body);
    const errors = ok
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
    const undocumented: string[] = [];
    this.collectUndocumented(this.resolve(pointer), body, '', undocumented, 0);
    return { errors, undocumented };
  }

  /** Validate a value against one of the spec's component schemas (`ContentProperty`). */
  checkComponent(name: string, value: unknown): string[] {
    const pointer = `#/components/schemas/${escapePointer(name)}`;
    if (!this.resolve(pointer)) throw new Error(`the spec has no component schema ${name}`);
    let validate = this.compiled.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: this.id + pointer });
      this.compiled.set(pointer, validate);
    }
    return validate(value)
      ? []
      : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
  }

  /** Status codes the spec documents for an operation (to check answers that have no body). */
  statuses(method: string, path: string): string[] {
    const template = this.template(method, path);
    return template ? Object.keys(this.doc.paths[template][method.toLowerCase()].responses ?? {}) : [];
  }

  private resolve(ref: string): Json {
    return ref
      .replace(/^#\//, '')
      .split('/')
      .map(unescapePointer)
      .reduce((node: Json, key) => node?.[key], this.doc);
  }

  /** Properties of the (allOf-merged, $ref-resolved) object schema; undefined = anything goes. */
  private propertiesOf(
    schema: Json | undefined,
    depth = 0,
  ): { properties: Record<string, Json>; open: boolean; items?: Json } | undefined {
    if (!schema || depth > 20) return undefined;
    if (schema.$ref) return this.propertiesOf(this.resolve(schema.$ref), depth + 1);
    const parts = [schema, ...(schema.allOf ?? [])];
    const properties: Record<string, Json> = {};
    let open = false;
    let items: Json | undefined;
    for (const part of parts) {
      const resolved = part.$ref ? this.resolve(part.$ref) : part;
      if (resolved !== schema && (resolved.allOf || resolved.$ref)) {
        const nested = this.propertiesOf(resolved, depth + 1);
        for (const [key, value] of Object.entries(nested?.properties ?? {})) {
          properties[key] = properties[key] ? { allOf: [properties[key], value] } : value;
        }
        open ||= nested?.open ?? true;
        continue;
      }
      if (resolved.oneOf || resolved.anyOf) open = true;
      if (resolved.additionalProperties) open = true;
      if (resolved.items) items = resolved.items;
      for (const [key, value] of Object.entries((resolved.properties ?? {}) as Record<string, Json>)) {
        properties[key] = properties[key] ? { allOf: [properties[key], value] } : value;
      }
    }
    if (Object.keys(properties).length === 0 && !items) open = true;
    return { properties, open, items };
  }

  private collectUndocumented(
    schema: Json | undefined,
    value: unknown,
    path: string,
    out: string[],
    depth: number,
  ): void {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    const shape = this.propertiesOf(schema);
    if (!shape) return;
    if (Array.isArray(value)) {
      if (shape.items)
        value
          .slice(0, 3)
          .forEach((item, i) => this.collectUndocumented(shape.items, item, `${path}[${i}]`, out, depth + 1));
      return;
    }
    for (const [key, child] of Object.entries(value as Json)) {
      if (key in shape.properties)
        this.collectUndocumented(shape.properties[key], child, `${path}.${key}`, out, depth + 1);
      else if (!shape.open) out.push(`${path}.${key}`);
    }
  }
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const unescapePointer = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');
