import { basename, dirname, extname, relative } from 'node:path';
import { escapePointer, inlineCode, unescapePointer, type Diagnostic } from '@docgen/core';
import { externalDocsOf } from './external-docs.js';
import { brokenJsonExample } from './json-text.js';
import { isRef, type Resolved, type SpecPointer, type SpecSet } from './load.js';
import { matchesPattern, stringMatching } from './pattern.js';
import { Cycles } from './ref-cycles.js';
import type { NamedSchema, SchemaField, SchemaView, TypeExpr } from './model.js';

/**
 * Schemas: naming every referenced schema, describing types as TypeExpr trees, flattening
 * properties into table rows, finding reference cycles (Tarjan's SCC over the `$ref` graph) and
 * generating examples. A `$ref` is never expanded inline in a table (it becomes a link to the
 * named schema), so cyclic schemas terminate by construction; the cycle is still reported.
 */
type Json = Record<string, unknown>;

const MAX_FIELD_DEPTH = 4;
const MAX_EXAMPLE_DEPTH = 5;
const MAX_EXAMPLE_PROPERTIES = 25;
/**
 * Lines a generated example may fill before it is built again with a shallower depth bound: wide
 * schemas whose every property is another wide schema (Presalytics' OOXML API: 14,500 lines for
 * one table border, 7 MB of schemas page from a 200 KB spec) would bury the page. The largest
 * examples of Bitbucket's, Jira's and Stripe's specs stay far below it.
 */
const MAX_EXAMPLE_LINES = 1_000;

interface Entry {
  id: string;
  at: SpecPointer;
  value: Json;
  name: string;
  /** `schema-…`, unique: names that differ only by case or punctuation (`Error`, `error`) share a slug. */
  anchor: string;
  edges?: string[];
}

export class SchemaRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly names = new Set<string>();
  private readonly anchors = new Set<string>();
  private readonly scc = new Map<string, number>();
  private readonly sccSize = new Map<number, number>();
  private readonly selfLoop = new Set<string>();
  /** Examples of named schemas by direction, depth bound, depth and id: the variants met (see namedExample). */
  private readonly examples = new Map<string, ExampleVariant[]>();
  private examplesKept = 0;
  /**
   * Values docgen made up while building examples (by type or format, or varied to keep list items
   * unique): none in an example means every value in it is one the spec gives.
   */
  private inventions = 0;
  /** For each example being built, innermost last: the schemas it asked whether the path holds. */
  private readonly asked: Array<Set<string>> = [];
  /**
   * Which schemas lead back to which through any `$ref` in them, read without registering one (the
   * order schemas are registered in decides which of two alike names gets "(2)").
   */
  private readonly refCycles = new Cycles((id) => this.refsFrom(id));
  /** Schemas met by refsFrom that are not registered. */
  private readonly unregistered = new Map<string, { value: unknown; at: SpecPointer }>();
  /** A named schema's view where it is used: the same wherever it is used (bitbucket's error body under ~1,000 responses). */
  private readonly refViews = new Map<string, SchemaView>();
  /** Spec files relative to the root spec's folder, for schema ids. */
  private readonly relativeFiles = new Map<string, string>();
  private sccCounter = 0;
  private readonly specDir: string;
  /** Where each component alias (`UserCreationParams: { $ref: Pick_User… }`) is written → its name. */
  private readonly aliasNames = new Map<string, string>();

  constructor(
    private readonly spec: SpecSet,
    /** Where a schema's type is none of JSON Schema's (`type: String`): reported once per schema. */
    private readonly onUnknownType?: (types: string[], at: SpecPointer) => void,
    /** Other slips in a schema that do not stop it being documented: each reported once, where it is. */
    private readonly report?: (diagnostic: Diagnostic) => void,
  ) {
    this.specDir = dirname(spec.rootFile);
  }

  /** Slips met so far, reported or not: what an inline schema met must be met again at its next copy. */
  private slips = 0;

  /** Where a slip was reported (`file#pointer`): a schema is read again wherever it is used. */
  private readonly reported = new Set<string>();

  private reportOnce(at: SpecPointer, diagnostic: () => Diagnostic | undefined): void {
    this.slips++;
    const key = `${at.file}#${at.pointer}`;
    if (!this.report || this.reported.has(key)) return;
    this.reported.add(key);
    const found = diagnostic();
    if (found) this.report(found);
  }

  /**
   * `items:` left empty beside a `$ref` (`type: array`, `items:`, then `$ref` one indent short of
   * being its value): the `$ref` is the whole schema, its siblings are not read, so the list is
   * documented as one of what it names. Said, with how to make it the list.
   */
  private checkEmptyItemsBesideRef(schema: Json, at: SpecPointer): void {
    if (!('items' in schema) || schema.items !== null) return;
    this.reportOnce(child(at, 'items'), () => ({
      code: 'DG_OPENAPI_EMPTY_ITEMS',
      severity: 'warning',
      message: `\`items\` is empty beside \`$ref: ${String(schema.$ref)}\`: the schema is read as that $ref alone (a $ref's siblings are not read), one of what it names, not a list of them`,
      ...this.spec.where(child(at, 'items'), true),
      hint: 'for a list of them, indent the `$ref` under `items:` (`items: { $ref: … }`); else delete the empty `items:`',
    }));
  }

  /** A structured schema's example written as JSON text that does not parse: said, and shown as text. */
  private checkJsonExample(example: unknown, schema: Json, at: SpecPointer): void {
    if (typeof example !== 'string' || !isStructuredSchema(schema)) return;
    this.reportOnce(at, () => brokenJsonExample(example, () => this.spec.where(at)));
  }

  /** Schemas whose unknown type was reported: a schema is typed again wherever it is used. */
  private readonly typesReported = new WeakSet<object>();

  private checkTypes(s: Json, at: SpecPointer): void {
    if (!this.onUnknownType || s.type === undefined || typeof s !== 'object') return;
    if (typeof s.type === 'string' && JSON_TYPES.has(s.type)) return;
    const unknown = unknownTypes(s);
    if (unknown.length) this.slips++;
    if (!unknown.length || this.typesReported.has(s)) return;
    this.typesReported.add(s);
    this.onUnknownType(unknown, child(at, 'type'));
  }

  /**
   * A component that is only a `$ref` to another: documented as its target, but named wherever a
   * `$ref` to it is used, so a reader sees the name the spec wrote there.
   */
  registerAlias(at: SpecPointer, name: string): string {
    const resolved = this.spec.resolvePointer(at);
    this.aliasNames.set(`${at.file}#${at.pointer}`, name);
    return this.register(resolved, resolved.value as Json);
  }

  /** The alias a `$ref` names first, before its chain is followed to the schema: undefined for any other. */
  private aliasOf(ref: string, at: SpecPointer): string | undefined {
    if (!this.aliasNames.size) return undefined;
    const first = this.spec.target(ref, at);
    return this.aliasNames.get(`${first.file}#${first.pointer}`);
  }

  /** Register the schema a `$ref` (written at `from`) names, returning its id. */
  refId(ref: string, from: SpecPointer): string {
    const resolved = this.spec.resolve(ref, from);
    return this.register(resolved, resolved.value as Json);
  }

  /**
   * Follow a schema's `$ref`. A `$dynamicRef` read in a dynamic scope (inside a generic that a
   * binding schema fills) goes to the outermost binding of its anchor, as JSON Schema 2020-12
   * says, when its static target carries that `$dynamicAnchor`; anywhere else it is a `$ref`.
   */
  private resolveRef(schema: { $ref: string; $dynamicRef?: unknown }, at: SpecPointer): Resolved {
    const dynamic = schema.$dynamicRef;
    if (at.scope && typeof dynamic === 'string' && dynamic.startsWith('#')) {
      const name = dynamic.slice(1);
      const bound = at.scope.get(name);
      if (bound && (this.spec.valueOf(this.spec.target(dynamic, at)) as Json | undefined)?.$dynamicAnchor === name)
        return this.spec.resolvePointer(bound);
    }
    return this.spec.resolve(schema.$ref, at);
  }

  /**
   * The generic a binding schema at `at` fills (`{ $ref: Page, $defs: { user: { $dynamicAnchor:
   * item, … } } }`): its body, at a place whose scope holds the binding's anchors (an outer
   * binding's first), so its `$dynamicRef`s are read as the binding says. A binding of a binding
   * is followed to the generic. Undefined for any other schema.
   */
  private bound(schema: unknown, at: SpecPointer): { value: Json; at: SpecPointer } | undefined {
    let binding = isRef(schema) ? this.spec.bindingAt(at) : undefined;
    if (!binding) return undefined;
    let value = schema as Json;
    let here: SpecPointer = at;
    const scope = new Map(at.scope ?? []);
    for (let hops = 0; binding && hops < 20; hops++) {
      for (const [name, slot] of binding.anchors) if (!scope.has(name)) scope.set(name, slot);
      const generic = this.spec.resolve(value.$ref as string, here);
      value = (generic.value ?? {}) as Json;
      here = generic;
      binding = isRef(value) ? this.spec.bindingAt(here) : undefined;
    }
    return { value, at: { file: here.file, pointer: here.pointer, scope } };
  }

  register(at: SpecPointer, value: Json): string {
    const id = this.idAt(at);
    if (!this.entries.has(id)) {
      const name = this.uniqueName(at, value);
      const slug = `schema-${anchorOf(name)}`;
      let anchor = slug;
      for (let n = 2; this.anchors.has(anchor); n++) anchor = `${slug}-${n}`;
      this.anchors.add(anchor);
      this.entries.set(id, { id, at: { file: at.file, pointer: at.pointer }, value: value ?? {}, name, anchor });
    }
    return id;
  }

  /** The id of the schema at `at`, registered or not. */
  private idAt(at: SpecPointer): string {
    let file = this.relativeFiles.get(at.file);
    if (file === undefined)
      this.relativeFiles.set(at.file, (file = relative(this.specDir, at.file).replace(/\\/g, '/')));
    return `${file}#${at.pointer}`;
  }

  name(id: string): string {
    return this.entries.get(id)!.name;
  }

  ids(): string[] {
    return [...this.entries.keys()];
  }

  private uniqueName(at: SpecPointer, value: Json): string {
    const segments = at.pointer.split('/').filter(Boolean).map(unescapePointer);
    let base =
      subschemaPathName(segments) ??
      (typeof value?.title === 'string' && !segments.length ? value.title : undefined) ??
      segments[segments.length - 1];
    // A number or `schema` at the end of a pointer is a place (`allOf/0`, `…/parameters/0/schema`),
    // not a name, unless it is a key of a definitions map: Kumpe Apps names error schemas `403`.
    const defined = segments.length > 1 && DEFINITION_MAPS.has(segments[segments.length - 2]!);
    if (!base || (!defined && (/^\d+$/.test(base) || base === 'schema')))
      base = segments.length ? segments.slice(-3).join('.') : basename(at.file, extname(at.file));
    // The spec's own name, unless another schema has it already (`Pet` in two files): names that
    // differ only by case are different names (Telnyx has `Error` and `error`); anchors tell them apart.
    let name = base;
    for (let n = 2; this.names.has(name); n++) name = `${base} (${n})`;
    this.names.add(name);
    return name;
  }

  // ---- types ---------------------------------------------------------------------------------

  typeOf(schema: unknown, at: SpecPointer, ownerId?: string): TypeExpr {
    const generic = this.bound(schema, at);
    if (generic) return this.typeOf(generic.value, generic.at, ownerId);
    if (isRef(schema)) {
      this.checkEmptyItemsBesideRef(schema as Json, at);
      const resolved = this.resolveRef(schema, at);
      const id = this.register(resolved, resolved.value as Json);
      const target = this.entries.get(id)!.value;
      let types = target && typeof target === 'object' ? typeList(target) : [];
      const enumOf = !types.length && Array.isArray(target?.enum) ? enumType(target.enum) : undefined;
      if (enumOf) types = [enumOf];
      const alias = this.aliasOf(schema.$ref, at);
      const name = this.name(id);
      const shown = (alias ?? name).toLowerCase();
      // A name that is its type or format already says it (AWS's `String`, the museum's `Date`):
      // not "String (string)", "Date (string (date))", but "String", "Date (string)".
      const format = types.length === 1 ? shownFormat(target, types[0]!) : undefined;
      const primitive =
        types.length === 1 && ['string', 'integer', 'number', 'boolean'].includes(types[0]!) && shown !== types[0]
          ? `${types[0]}${format && format.toLowerCase() !== shown ? ` (${format})` : ''}`
          : undefined;
      return {
        kind: 'ref',
        schemaId: id,
        name,
        circular: ownerId !== undefined && this.sameCycle(ownerId, id),
        primitive,
        ...(alias ? { alias } : {}),
      };
    }
    const s = (schema ?? {}) as Json;
    this.checkTypes(s, at);
    const nullable = isNullable(s);
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const list = s[keyword];
      if (!Array.isArray(list)) continue;
      const members = list
        .map((item, i) => ({ item, i }))
        .filter(({ item }) => !isNullType(item) && !(keyword === 'allOf' && annotatesOnly(item)));
      const types = members.map(({ item, i }) => this.typeOf(item, child(at, keyword, i), ownerId));
      if (types.length === 1 && !hasOwnShape(s)) return withNullable(types[0]!, nullable);
      const variants = types.map((type, n) => asLiteral(type, members[n]!.item));
      // Properties written beside an allOf are one more part of the whole (`Article: { allOf:
      // [$ref: BaseEntity], properties: { title } }`): "all of BaseEntity & object", as when they
      // are written as a member of their own.
      if (keyword === 'allOf' && hasOwnShape(s)) variants.push({ kind: 'primitive', name: 'object', nullable: false });
      if (keyword === 'allOf' && variants.length > 1 && variants.every(isInlineObject))
        return mergedObject(s, variants, nullable);
      if (variants.length) return { kind: 'composite', keyword, variants, nullable };
    }
    const types = typeList(s);
    if (types.includes('array') || (!types.length && (s.items !== undefined || Array.isArray(s.prefixItems)))) {
      const items =
        s.items === undefined || typeof s.items === 'boolean'
          ? { kind: 'primitive' as const, name: 'any' }
          : this.typeOf(s.items, child(at, 'items'), ownerId);
      if (!Array.isArray(s.prefixItems)) return { kind: 'array', items, nullable };
      const prefix = s.prefixItems.map((item, i) => this.typeOf(item, child(at, 'prefixItems', i), ownerId));
      return { kind: 'array', items, nullable, prefix, closed: s.items === false };
    }
    if (
      (types.includes('object') || !types.length) &&
      !s.properties &&
      s.additionalProperties &&
      typeof s.additionalProperties === 'object'
    ) {
      return {
        kind: 'map',
        values: this.typeOf(s.additionalProperties, child(at, 'additionalProperties'), ownerId),
        nullable,
      };
    }
    let name = types.join(' or '); // `type: [string, integer]`: "string or integer", as `anyOf` and `or null` read
    if (!name)
      name =
        s.properties || s.additionalProperties || s.patternProperties
          ? 'object'
          : s.const !== undefined
            ? jsonType(s.const)
            : Array.isArray(s.enum)
              ? (enumType(s.enum) ?? 'enum')
              : 'any';
    // An inline object's title tells variants apart: "any of object (Card) or object (Bank Account)".
    const title = namingTitle(s);
    if (name === 'object' && title) name = `object (${title})`;
    return {
      kind: 'primitive',
      name,
      format: shownFormat(s, name),
      nullable,
      ...(typeof s.contentMediaType === 'string' ? { contentMediaType: s.contentMediaType } : {}),
    };
  }

  // ---- views -----------------------------------------------------------------------------------

  /**
   * What was built from inline schemas, by their JSON text: generated specs repeat one inline body
   * under most operations (bitbucket's error body `{ errors: [RestErrorMessage] }`, 1,071 times),
   * and its view and example are the same each time. Only where the text alone decides the result:
   * no dynamic bindings in the spec (they depend on where a schema stands), and no slip met while
   * building it (each copy of a slip is reported at its own line, so such a schema is built again).
   */
  private readonly inlineResults = new Map<string, unknown>();

  private sameInline<T>(what: string, schema: unknown, at: SpecPointer, build: () => T): T {
    if (!isObject(schema) || isRef(schema) || at.scope || this.spec.hasBindings()) return build();
    // `$ref`s inside are read relative to the file.
    const key = `${what}\0${at.file}\0${JSON.stringify(schema)}`;
    if (this.inlineResults.has(key)) return this.inlineResults.get(key) as T;
    const slips = this.slips;
    const result = build();
    if (this.slips === slips && this.inlineResults.size < MAX_MEMO_EXAMPLES) this.inlineResults.set(key, result);
    return result;
  }

  /** A schema as a renderable view: its type, fields (flattened properties), variants, discriminator. */
  view(schema: unknown, at: SpecPointer, ownerId?: string): SchemaView {
    if (ownerId === undefined) return this.sameInline('view', schema, at, () => this.viewAt(schema, at));
    return this.viewAt(schema, at, ownerId);
  }

  private viewAt(schema: unknown, at: SpecPointer, ownerId?: string): SchemaView {
    if (isRef(schema) && !this.spec.bindingAt(at)) {
      const resolved = this.resolveRef(schema, at);
      const id = this.register(resolved, resolved.value as Json);
      // Through an alias, the same view under the alias's name.
      const key = `${id}\0${this.aliasOf(schema.$ref, at) ?? ''}`;
      let view = this.refViews.get(key);
      if (!view) {
        view = this.viewOf((resolved.value ?? {}) as Json, resolved, id, this.typeOf(schema, at));
        this.refViews.set(key, view);
      }
      return view;
    }
    return this.viewOf((schema ?? {}) as Json, at, ownerId, this.typeOf(schema, at, ownerId));
  }

  private viewOf(body: Json, bodyAt: SpecPointer, ownerId: string | undefined, type: TypeExpr): SchemaView {
    const generic = this.bound(body, bodyAt);
    if (generic) {
      // The generic's fields as the binding fills them; the binding's own description first, and
      // what it asks beside its `$ref` (a stricter tree's `unevaluatedProperties: false`) too.
      const view = this.viewOf(generic.value, generic.at, ownerId, type);
      const rules = [...(view.rules ?? []), ...valueRules(body).filter((rule) => !view.rules?.includes(rule))];
      return {
        ...view,
        description: typeof body.description === 'string' ? body.description : view.description,
        rules: rules.length ? rules : undefined,
      };
    }
    const view: SchemaView = {
      type,
      description: typeof body.description === 'string' ? body.description : undefined,
      fields: this.fields(body, bodyAt, ownerId, '', 0, new Set(ownerId ? [ownerId] : [])),
    };
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const list = body[keyword];
      if (Array.isArray(list)) {
        const types = list
          .filter((item) => !isNullType(item))
          .map((item, i) => this.typeOf(item, child(bodyAt, keyword, i), ownerId));
        if (types.length > 1 || hasOwnShape(body)) view.variants = { keyword, types };
      }
    }
    const discriminator = body.discriminator;
    // The schema itself, not an inline schema of the one that owns it, is what variants extend.
    const selfId = ownerId !== undefined && this.entries.get(ownerId)?.value === body ? ownerId : undefined;
    if (discriminator && typeof discriminator === 'object') {
      const d = discriminator as { propertyName?: string; mapping?: Record<string, string> };
      const mapping = Object.entries(d.mapping ?? {}).map(([value, ref]) => ({
        value,
        type: this.mappingType(String(ref), bodyAt),
      }));
      view.discriminator = {
        propertyName: String(d.propertyName ?? ''),
        mapping: [...mapping, ...this.azureMapping(selfId, mapping)],
      };
    } else if (typeof discriminator === 'string') {
      // Swagger 2.0: a property name only.
      view.discriminator = { propertyName: discriminator, mapping: this.azureMapping(selfId, []) };
    }
    if (Array.isArray(body.enum)) view.enum = body.enum.map((v) => JSON.stringify(v));
    const rules = valueRules(body);
    if (rules.length) view.rules = rules;
    return view;
  }

  /**
   * The values Azure's variants of schema `id` say select them (`x-ms-discriminator-value`, which
   * AutoRest's specs write in place of a mapping) as mapping entries, in the spec's order: those
   * extending it with `allOf`, directly or through another variant, that `mapped` does not name.
   */
  private azureMapping(
    id: string | undefined,
    mapped: Array<{ type: TypeExpr }>,
  ): Array<{ value: string; type: TypeExpr }> {
    if (id === undefined) return [];
    const named = new Set(mapped.map(({ type }) => (type.kind === 'ref' ? type.schemaId : undefined)));
    return [...this.entries.values()].flatMap((entry) => {
      const value = (entry.value as Json | undefined)?.['x-ms-discriminator-value'];
      if (typeof value !== 'string' || named.has(entry.id) || !this.extendsSchema(entry, id, new Set())) return [];
      return [{ value, type: { kind: 'ref' as const, schemaId: entry.id, name: entry.name } }];
    });
  }

  /** Whether schema `entry` extends schema `base` with `allOf`, directly or through schemas it extends. */
  private extendsSchema(entry: Pick<Entry, 'value' | 'at'>, base: string, seen: Set<string>): boolean {
    const allOf = (entry.value as Json | undefined)?.allOf;
    if (!Array.isArray(allOf)) return false;
    return allOf.some((member: unknown, index) => {
      if (!isRef(member)) return false;
      let parent: string;
      try {
        parent = this.refId(member.$ref, child(entry.at, 'allOf', index));
      } catch {
        return false; // a dangling $ref is reported where the schema is read
      }
      if (parent === base) return true;
      if (seen.has(parent)) return false;
      seen.add(parent);
      const parentEntry = this.entries.get(parent);
      return parentEntry !== undefined && this.extendsSchema(parentEntry, base, seen);
    });
  }

  private mappingType(ref: string, at: SpecPointer): TypeExpr {
    const id = this.mappingTarget(ref, at);
    return id === undefined ? { kind: 'primitive', name: ref } : { kind: 'ref', schemaId: id, name: this.name(id) };
  }

  /** The schema a discriminator mapping value names (of the schema at `at`), or undefined if none. */
  private mappingTarget(ref: string, at: SpecPointer): string | undefined {
    // A mapping value is a $ref or a bare schema name (OpenAPI allows both).
    const target = ref.includes('#') || ref.includes('/') || ref.includes('.') ? ref : `#/components/schemas/${ref}`;
    try {
      return this.refId(target, child(at, 'discriminator', 'mapping'));
    } catch {
      return undefined;
    }
  }

  /** Properties (own and from allOf members) as rows; inline objects and arrays of them are nested. */
  private fields(
    schema: Json,
    at: SpecPointer,
    ownerId: string | undefined,
    prefix: string,
    depth: number,
    seen: Set<string>,
  ): SchemaField[] {
    const rows: SchemaField[] = [];
    const { properties, required } = this.collectProperties(schema, at, seen);
    const patterns = patternProperties(schema, at);
    const others = properties.length || patterns.length ? otherProperties(schema, at) : [];
    const rowsOf: Array<{ name: string; value: unknown; at: SpecPointer; pattern?: string; other?: boolean }> =
      patterns.length || others.length ? [...properties, ...patterns, ...others] : properties;
    for (const { name, value, at: propertyAt, pattern, other } of rowsOf) {
      const named = pattern === undefined && !other;
      const property = (isRef(value) ? value : (value ?? {})) as Json;
      const type = this.typeOf(property, propertyAt, ownerId);
      const resolved = isRef(property) ? (this.resolveRef(property, propertyAt).value as Json) : property;
      const field: SchemaField = {
        name: `${prefix}${name}`,
        depth,
        type,
        required: named && required.has(name),
        nullable: isNullable(property),
        deprecated: property.deprecated === true || resolved?.deprecated === true,
        readOnly: this.marked(property, propertyAt, 'readOnly'),
        writeOnly: this.marked(property, propertyAt, 'writeOnly'),
        description: this.fieldDescription(property, resolved, propertyAt),
        constraints: [
          ...(pattern === undefined ? [] : [`key pattern: ${inlineCode(pattern)}`]),
          ...(other ? ['any other key'] : []),
          ...constraints(isRef(property) ? { ...resolved, ...withoutRef(property) } : property, {
            // A named schema's values are listed where it is documented, which the type links to.
            enumListedElsewhere: isRef(property),
          }),
          // A named schema's rules are on its own entry too.
          ...(isRef(property) ? [] : schemaRules(property)),
          ...(named ? dependents(schema, name) : []),
          ...examplesOf(property),
        ],
        circular: type.kind === 'ref' ? !!type.circular : refersToCycle(type),
      };
      rows.push(field);
      if (depth + 1 >= MAX_FIELD_DEPTH || isRef(property) || wrappedRef(property)) continue;
      // A union's one structured variant is the property's shape (see structuredVariant).
      const shape = (!hasProperties(property) && structuredVariant(property, propertyAt)) || {
        s: property,
        at: propertyAt,
      };
      if (hasFieldRows(shape.s)) {
        rows.push(...this.fields(shape.s, shape.at, ownerId, `${field.name}.`, depth + 1, seen));
      } else if (shape.s.items && !isRef(shape.s.items) && hasFieldRows(shape.s.items as Json)) {
        rows.push(
          ...this.fields(shape.s.items as Json, child(shape.at, 'items'), ownerId, `${field.name}[].`, depth + 1, seen),
        );
      }
    }
    for (const variant of inlineObjectVariants(schema, at))
      for (const row of this.fields(variant.s, variant.at, ownerId, prefix, depth, seen))
        rows.push(row.variant === undefined ? { ...row, variant: variant.number } : row);
    return rows;
  }

  private collectProperties(schema: Json, at: SpecPointer, seen: Set<string>) {
    const properties: Array<{ name: string; value: unknown; at: SpecPointer }> = [];
    const required = new Set<string>();
    const byName = new Map<string, number>();
    const add = (s: Json, sAt: SpecPointer) => {
      const generic = this.bound(s, sAt);
      if (generic) return add(generic.value, generic.at);
      if (Array.isArray(s.allOf)) {
        s.allOf.forEach((member, i) => {
          const memberAt = child(sAt, 'allOf', i);
          if (isRef(member)) {
            const resolved = this.resolveRef(member, memberAt);
            const id = this.register(resolved, resolved.value as Json);
            if (seen.has(id)) return; // inherited through a cycle: already shown
            seen.add(id);
            add(resolved.value as Json, resolved);
            seen.delete(id);
          } else if (member && typeof member === 'object') {
            add(member as Json, memberAt);
          }
        });
      }
      if (s.properties && typeof s.properties === 'object') {
        for (const [name, value] of Object.entries(s.properties as Json)) {
          const entry = { name, value, at: child(sAt, 'properties', name) };
          const index = byName.get(name);
          if (index === undefined) {
            byName.set(name, properties.length);
            properties.push(entry);
          } else {
            properties[index] = entry; // a later allOf member or the schema itself refines it
          }
        }
      }
      if (Array.isArray(s.required)) for (const name of s.required) required.add(String(name));
    };
    add(schema, at);
    return { properties, required };
  }

  // ---- named schemas ---------------------------------------------------------------------------

  /** Every registered schema as a NamedSchema, including those first met while building the others. */
  namedSchemas(usedBy: Map<string, Set<string>>): NamedSchema[] {
    const result = new Map<string, NamedSchema>();
    for (
      let pass = this.ids().filter((id) => !result.has(id));
      pass.length;
      pass = this.ids().filter((id) => !result.has(id))
    ) {
      for (const id of pass) {
        const entry = this.entries.get(id)!;
        const view = this.viewOf(entry.value, entry.at, id, this.typeOf(entry.value, entry.at, id));
        const circular = this.isCircular(id);
        result.set(id, {
          ...view,
          id,
          name: entry.name,
          anchor: entry.anchor,
          circular,
          cycle: circular ? this.cycleOf(id) : undefined,
          deprecated: entry.value?.deprecated === true,
          ...(externalDocsOf(entry.value?.externalDocs) && { externalDocs: externalDocsOf(entry.value?.externalDocs) }),
          ...this.namedSchemaExample(id),
          usedBy: [...(usedBy.get(id) ?? [])],
        });
      }
    }
    return [...result.values()].sort((a, b) => BY_NAME.compare(a.name, b.name));
  }

  /**
   * What a parameter's (or response header's) schema says of it, for one that says nothing itself
   * (Spotify's and AWS's parameters describe themselves only in their schema): read as a field's.
   */
  usedDescription(schema: unknown, at: SpecPointer): string | undefined {
    if (!isObject(schema)) return undefined;
    const resolved = isRef(schema) ? (this.resolveRef(schema, at).value as Json | undefined) : schema;
    return this.fieldDescription(schema, resolved, at);
  }

  /**
   * A field's description: its own, else one an allOf member that only annotates gives, else the
   * one of the schema it refers to, directly or through an allOf that wraps the reference.
   */
  private fieldDescription(property: Json, resolved: Json | undefined, at: SpecPointer): string | undefined {
    const own = descriptionOf(property) ?? annotatedDescription(property);
    if (own) return own;
    const wrapped = resolved === property ? wrappedRef(property) : undefined;
    if (!wrapped) return descriptionOf(resolved);
    const target = this.resolveRef(wrapped.ref as { $ref: string }, child(at, 'allOf', wrapped.index)).value;
    return descriptionOf(target as Json | undefined);
  }

  /** A named schema's example for the schemas page, and where it came from (see exampleOrigin). */
  private namedSchemaExample(
    id: string,
  ): Pick<NamedSchema, 'example' | 'exampleLanguage' | 'exampleGenerated' | 'exampleAssembled'> {
    const entry = this.entries.get(id)!;
    const built = this.withinLineBudget(() => this.namedExample(id));
    return { ...shownNamedExample(built.value), ...this.exampleOrigin(built, entry.value, entry.at) };
  }

  // ---- cycles ------------------------------------------------------------------------------------

  private edges(id: string): string[] {
    const entry = this.entries.get(id)!;
    if (!entry.edges) {
      const out = new Set<string>();
      const visit = (node: { $ref: string }, from: SpecPointer) => {
        const resolved = this.resolveRef(node, from);
        out.add(this.register(resolved, resolved.value as Json));
      };
      walkRefs(entry.value, entry.at, visit);
      // A binding's edges are also those of its generic read in its scope (a stricter tree's children).
      const generic = this.bound(entry.value, entry.at);
      if (generic) walkRefs(generic.value, generic.at, visit);
      entry.edges = [...out];
      if (out.has(id)) this.selfLoop.add(id);
    }
    return entry.edges;
  }

  private sccOf(id: string): number {
    if (!this.scc.has(id)) this.tarjan(id);
    return this.scc.get(id)!;
  }

  /** Iterative Tarjan from `start`: assigns an SCC number to every schema reachable from it. */
  private tarjan(start: string): void {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const onStack = new Set<string>();
    let counter = 0;
    const work: Array<{ id: string; i: number }> = [{ id: start, i: 0 }];
    index.set(start, counter);
    low.set(start, counter++);
    stack.push(start);
    onStack.add(start);
    while (work.length) {
      const frame = work[work.length - 1]!;
      const edges = this.edges(frame.id);
      if (frame.i < edges.length) {
        const next = edges[frame.i++]!;
        if (this.scc.has(next)) continue; // finished earlier
        if (!index.has(next)) {
          index.set(next, counter);
          low.set(next, counter++);
          stack.push(next);
          onStack.add(next);
          work.push({ id: next, i: 0 });
        } else if (onStack.has(next)) {
          low.set(frame.id, Math.min(low.get(frame.id)!, index.get(next)!));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id)!, low.get(frame.id)!));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component = this.sccCounter++;
        let size = 0;
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          this.scc.set(member, component);
          size++;
          if (member === frame.id) break;
        }
        this.sccSize.set(component, size);
      }
    }
  }

  sameCycle(a: string, b: string): boolean {
    if (a === b) return this.isCircular(a);
    return this.sccOf(a) === this.sccOf(b);
  }

  isCircular(id: string): boolean {
    this.edges(id);
    return this.selfLoop.has(id) || (this.sccSize.get(this.sccOf(id)) ?? 1) > 1;
  }

  /** A shortest path from `id` back to itself, as names: ['A', 'B', 'A']. */
  private cycleOf(id: string): string[] {
    const previous = new Map<string, string>();
    const queue: string[] = [];
    for (const next of this.edges(id)) {
      if (!previous.has(next)) {
        previous.set(next, id);
        queue.push(next);
      }
    }
    for (let i = 0; i < queue.length && !previous.has(id); i++) {
      const current = queue[i]!;
      if (this.sccOf(current) !== this.sccOf(id)) continue;
      for (const next of this.edges(current)) {
        if (previous.has(next)) continue;
        previous.set(next, current);
        queue.push(next);
      }
    }
    const names = [this.name(id)];
    for (let at = previous.get(id); at !== undefined && at !== id && names.length < 20; at = previous.get(at))
      names.unshift(this.name(at));
    return [this.name(id), ...names];
  }

  // ---- examples -------------------------------------------------------------------------------

  /**
   * The example of named schema `id` reached through the `$ref`s in `stack` at `depth`. It depends
   * on that path only through the answers to "is this schema on it?" asked while building it (a
   * cycle back to a schema of the path stops there), so it is kept with the schemas asked about
   * and reused wherever the path answers the same. Keyed by the whole path, as it was, Microsoft
   * Graph reached its 2,600 schemas by ~465,000 paths: the memo was full after 20,000 and nearly
   * every example was built again, a third of the run.
   */
  namedExample(id: string, stack: string[] = [], depth = 0): unknown {
    const key = `${this.direction ?? ''}\0${this.depthBound}\0${depth}\0${id}`;
    const known = this.examples.get(key)?.find((variant) => sameAnswers(variant, stack));
    if (known) {
      this.noteAsked(known.asked);
      if (known.invented) this.inventions++;
      return known.example;
    }
    const entry = this.entries.get(id)!;
    const asked = new Set<string>();
    this.asked.push(asked);
    const inventionsBefore = this.inventions;
    let example: unknown;
    try {
      example = this.example(entry.value, entry.at, [...stack, id], depth);
    } finally {
      this.asked.pop();
    }
    this.noteAsked(asked);
    if (this.examplesKept < MAX_MEMO_EXAMPLES) {
      const variant = {
        asked: this.mayBeOnPath(id, asked),
        onPath: stack.filter((on) => asked.has(on)),
        example,
        invented: this.inventions > inventionsBefore,
      };
      this.examples.set(key, [...(this.examples.get(key) ?? []), variant]);
      this.examplesKept++;
    }
    return example;
  }

  /**
   * Of the schemas `id`'s example asked about, those a path reaching `id` may hold: the ones that
   * lead to `id` (every schema on a path does), so those `id` leads back to, in a cycle with it.
   * The others are always off the path, and keeping them all would hold thousands of names for
   * each of thousands of examples. With dynamic bindings, which `$ref`s alone do not show, all.
   */
  private mayBeOnPath(id: string, asked: Set<string>): Set<string> {
    if (!asked.size || this.spec.hasBindings()) return asked;
    const kept = new Set<string>();
    for (const other of asked) if (this.refCycles.together(id, other)) kept.add(other);
    return kept;
  }

  /** The schemas `id` names with a `$ref` anywhere in it (more than examples follow: never fewer). */
  private refsFrom(id: string): string[] {
    const { value, at } = this.entries.get(id) ?? this.unregistered.get(id)!;
    const targets = new Set<string>();
    eachRef(value, at, (node, from) => {
      let resolved: Resolved;
      try {
        resolved = this.resolveRef(node, from);
      } catch {
        return; // not a reference an example follows (examples would stop the run on it): no edge
      }
      const target = this.idAt(resolved);
      if (!this.entries.has(target)) this.unregistered.set(target, { value: resolved.value, at: resolved });
      targets.add(target);
    });
    return [...targets];
  }

  /** The examples being built asked about these schemas (directly, or through one reused). */
  private noteAsked(ids: Iterable<string>): void {
    const current = this.asked[this.asked.length - 1];
    if (current) for (const id of ids) current.add(id);
  }

  /** Whether `id` is on the path of `$ref`s being followed: recorded, since the example depends on it. */
  private onPath(stack: readonly string[], id: string): boolean {
    this.asked[this.asked.length - 1]?.add(id);
    return stack.includes(id);
  }

  /**
   * Which way the example travels while one is built: a request's leaves out read-only
   * properties (the server sets them, as `id`), a response's write-only ones (a `password`).
   */
  private direction: 'request' | 'response' | undefined;

  /**
   * The example a client sends (`request`) or receives (`response`) for this schema, and whether
   * docgen made up any value in it.
   */
  exampleFor(schema: unknown, at: SpecPointer, direction: 'request' | 'response'): BuiltExample {
    this.direction = direction;
    try {
      return this.sameInline(direction, schema, at, () => this.withinLineBudget(() => this.example(schema, at)));
    } finally {
      this.direction = undefined;
    }
  }

  /** How deep a generated example goes before it keeps only what its schemas require. */
  private depthBound = MAX_EXAMPLE_DEPTH;

  /** The example `build` makes, at the deepest depth bound whose example fits MAX_EXAMPLE_LINES. */
  private withinLineBudget(build: () => unknown): BuiltExample {
    try {
      for (let bound = MAX_EXAMPLE_DEPTH; ; bound--) {
        this.depthBound = bound;
        const inventionsBefore = this.inventions;
        const value = build();
        if (bound <= 1 || exampleLines(value) <= MAX_EXAMPLE_LINES)
          return { value, invented: this.inventions > inventionsBefore };
      }
    } finally {
      this.depthBound = MAX_EXAMPLE_DEPTH;
    }
  }

  /**
   * Whether a schema (or the one its `$ref` names) carries its own `example` or `examples`: then
   * the example shown is the spec's, not one docgen made up.
   */
  hasOwnExample(schema: unknown, at: SpecPointer): boolean {
    if (exampleBesideRef(schema) !== undefined) return true;
    const s = (isRef(schema) ? this.resolveRef(schema, at).value : schema) as Json | undefined;
    if (!s || typeof s !== 'object') return false;
    return (s.example !== undefined && s.example !== null) || (Array.isArray(s.examples) && s.examples.length > 0);
  }

  /**
   * Whether docgen made up an example (`exampleGenerated`), or assembled it from the values the
   * spec gives in the schema's parts (`exampleAssembled`: examples, defaults, enums); neither when
   * the schema gives the whole example itself. An example of no value at all (`{}`) holds nothing
   * the spec gave.
   */
  exampleOrigin(
    built: BuiltExample,
    schema: unknown,
    at: SpecPointer,
  ): { exampleGenerated: boolean; exampleAssembled: boolean } {
    const partsBuilt = built.value !== undefined && !this.hasOwnExample(schema, at);
    const fromSpec = !built.invented && hasValue(built.value);
    return { exampleGenerated: partsBuilt && !fromSpec, exampleAssembled: partsBuilt && fromSpec };
  }

  /** Whether a schema (or the one its `$ref` names) gives its value: `example`, `examples`, `const`, `default` or `enum`. */
  private hasFixedValue(schema: unknown, at: SpecPointer): boolean {
    if (exampleBesideRef(schema) !== undefined) return true;
    const s = (isRef(schema) ? this.resolveRef(schema, at).value : schema) as Json | undefined;
    if (!s || typeof s !== 'object') return false;
    return ['example', 'examples', 'const', 'default', 'enum'].some((k) => s[k] !== undefined && s[k] !== null);
  }

  /**
   * Whether an object example is `{}` only because this direction's example leaves out each of its
   * properties (CDC ReportStream's `meta`, all read-only, in a request): an optional one is left
   * out, not sent as `{}`. Not a free-form object's, nor one the spec gives.
   */
  private emptiedByDirection(example: unknown, schema: unknown, at: SpecPointer): boolean {
    if (!this.direction || !isObject(example) || Object.keys(example).length) return false;
    return !this.hasFixedValue(schema, at) && hasProperties(this.derefSchema(schema, at).s);
  }

  /** Whether a property is left out of this direction's example. */
  private leftOut(value: unknown, at: SpecPointer): boolean {
    if (!this.direction) return false;
    return this.marked(value, at, this.direction === 'request' ? 'readOnly' : 'writeOnly');
  }

  /**
   * Whether a property is read-only (write-only): said on it, on the schema its `$ref` names, or
   * in one of its allOf members (OpenAPI 3.0 allows nothing beside a `$ref`, so specs write
   * `allOf: [{ $ref: Id }, { readOnly: true }]`, or wrap a read-only schema to describe it).
   */
  private marked(value: unknown, at: SpecPointer, keyword: 'readOnly' | 'writeOnly'): boolean {
    if (!isObject(value)) return false;
    if (value[keyword] === true) return true;
    if (isRef(value)) return (this.resolveRef(value, at).value as Json | undefined)?.[keyword] === true;
    if (!Array.isArray(value.allOf)) return false;
    return value.allOf.some((member, index) => this.marked(member, child(at, 'allOf', index), keyword));
  }

  /**
   * An example value built from the schema: its own examples first, else plausible values by type.
   * `needed` says what must have a value: an item of a list that `minItems` says is not empty, a
   * required property (see reenters).
   */
  example(schema: unknown, at: SpecPointer, stack: string[] = [], depth = 0, needed?: Needed): unknown {
    const generic = this.bound(schema, at);
    if (generic) return this.example(generic.value, generic.at, stack, depth, needed);
    if (isRef(schema)) {
      const beside = exampleBesideRef(schema);
      if (beside !== undefined) return beside;
      const resolved = this.resolveRef(schema, at);
      const id = this.register(resolved, resolved.value as Json);
      if (this.onPath(stack, id) && !reenters(needed, stack, id, resolved.value as Json)) return CIRCULAR;
      return this.namedExample(id, stack, depth);
    }
    const s = (schema ?? {}) as Json;
    if (s.example !== undefined && s.example !== null) {
      this.checkJsonExample(s.example, s, child(at, 'example'));
      return exampleAsData(s.example, s);
    }
    if (Array.isArray(s.examples) && s.examples.length) {
      this.checkJsonExample(s.examples[0], s, child(at, 'examples', 0));
      return exampleAsData(s.examples[0], s);
    }
    if (s.const !== undefined) return s.const;
    if (defaultOfType(s)) return s.default;
    if (Array.isArray(s.enum) && s.enum.length) return s.enum.find((v) => v !== null) ?? s.enum[0];
    const wrapped = wrappedRef(s);
    if (wrapped) return this.example(wrapped.ref, child(at, 'allOf', wrapped.index), stack, depth, needed);
    // Past the depth bound an example keeps only what its schema requires, so it stays valid: a
    // plain value, an object's required properties (Kubernetes' deep `metadata.ownerReferences[0]`
    // needs `apiVersion`, `kind`, `name` and `uid`, not `{}`), an empty list; past twice the
    // bound, plain values only. An object reached before the bound keeps its plain values.
    const pastBound = depth > this.depthBound;
    if (pastBound && isScalarSchema(s)) return this.madeUp(typeList(s)[0], exampleFormat(s), s);
    if (depth > this.depthBound * 2) return undefined;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const list = s[keyword];
      if (Array.isArray(list) && list.length) {
        const index = list.findIndex((item) => !isNullType(item));
        const picked = this.example(list[Math.max(0, index)], child(at, keyword, Math.max(0, index)), stack, depth);
        if (picked === CIRCULAR) return undefined;
        const variant = list[Math.max(0, index)];
        const tagged = isRef(variant) ? this.tagged(s, at, this.refId(variant.$ref, at), picked) : picked;
        const only =
          keyword === 'oneOf' && tagged === picked ? this.matchingOnly(list, Math.max(0, index), picked, at) : tagged;
        if (!hasOwnShape(s)) return only;
      }
    }
    const types = typeList(s);
    if (types.includes('array') || (!types.length && (s.items !== undefined || Array.isArray(s.prefixItems)))) {
      if (Array.isArray(s.prefixItems)) {
        // A tuple: a value for each position, up to the first that has none.
        const tuple: unknown[] = [];
        for (const [i, item] of s.prefixItems.entries()) {
          const value = this.example(item, child(at, 'prefixItems', i), stack, depth + 1);
          if (value === undefined || value === CIRCULAR) break;
          tuple.push(value);
        }
        return tuple;
      }
      const someItems = Number(s.minItems) > 0;
      const count = itemCount(s);
      if ((pastBound && !someItems) || count === 0) return [];
      const item = this.example(s.items, child(at, 'items'), stack, depth + 1, someItems ? 'item' : undefined);
      if (item === undefined || item === CIRCULAR) return [];
      // An item past the bound with nothing required in it says nothing: the list is shown empty.
      const emptyItem = item !== null && typeof item === 'object' && !Object.keys(item).length;
      if (depth + 1 > this.depthBound && emptyItem && !someItems) return [];
      return listExample(s, item, (n) => {
        const items = this.derefSchema(s.items, child(at, 'items'));
        return this.distinctItems(item, items.s, items.at, n);
      });
    }
    if (
      types.includes('object') ||
      s.properties ||
      Array.isArray(s.allOf) ||
      (!types.length && s.additionalProperties)
    ) {
      const out: Record<string, unknown> = {};
      const seen = new AskedSet(stack, (id) => this.asked[this.asked.length - 1]?.add(id));
      const { properties, required } = this.collectProperties(s, at, seen);
      for (const { name, value, at: propertyAt } of examplePropertiesOf(properties, required)) {
        if (this.leftOut(value, propertyAt) || (pastBound && !required.has(name))) continue;
        const v = this.example(value, propertyAt, stack, depth + 1, required.has(name) ? 'property' : undefined);
        if (v === undefined || v === CIRCULAR) continue;
        // An optional structure made up past the bound is left out (it would be `{}`, or only its
        // required part); one the spec gives (`example`, `default`) is kept.
        const madeUp = v !== null && typeof v === 'object' && !this.hasFixedValue(value, propertyAt);
        if (depth + 1 > this.depthBound && madeUp && !required.has(name)) continue;
        if (!required.has(name) && this.emptiedByDirection(v, value, propertyAt)) continue;
        out[name] = v;
      }
      // Past the bound, a map keeps a key only where it must have one (`minProperties`), as an
      // object keeps its required properties (Kinesis Analytics' PropertyMap was `{}`).
      const keyRequired = Number(s.minProperties) > 0;
      const map = !properties.length && s.additionalProperties && typeof s.additionalProperties === 'object';
      if (map && (!pastBound || keyRequired)) {
        const valuesAt = child(at, 'additionalProperties');
        const v = this.example(s.additionalProperties, valuesAt, stack, depth + 1);
        // A map's key is optional: a structure made up for its value past the bound is left out too.
        const madeUp = v !== null && typeof v === 'object' && !this.hasFixedValue(s.additionalProperties, valuesAt);
        if (v !== undefined && v !== CIRCULAR && !(depth + 1 > this.depthBound && madeUp && !keyRequired)) out.key = v;
      }
      if (!properties.length && !types.includes('object') && Array.isArray(s.allOf))
        return this.scalarMemberExample(s.allOf, at, stack, depth) ?? out;
      // A variant whose parent (an allOf member) has the discriminator names itself in it.
      const self = stack[stack.length - 1];
      if (self && this.entries.get(self)?.value === s && Array.isArray(s.allOf))
        for (const [index, member] of s.allOf.entries())
          if (isRef(member)) {
            const parent = this.spec.resolve(member.$ref, child(at, 'allOf', index));
            const value = parent.value as Json | undefined;
            if (value?.discriminator) return this.tagged(value, parent, self, out);
          }
      if (self && this.entries.get(self)?.value === s && this.namesItself(s, at)) return this.tagged(s, at, self, out);
      return out;
    }
    return this.madeUp(types[0], exampleFormat(s), s);
  }

  /** A value docgen makes up for a schema of this type, counted (see inventions). A `null` is the only one its type allows. */
  private madeUp(type: string | undefined, format: string | undefined, s: Json): unknown {
    const value = primitiveExample(type, format, s);
    if (value !== undefined && value !== null) this.inventions++;
    return value;
  }

  /**
   * `count` different values of schema `s`, the first `first`, each still valid: a scalar's as
   * distinctValues makes them; an object's with the first property that can be so varied varied
   * (not its discriminator, which picks the schema), a few levels down at most. Undefined when
   * none can be.
   */
  private distinctItems(first: unknown, s: Json, at: SpecPointer, count: number, depth = 0): unknown[] | undefined {
    if (!isObject(first)) {
      const values = distinctValues(first, s, count);
      // Other enum values are the spec's; other numbers and strings are made up.
      if (values && !Array.isArray(s.enum)) this.inventions++;
      return values;
    }
    if (depth >= MAX_VARIED_DEPTH) return undefined;
    const discriminator =
      typeof s.discriminator === 'string' ? s.discriminator : (s.discriminator as Json)?.propertyName;
    for (const property of this.collectProperties(s, at, new Set()).properties) {
      if (!(property.name in first) || property.name === discriminator) continue;
      const p = this.derefSchema(property.value, property.at);
      const values = this.distinctItems(first[property.name], p.s, p.at, count, depth + 1);
      if (values) return values.map((value) => ({ ...first, [property.name]: value }));
    }
    return undefined;
  }

  /**
   * Whether a discriminator's owner, used itself (Swagger 2.0's `Pet`, which its `Cat` and `Dog`
   * extend with `allOf`), names itself in its example: Swagger 2.0 allows the value to be "the name
   * of this schema", and OpenAPI 3's implicit mapping reads a schema's name. A made-up `"string"`
   * selects no schema. Not where its `oneOf`/`anyOf` variants name themselves, nor over a value
   * the spec fixes (`enum`, `example`, `default`).
   */
  private namesItself(owner: Json, at: SpecPointer): boolean {
    const discriminator = owner.discriminator as Json | string | undefined;
    const property = typeof discriminator === 'string' ? discriminator : discriminator?.propertyName;
    if (typeof property !== 'string' || owner.oneOf !== undefined || owner.anyOf !== undefined) return false;
    const properties = owner.properties as Json | undefined;
    return !this.hasFixedValue(properties?.[property], child(at, 'properties', property));
  }

  /**
   * `value` with the discriminator property of `owner` set to the name that selects schema
   * `variant`: its key in the mapping, else the schema's name (as OpenAPI says), so a Cat's
   * example says `"pet_type": "Cat"`, not `"string"`. A property whose schema makes no string
   * (Zalando's paged `content`, an array) is left as made: a name there breaks its type.
   */
  private tagged(owner: Json, ownerAt: SpecPointer, variant: string, value: unknown): unknown {
    const discriminator = owner.discriminator as Json | string | undefined;
    const property = typeof discriminator === 'string' ? discriminator : discriminator?.propertyName;
    if (typeof property !== 'string' || !value || typeof value !== 'object' || Array.isArray(value)) return value;
    const made = (value as Json)[property];
    if (made !== undefined && typeof made !== 'string') return value;
    const key = typeof discriminator === 'object' ? this.mappingKeys(discriminator, ownerAt).get(variant) : undefined;
    return { ...(value as Json), [property]: key ?? this.discriminatorValue(variant) };
  }

  /**
   * The value that selects schema `variant` where no mapping names it: Azure's
   * `x-ms-discriminator-value` on the variant (AutoRest's specs, which have no mapping, say so the
   * value the API sends, `Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria`), else
   * the schema's name.
   */
  private discriminatorValue(variant: string): string {
    const own = (this.entries.get(variant)?.value as Json | undefined)?.['x-ms-discriminator-value'];
    return typeof own === 'string' ? own : this.name(variant);
  }

  /** Each mapping key of a discriminator, by the schema id it names (the first key naming it). */
  private mappingKeys(discriminator: Json, ownerAt: SpecPointer): Map<string, string> {
    // Built once per discriminator: Microsoft Graph's `entity` maps some 2,000 subtypes, and every
    // example of one of them is tagged, which resolving the whole mapping each time made quadratic.
    let keys = this.mappingKeysOf.get(discriminator);
    if (keys) return keys;
    keys = new Map();
    for (const [key, ref] of Object.entries((discriminator.mapping as Json | undefined) ?? {})) {
      const id = typeof ref === 'string' ? this.mappingTarget(ref, ownerAt) : undefined;
      if (id !== undefined && !keys.has(id)) keys.set(id, key);
    }
    this.mappingKeysOf.set(discriminator, keys);
    return keys;
  }

  private readonly mappingKeysOf = new WeakMap<Json, Map<string, string>>();

  // ---- a oneOf's example matching one branch only ----------------------------------------------

  /**
   * A oneOf's example (`value`, made from branch `index`) changed so that no other branch accepts
   * it, as a validator requires (Zoom's and Azure's branches share their optional properties, so
   * the first branch's example matched them all): a `const` or `enum` value the other branch does
   * not take, a property only this branch has where the other forbids other properties, or an
   * optional property the other branch requires left out; a number that is not an integer beside
   * an integer branch. A branch that accepts anything this
   * one does (`{ type: object }`) is left as it is. A discriminator, when there is one, already
   * tells the branches apart (see tagged).
   */
  private matchingOnly(list: unknown[], index: number, value: unknown, at: SpecPointer): unknown {
    if (value === undefined || value === CIRCULAR) return value;
    const mine = this.derefSchema(list[index], child(at, 'oneOf', index));
    let out = value;
    for (const [i, other] of list.entries()) {
      const otherAt = child(at, 'oneOf', i);
      if (i === index || !this.accepts(other, otherAt, out)) continue;
      out = this.apart(mine, { schema: other, at: otherAt }, out) ?? out;
    }
    return out;
  }

  /** `value` changed, still valid for `mine`, so that `other` rejects it; undefined when no change found does. */
  private apart(
    mine: { s: Json; at: SpecPointer },
    other: { schema: unknown; at: SpecPointer },
    value: unknown,
  ): unknown {
    const works = (candidate: unknown) =>
      !this.accepts(other.schema, other.at, candidate) && this.accepts(mine.s, mine.at, candidate);
    // A number beside an integer: 0 is both.
    if (Number.isInteger(value) && works((value as number) + 0.5)) {
      this.inventions++;
      return (value as number) + 0.5;
    }
    if (!isObject(value)) return undefined;
    const { properties, required } = this.collectProperties(mine.s, mine.at, new Set());
    for (const property of properties) {
      const p = this.derefSchema(property.value, property.at).s;
      const fixed = p.const !== undefined ? [p.const] : Array.isArray(p.enum) ? p.enum : [];
      for (const v of fixed) if (works({ ...value, [property.name]: v })) return { ...value, [property.name]: v };
    }
    for (const property of properties) {
      if (property.name in value) continue;
      const v = this.example(property.value, property.at, [], this.depthBound);
      if (v !== undefined && v !== CIRCULAR && works({ ...value, [property.name]: v }))
        return { ...value, [property.name]: v };
    }
    for (const name of Object.keys(value)) {
      if (required.has(name)) continue;
      const { [name]: _dropped, ...rest } = value;
      if (works(rest)) return rest;
    }
    return undefined;
  }

  /** A schema with its `$ref` (or generic binding) followed. */
  private derefSchema(schema: unknown, at: SpecPointer): { s: Json; at: SpecPointer } {
    const generic = this.bound(schema, at);
    if (generic) return { s: generic.value, at: generic.at };
    if (!isRef(schema)) return { s: (schema ?? {}) as Json, at };
    const resolved = this.resolveRef(schema, at);
    return { s: (resolved.value ?? {}) as Json, at: resolved };
  }

  /**
   * Whether a schema accepts `value`, as far as the keywords that tell branches apart say: `type`,
   * `const`, `enum`, `required`, `properties` and `additionalProperties: false`, through `allOf`,
   * `oneOf` and `anyOf` (as any of). Other keywords are taken to accept; past a few levels, so is
   * everything (a cycle ends there).
   */
  private accepts(schema: unknown, at: SpecPointer, value: unknown, depth = 0): boolean {
    if (depth > 4) return true;
    const { s, at: sAt } = this.derefSchema(schema, at);
    if (typeof s !== 'object') return s !== false;
    if (s.const !== undefined && !sameJson(s.const, value)) return false;
    if (Array.isArray(s.enum) && !s.enum.some((v) => sameJson(v, value))) return false;
    const types = typeList(s);
    if (types.length && !types.some((t) => isOfType(value, t)) && !(value === null && s.nullable === true))
      return false;
    if (Array.isArray(s.allOf) && !s.allOf.every((m, i) => this.accepts(m, child(sAt, 'allOf', i), value, depth + 1)))
      return false;
    for (const keyword of ['oneOf', 'anyOf'] as const) {
      const list = s[keyword];
      if (
        Array.isArray(list) &&
        list.length &&
        !list.some((m, i) => this.accepts(m, child(sAt, keyword, i), value, depth + 1))
      )
        return false;
    }
    if (!isObject(value)) return true;
    if (Array.isArray(s.required) && s.required.some((name) => !(String(name) in value))) return false;
    const properties = (s.properties && typeof s.properties === 'object' ? s.properties : {}) as Json;
    for (const [name, v] of Object.entries(value)) {
      if (name in properties) {
        if (!this.accepts(properties[name], child(sAt, 'properties', name), v, depth + 1)) return false;
      } else if (s.additionalProperties === false && !s.patternProperties && !Array.isArray(s.allOf)) return false;
    }
    return true;
  }

  /**
   * An `allOf` with no properties is usually a `$ref` wrapped to add a description
   * (`{ description: Pet ID, allOf: [$ref: Id] }`, with `Id` an integer): its example is the
   * member's value, not an empty object.
   */
  private scalarMemberExample(members: unknown[], at: SpecPointer, stack: string[], depth: number): unknown {
    for (let index = 0; index < members.length; index += 1) {
      const value = this.example(members[index], child(at, 'allOf', index), stack, depth);
      if (
        value !== undefined &&
        value !== CIRCULAR &&
        (typeof value !== 'object' || value === null || Array.isArray(value))
      )
        return value;
    }
    return undefined;
  }

  // ---- XML -------------------------------------------------------------------------------------

  /**
   * `value` (an example as data) as the XML body the schema describes: elements named by the
   * property, or by the `xml` object's `name`; `attribute: true` (3.2: `nodeType: attribute`)
   * properties as attributes, `nodeType: text` as the element's text; a `wrapped` array inside an
   * element of its own; `prefix` and `namespace` on the element. The root is named by the schema's
   * `xml.name`, else its component name; a root array's items by their own `xml.name`, else their
   * component name (`items: { $ref: Pet }` is `<Pet>` once per item), inside a wrapper only when
   * the array is `wrapped`. With no name to give the root (an inline schema), a wrapped root
   * array's element or a root array's items, the body has no example: `unnamed` says which.
   */
  xmlExample(value: unknown, schema: unknown, at: SpecPointer): XmlExample {
    const { s, at: sAt, xml } = this.xmlSchema(schema, at);
    const componentName = this.componentName(schema, at);
    if (Array.isArray(value) && isArraySchema(s)) return this.xmlRootArray(value, schema, at, componentName);
    const rootName = typeof xml.name === 'string' ? xml.name : componentName;
    if (rootName !== undefined) return { xml: this.xmlLines(value, schema, at, rootName, 0).join('\n') };
    // An unnamed object of one object property is that property's element (aws2openapi's S3 bodies:
    // `{ CompleteMultipartUpload: {…} }`), since an XML document has one root.
    const entries = value && typeof value === 'object' && !Array.isArray(value) ? Object.entries(value as Json) : [];
    const [name, only] = entries.length === 1 ? entries[0]! : [];
    if (name === undefined || !only || typeof only !== 'object' || Array.isArray(only)) return { unnamed: 'root' };
    const property = this.collectProperties(s, sAt, new Set()).properties.find((p) => p.name === name);
    return { xml: this.xmlLines(only, property?.value, property?.at ?? sAt, name, 0).join('\n') };
  }

  /**
   * A body that is an array: OpenAPI's XML object names a wrapped array's element by its
   * `xml.name` (else, at the root, its component name) and its items by theirs, and writes an
   * unwrapped array as its items alone. The root's items fall back to their component name, which
   * a property's items do not (they are named as the property).
   */
  private xmlRootArray(
    value: unknown[],
    schema: unknown,
    at: SpecPointer,
    componentName: string | undefined,
  ): XmlExample {
    const { s, at: sAt, xml } = this.xmlSchema(schema, at);
    const itemsAt = child(sAt, 'items');
    const itemName = this.componentName(s.items, itemsAt);
    if (isWrapped(xml)) {
      const wrapper = typeof xml.name === 'string' ? xml.name : componentName;
      if (wrapper === undefined) return { unnamed: 'wrapper' };
      return { xml: this.xmlLines(value, schema, at, wrapper, 0, itemName).join('\n') };
    }
    const items = this.xmlSchema(s.items, itemsAt).xml;
    const name = [items.name, xml.name, itemName, componentName].find((n): n is string => typeof n === 'string');
    if (name === undefined) return { unnamed: 'items' };
    return { xml: value.flatMap((item) => this.xmlLines(item, s.items, itemsAt, name, 1)).join('\n') };
  }

  /** The component a schema names (`$ref`, or a `$ref` wrapped in `allOf` to annotate it). */
  private componentName(schema: unknown, at: SpecPointer): string | undefined {
    if (isRef(schema)) return this.name(this.refId(schema.$ref, at));
    const wrapped = schema && typeof schema === 'object' ? wrappedRef(schema as Json) : undefined;
    return wrapped && isRef(wrapped.ref)
      ? this.name(this.refId(wrapped.ref.$ref, child(at, 'allOf', wrapped.index)))
      : undefined;
  }

  /** A schema with its `$ref` followed, and its `xml` object (a `$ref`'s siblings win, as 3.1 allows). */
  private xmlSchema(schema: unknown, at: SpecPointer): { s: Json; at: SpecPointer; xml: Json } {
    const wrapped = schema && typeof schema === 'object' && !isRef(schema) ? wrappedRef(schema as Json) : undefined;
    if (wrapped) {
      // `allOf: [$ref, { xml: … }]`: the referenced schema, with the xml written beside it.
      const target = this.xmlSchema(wrapped.ref, child(at, 'allOf', wrapped.index));
      const beside = ((schema as Json).allOf as unknown[]).map((m) => (m as Json | undefined)?.xml ?? {});
      return { ...target, xml: Object.assign({}, target.xml, ...(beside as Json[]), (schema as Json).xml ?? {}) };
    }
    if (isRef(schema)) {
      const resolved = this.resolveRef(schema, at);
      const target = (resolved.value ?? {}) as Json;
      const xml = { ...((target.xml ?? {}) as Json), ...(((schema as Json).xml ?? {}) as Json) };
      return { s: target, at: resolved, xml };
    }
    const s = (schema && typeof schema === 'object' ? schema : {}) as Json;
    return { s, at, xml: (s.xml && typeof s.xml === 'object' ? s.xml : {}) as Json };
  }

  /** `itemName`: what a wrapped array's items are called when `items` has no `xml.name` (else the wrapper's name). */
  private xmlLines(
    value: unknown,
    schema: unknown,
    at: SpecPointer,
    name: string,
    depth: number,
    itemName?: string,
  ): string[] {
    const { s, at: sAt, xml } = this.xmlSchema(schema, at);
    if (depth > MAX_EXAMPLE_DEPTH * 2) return [];
    const element = qualifiedName(typeof xml.name === 'string' ? xml.name : name, xml.prefix);
    const namespace =
      typeof xml.namespace === 'string'
        ? ` xmlns${typeof xml.prefix === 'string' ? `:${xml.prefix}` : ''}="${escapeXml(xml.namespace)}"`
        : '';
    if (Array.isArray(value)) {
      // Items are named by their own xml.name, else as the array: a wrapped one's items as its
      // element (`<aliens><aliens>…`, OpenAPI's XML object), an unwrapped one's by the array's
      // xml.name (which aws2openapi's flattened lists use to name their members), else the property.
      const items = this.xmlSchema(s.items, child(sAt, 'items'));
      const wrapped = isWrapped(xml);
      const ownName = typeof xml.name === 'string' ? xml.name : name;
      const member = typeof items.xml.name === 'string' ? items.xml.name : wrapped ? (itemName ?? ownName) : ownName;
      const lines = value.flatMap((item) => this.xmlLines(item, s.items, child(sAt, 'items'), member, depth + 1));
      if (!wrapped) return lines;
      return lines.length
        ? [`<${element}${namespace}>`, ...lines.map(indent), `</${element}>`]
        : [`<${element}${namespace}/>`];
    }
    if (value && typeof value === 'object') {
      const { properties } = this.collectProperties(s, sAt, new Set());
      const attributes: string[] = [];
      const children: string[] = [];
      let text = '';
      for (const [key, v] of Object.entries(value as Json)) {
        const property = properties.find((p) => p.name === key);
        const propertyXml = property ? this.xmlSchema(property.value, property.at).xml : {};
        const nodeType = propertyXml.attribute === true ? 'attribute' : propertyXml.nodeType;
        if (nodeType === 'attribute' && (v === null || typeof v !== 'object')) {
          const attribute = qualifiedName(
            typeof propertyXml.name === 'string' ? propertyXml.name : key,
            propertyXml.prefix,
          );
          attributes.push(` ${attribute}="${escapeXml(String(v))}"`);
        } else if (nodeType === 'text' && (v === null || typeof v !== 'object')) {
          text += escapeXml(String(v));
        } else {
          children.push(...this.xmlLines(v, property?.value, property?.at ?? sAt, key, depth + 1));
        }
      }
      const open = `${element}${namespace}${attributes.join('')}`;
      if (children.length) return [`<${open}>${text}`, ...children.map(indent), `</${element}>`];
      return [text ? `<${open}>${text}</${element}>` : `<${open}/>`];
    }
    if (value === null || value === undefined) return [`<${element}${namespace}/>`];
    return [`<${element}${namespace}>${escapeXml(String(value))}</${element}>`];
  }
}

const CIRCULAR = Symbol('circular');

/** What asks an example for a value it must have: an item of a non-empty list, a required property. */
type Needed = 'item' | 'property';

/**
 * Whether a schema on the path of `$ref`s is built once more where a value is needed, not cut
 * there: as an item of a list `minItems` keeps from being empty, or as a required property that
 * is such a list (Amazon Connect's evaluation form section has `Items`, a list of sections or
 * questions, `minItems: 1`), whose `[]` the API refuses. The cycle is then cut inside it, at an
 * optional property (the item's Section) or, on its third pass, as before. The memo of examples
 * does not tell a second pass from a first (sameAnswers asks only whether a schema is on the path):
 * a list reused from one may be `[]` as before.
 */
function reenters(needed: Needed | undefined, stack: readonly string[], id: string, target: Json | undefined): boolean {
  if (!needed || stack.indexOf(id) !== stack.lastIndexOf(id)) return false;
  return needed === 'item' || (typeList(target ?? {}).includes('array') && Number(target?.minItems) > 0);
}

/** A named schema's example, and what building it asked of the path that reached the schema. */
interface ExampleVariant {
  /** The schemas it asked whether the path holds. */
  asked: Set<string>;
  /** Those the path held. */
  onPath: string[];
  example: unknown;
  /** Whether docgen made up a value in it (see inventions). */
  invented: boolean;
}

/** An example as built from a schema, and whether docgen made up any value in it. */
export interface BuiltExample {
  value: unknown;
  invented: boolean;
}

/**
 * The one variant of a union property that has a shape, when the others are only `null` or a
 * single value: Stripe's `address: anyOf: [{ title: optional_fields_address, properties: … },
 * { enum: [""] }]`, whose fields the table listed nowhere. An inline one only: a `$ref`'d one is
 * documented where the type links.
 */
function structuredVariant(property: Json, at: SpecPointer): { s: Json; at: SpecPointer } | undefined {
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const list = property[keyword];
    if (!Array.isArray(list)) continue;
    const shaped = list
      .map((item, index) => ({ item, index }))
      .filter(({ item }) => !isNullType(item) && !(isObject(item) && !isRef(item) && onlyValue(item) !== undefined));
    if (shaped.length !== 1) return undefined;
    const { item, index } = shaped[0]!;
    if (!isObject(item) || isRef(item) || wrappedRef(item)) return undefined;
    return { s: item, at: child(at, keyword, index) };
  }
  return undefined;
}

/**
 * The inline object variants of a union, whose fields are listed as its rows, each with its place
 * among the union's variants other than `null` (the type column's order): DocSpring's
 * `source_pdfs` items, `oneOf: [{ properties: { type, id } }, { properties: { type, url } }]`.
 * None where one variant is the shape beside `null` or single values (structuredVariant).
 */
function inlineObjectVariants(s: Json, at: SpecPointer): Array<{ s: Json; at: SpecPointer; number: number }> {
  const out: Array<{ s: Json; at: SpecPointer; number: number }> = [];
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const list = s[keyword];
    if (!Array.isArray(list) || structuredVariant(s, at)) continue;
    const variants = list.map((item, index) => ({ item, index })).filter(({ item }) => !isNullType(item));
    variants.forEach(({ item, index }, place) => {
      if (isInlineShape(item)) out.push({ s: item, at: child(at, keyword, index), number: place + 1 });
    });
  }
  return out;
}

/** Whether a schema has rows of its own to list: its properties, or those of its union's inline object variants. */
function hasFieldRows(s: Json): boolean {
  return hasProperties(s) || ['anyOf', 'oneOf'].some((k) => Array.isArray(s[k]) && s[k].some(isInlineShape));
}

/** Whether a union's variant is an object written in place, with properties of its own. */
function isInlineShape(item: unknown): item is Json {
  return isObject(item) && hasProperties(item) && !wrappedRef(item);
}

/**
 * The title an inline object's type is named by: not one that is only its description again
 * (Zoom's `title: The H.323/SIP device object.` beside that description), which the page shows
 * right after the type.
 */
function namingTitle(s: Json): string | undefined {
  const title = typeof s.title === 'string' ? s.title.trim() : '';
  return title && title !== descriptionOf(s)?.trim() ? title : undefined;
}

/** An inline object schema's type (`object`, `object (Poll)`), which names no schema of its own. */
function isInlineObject(type: TypeExpr): boolean {
  return type.kind === 'primitive' && /^object(?: \(.*\))?$/.test(type.name) && !type.nullable;
}

/**
 * An allOf of inline objects only, as one object (DigitalOcean's, Zoom's, Apideck's: 41 of
 * APIs.guru's specs): the table merges their fields, and "all of object & object" said nothing
 * more. Named by the whole's title, else a part's.
 */
function mergedObject(s: Json, parts: TypeExpr[], nullable: boolean): TypeExpr {
  const titled = parts.find((part) => part.kind === 'primitive' && part.name !== 'object');
  const own = namingTitle(s);
  const title = own ? `object (${own})` : undefined;
  return { kind: 'primitive', name: title ?? (titled?.kind === 'primitive' ? titled.name : 'object'), nullable };
}

/**
 * A union's variant as its type shows it: one that allows a single value reads as that value
 * (Stripe's `{ type: string, enum: [""] }`, which unsets a field: "any of string or `""`"), not as
 * its type, which made "any of string or string". A lone variant is the value's type itself, and
 * keeps its name.
 */
function asLiteral(type: TypeExpr, item: unknown): TypeExpr {
  const only = isObject(item) && !isRef(item) ? onlyValue(item) : undefined;
  if (only === undefined || type.kind !== 'primitive') return type;
  return { ...type, format: undefined, literal: JSON.stringify(only) };
}

/** The one scalar value a schema allows (`enum: [""]`, `const: false`); else undefined. */
function onlyValue(s: Json): string | number | boolean | undefined {
  const value = Array.isArray(s.enum) && s.enum.length === 1 ? s.enum[0] : s.const;
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

/** Whether an example holds a value: a scalar somewhere in it, not only empty objects and lists. */
function hasValue(example: unknown): boolean {
  if (example === undefined) return false;
  if (example === null || typeof example !== 'object') return true;
  return Object.values(example).some(hasValue);
}

/** Whether `stack` answers what the variant asked as its path did: the same schemas of those on it. */
function sameAnswers(variant: ExampleVariant, stack: readonly string[]): boolean {
  if (!variant.onPath.every((id) => stack.includes(id))) return false;
  return stack.every((id) => !variant.asked.has(id) || variant.onPath.includes(id));
}

/** The path as a set whose lookups are told to `onAsk` (an allOf member on the path is not inherited again). */
class AskedSet extends Set<string> {
  constructor(
    ids: Iterable<string>,
    private readonly onAsk: (id: string) => void,
  ) {
    super(ids);
  }

  override has(id: string): boolean {
    this.onAsk(id);
    return super.has(id);
  }
}

/** An XML body's example, or which element name the schema does not give (so there is none). */
export type XmlExample = { xml: string } | { unnamed: 'root' | 'wrapper' | 'items' };

/** A schema of one plain value: a scalar type, and nothing that makes it a structure or a choice. */
function isScalarSchema(s: Json): boolean {
  const types = typeList(s);
  return (
    types.length > 0 &&
    types.every((type) => type !== 'object' && type !== 'array') &&
    ['properties', 'items', 'prefixItems', 'allOf', 'oneOf', 'anyOf', 'additionalProperties'].every(
      (k) => s[k] === undefined,
    )
  );
}

/**
 * A schema's format as its type shows it: not one that only repeats the type (`type: string,
 * format: string`, as 52 of APIs.guru's specs write), which read `string (string)`.
 */
function shownFormat(s: Json, typeName: string): string | undefined {
  const format = stringFormat(s);
  return format === undefined || typeName.split(' or ').includes(format) ? undefined : format;
}

function stringFormat(s: Json): string | undefined {
  return typeof s.format === 'string' ? s.format : undefined;
}

/**
 * The standard format whose made-up values a spec's own name for it takes: Google's discovery
 * specs (212 of APIs.guru's) write `google-datetime` for an RFC 3339 timestamp, others `dateTime`,
 * and their examples read "string" where a timestamp goes.
 */
const FORMAT_ALIASES: Record<string, string> = {
  'google-datetime': 'date-time',
  dateTime: 'date-time',
  datetime: 'date-time',
  'iso-datetime': 'date-time',
  guid: 'uuid',
  URL: 'url',
  'uri-reference': 'uri',
  iri: 'uri',
  'iri-reference': 'uri',
};

/** A schema's format as a made-up example reads it (see FORMAT_ALIASES). */
function exampleFormat(s: Json): string | undefined {
  const format = stringFormat(s);
  return format === undefined ? undefined : (FORMAT_ALIASES[format] ?? format);
}

/** `wrapped: true`, or OpenAPI 3.2's `nodeType: element` on an array (its replacement). */
function isWrapped(xml: Json): boolean {
  return xml.wrapped === true || xml.nodeType === 'element';
}

function isArraySchema(s: Json): boolean {
  return s.type === 'array' || (Array.isArray(s.type) && s.type.includes('array')) || s.items !== undefined;
}

/** `prefix:name` when the xml object gives a prefix. */
function qualifiedName(name: string, prefix: unknown): string {
  return typeof prefix === 'string' && prefix ? `${prefix}:${name}` : name;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function indent(line: string): string {
  return `  ${line}`;
}
/** Schema names in dictionary order, case ignored (one collator: `localeCompare` with options builds one per call). */
const BY_NAME = new Intl.Collator('en', { sensitivity: 'base' });
/** Examples of named schemas kept for reuse (a bound: big specs reach schemas by many paths). */
const MAX_MEMO_EXAMPLES = 20_000;

function primitiveExample(type: string | undefined, format: string | undefined, s: Json): unknown {
  switch (type) {
    case 'integer':
      return numberInRange(s, true);
    case 'number':
      return numberInRange(s, false);
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'string':
      return withPattern(formattedString(format, s), s);
    default:
      return undefined;
  }
}

/** A made-up string of the schema's `format`, else `"string"` as long as the schema allows. */
function formattedString(format: string | undefined, s: Json): string {
  switch (format) {
    case 'date-time':
      return '2024-01-01T12:00:00Z';
    case 'date':
      return '2024-01-01';
    case 'time':
      return '12:00:00';
    case 'email':
      return 'user@example.com';
    case 'uuid':
      return '3fa85f64-5717-4562-b3fc-2c963f66afa6';
    case 'uri':
    case 'url':
      return 'https://example.com';
    case 'hostname':
      return 'example.com';
    case 'ipv4':
      return '192.0.2.1';
    case 'ipv6':
      return '2001:db8::1';
    case 'byte':
      return 'ZXhhbXBsZQ==';
    case 'binary':
      return '<binary>';
    case 'password':
      return withLength('********', s);
    case 'date-time-rfc1123':
      return 'Mon, 01 Jan 2024 12:00:00 GMT';
    // Twilio's dates (`date_created` of every resource).
    case 'date-time-rfc-2822':
      return 'Mon, 01 Jan 2024 12:00:00 +0000';
    // Base64 with the URL's alphabet and no padding (Microsoft Graph's, Key Vault's keys).
    case 'base64url':
      return 'ZXhhbXBsZQ';
    // JSON Schema's duration is ISO 8601's.
    case 'duration':
      return 'P1D';
    // Google's is seconds, `s` after them.
    case 'google-duration':
      return '3.5s';
    // A 64-bit integer written as text, as JSON numbers lose its precision (Google's specs).
    case 'int64':
    case 'uint64':
    case 'int32':
      return '0';
    case 'uri-template':
      return 'https://example.com/{id}';
    default:
      return withLength('string', s);
  }
}

/**
 * `text` when it matches the schema's `pattern` (or there is none), else a string made to match it
 * (`^[A-Z]{2}[0-9]{2}$`: `AA00`), else one that says which pattern the value matches, rather than
 * one that silently breaks it.
 */
function withPattern(text: string, s: Json): string {
  if (typeof s.pattern !== 'string' || matchesPattern(s.pattern, text)) return text;
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  return stringMatching(s.pattern, min, max) ?? `<string matching ${s.pattern}>`;
}

/**
 * A made-up string as long as the schema allows: `"string"` repeated up to `minLength` (Plaid's
 * IBAN: 15), or cut to `maxLength` (a country code: 2).
 */
function withLength(text: string, s: Json): string {
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const long = text.length < min ? text.repeat(Math.ceil(min / text.length)).slice(0, min) : text;
  return long.length > max ? long.slice(0, Math.max(max, min)) : long;
}

/**
 * The schema's `minimum` (one above it when exclusive, as OpenAPI 3.0's `exclusiveMinimum: true`
 * or 3.1's number say), else its `maximum` when that is below 0 (likewise), else 0.
 */
function numberInRange(s: Json, integer: boolean): number {
  const step = typeof s.multipleOf === 'number' && s.multipleOf > 0 ? s.multipleOf : undefined;
  return step === undefined ? boundOrZero(s, integer) : multipleInRange(s, step, integer);
}

function boundOrZero(s: Json, integer: boolean): number {
  const round = (n: number) => (integer ? Math.ceil(n) : n);
  if (typeof s.exclusiveMinimum === 'number') return round(s.exclusiveMinimum) + 1;
  if (typeof s.minimum === 'number') return round(s.minimum) + (s.exclusiveMinimum === true ? 1 : 0);
  if (typeof s.exclusiveMaximum === 'number' && s.exclusiveMaximum <= 0) return Math.floor(s.exclusiveMaximum) - 1;
  if (typeof s.maximum === 'number' && s.maximum < 0)
    return Math.floor(s.maximum) - (s.exclusiveMaximum === true ? 1 : 0);
  return 0;
}

/**
 * The multiple of `step` nearest 0 within the schema's bounds: the first above the lower bound,
 * else the first below a negative upper bound, else 0 (a multiple of everything). An integer's is
 * a whole number. With no multiple in the bounds, the bound itself, as without `multipleOf`.
 */
function multipleInRange(s: Json, step: number, integer: boolean): number {
  const lower = bound(s.minimum, s.exclusiveMinimum, Math.max);
  const upper = bound(s.maximum, s.exclusiveMaximum, Math.min);
  const fits = (n: number) =>
    (!integer || Number.isInteger(n)) &&
    (!lower || (lower.exclusive ? n > lower.value : n >= lower.value)) &&
    (!upper || (upper.exclusive ? n < upper.value : n <= upper.value));
  // Away from 0 from the bound nearest it (a step early: 0.7 / 0.1 is 6.999…), by whole steps (a
  // few: an integer of step 0.4 is the 5th), each rounded to the step's decimals so 3 × 0.1 reads
  // 0.3, not 0.30000000000000004.
  const up = !!lower && lower.value >= 0;
  const down = !up && !!upper && upper.value <= 0;
  const start = up ? Math.ceil(lower.value / step) - 1 : down ? Math.floor(upper.value / step) + 1 : 0;
  for (let k = start, tries = 0; tries < 100; k += down ? -1 : 1, tries++) {
    const n = roundTo(k * step, decimalsOf(step));
    if (fits(n)) return n;
  }
  return boundOrZero(s, integer);
}

/** A lower (upper) bound, from OpenAPI 3.0's `minimum` + `exclusiveMinimum: true` or 3.1's number. */
function bound(
  inclusive: unknown,
  exclusive: unknown,
  tighter: (a: number, b: number) => number,
): { value: number; exclusive: boolean } | undefined {
  const limit = typeof exclusive === 'number' ? exclusive : undefined;
  if (typeof inclusive !== 'number') return limit === undefined ? undefined : { value: limit, exclusive: true };
  if (limit === undefined) return { value: inclusive, exclusive: exclusive === true };
  const value = tighter(inclusive, limit);
  return { value, exclusive: value === limit };
}

function decimalsOf(n: number): number {
  const [, fraction = '', exponent = '0'] = /^-?\d*(?:\.(\d+))?(?:e([-+]\d+))?$/.exec(String(n)) ?? [];
  return Math.max(0, fraction.length - Number(exponent));
}

function roundTo(n: number, decimals: number): number {
  return Number(n.toFixed(Math.min(decimals, 100)));
}

/**
 * How many items a list's example holds: `minItems` (one when it asks none, so the item shows),
 * at most `maxItems`.
 */
function itemCount(s: Json): number {
  const min = typeof s.minItems === 'number' ? Math.ceil(s.minItems) : 0;
  const max = typeof s.maxItems === 'number' ? Math.floor(s.maxItems) : Infinity;
  return Math.max(0, Math.min(Math.max(min, 1), max));
}

/**
 * The example of list schema `list` made of `item`: as many items as itemCount says; when they
 * must be unique (`uniqueItems`), the `distinct` ones its item schema leaves room for (see
 * distinctValues), else the same item, the best there is. A body's generated lists, and the value
 * a parameter's curl example sends for want of an example, are made so.
 */
export function listExample(list: Json, item: unknown, distinct: (count: number) => unknown[] | undefined): unknown[] {
  const count = itemCount(list);
  const values = list.uniqueItems === true && count > 1 ? distinct(count) : undefined;
  return values ?? Array.from({ length: count }, () => item);
}

/**
 * `count` different values of schema `s`, the first `first`; undefined when none are found: its
 * other `enum` values, the next numbers (by `multipleOf`), different strings (see distinctStrings).
 * Not where the schema composes others (`allOf`, `oneOf`, `anyOf`), whose keywords may forbid them.
 */
export function distinctValues(first: unknown, s: Json, count: number): unknown[] | undefined {
  if (s.const !== undefined || COMPOSITIONS.some((keyword) => s[keyword] !== undefined)) return undefined;
  if (Array.isArray(s.enum)) {
    const others = s.enum.filter((value) => value !== null && !sameJson(value, first));
    return others.length >= count - 1 ? [first, ...others.slice(0, count - 1)] : undefined;
  }
  if (typeof first === 'string') return distinctStrings(first, s, count);
  if (typeof first !== 'number') return undefined;
  const step = typeof s.multipleOf === 'number' && s.multipleOf > 0 ? s.multipleOf : 1;
  const values = Array.from({ length: count }, (_, index) => roundTo(first + index * step, decimalsOf(step)));
  const upper = bound(s.maximum, s.exclusiveMaximum, Math.min);
  const fits = (value: number) => !upper || (upper.exclusive ? value < upper.value : value <= upper.value);
  return values.every(fits) ? values : undefined;
}

const COMPOSITIONS = ['allOf', 'oneOf', 'anyOf', 'not'];

/**
 * `count` different strings of schema `s`, each of its `format`, `pattern` and length: a known
 * format's next values (the next day, `user2@example.com`, the next address), one character of a
 * patterned string changed (`AA-00`, `AA-01`…), a plain string numbered (`string1`, `string2`).
 * Undefined when not as many are found (a `binary` has none to give).
 */
function distinctStrings(first: string, s: Json, count: number): string[] | undefined {
  const format = exampleFormat(s);
  const variant = format === undefined ? undefined : FORMAT_VARIANTS[format];
  if (format === 'binary') return undefined;
  const candidates: Iterable<string> = variant
    ? variantsOf(first, variant)
    : typeof s.pattern === 'string'
      ? oneCharacterChanged(first)
      : Array.from({ length: count }, (_, index) => `${first}${index + 1}`);
  const min = typeof s.minLength === 'number' ? s.minLength : 0;
  const max = typeof s.maxLength === 'number' ? s.maxLength : Infinity;
  const fits = (value: string) =>
    value.length >= min &&
    value.length <= max &&
    (typeof s.pattern !== 'string' || matchesPattern(s.pattern, value) === true);
  const values = new Set<string>();
  for (const candidate of candidates) {
    if (fits(candidate)) values.add(candidate);
    if (values.size === count) return [...values];
  }
  return undefined;
}

/** `first`, then a format's values from the second on (a few hundred at most). */
function* variantsOf(first: string, variant: (index: number) => string | undefined): Generator<string> {
  yield first;
  for (let index = 1; index < MAX_VARIANTS; index++) {
    const value = variant(index);
    if (value === undefined) return;
    yield value;
  }
}

/** `text`, then `text` with one character changed, the last first: each a digit, a letter, `-`, `_` or `.`. */
function* oneCharacterChanged(text: string): Generator<string> {
  yield text;
  for (let at = text.length - 1; at >= 0; at--)
    for (const character of VARIANT_CHARACTERS)
      if (character !== text[at]) yield text.slice(0, at) + character + text.slice(at + 1);
}

const VARIANT_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_.';
const MAX_VARIANTS = 250;
/** How deep in an object item a property is looked for to tell the items apart. */
const MAX_VARIED_DEPTH = 3;

/** The `index`th value (from 0, formattedString's) of a format whose values can be told apart. */
const FORMAT_VARIANTS: Record<string, (index: number) => string | undefined> = {
  'date-time': (index) => new Date(Date.UTC(2024, 0, 1 + index, 12)).toISOString().replace('.000', ''),
  date: (index) => new Date(Date.UTC(2024, 0, 1 + index)).toISOString().slice(0, 10),
  time: (index) => `12:${twoDigits(Math.floor(index / 60) % 60)}:${twoDigits(index % 60)}`,
  email: (index) => (index ? `user${index + 1}@example.com` : 'user@example.com'),
  // The made-up uuid with its last four digits counted up.
  uuid: (index) => `3fa85f64-5717-4562-b3fc-2c963f66${((0xafa6 + index) % 0x10000).toString(16).padStart(4, '0')}`,
  uri: (index) => (index ? `https://example.com/${index + 1}` : 'https://example.com'),
  url: (index) => (index ? `https://example.com/${index + 1}` : 'https://example.com'),
  hostname: (index) => (index ? `host${index + 1}.example.com` : 'example.com'),
  ipv4: (index) => (index < 254 ? `192.0.2.${index + 1}` : undefined),
  ipv6: (index) => `2001:db8::${(index + 1).toString(16)}`,
  byte: (index) => btoa(index ? `example${index + 1}` : 'example'),
};

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** The lines an example takes on the page, as stringifyExample writes it. */
function exampleLines(value: unknown): number {
  if (typeof value === 'string' && (value.includes('\n') || isJsonText(value))) return linesOf(value);
  return jsonLines(value, MAX_EXAMPLE_LINES + 1);
}

function linesOf(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}

/**
 * The lines of `JSON.stringify(value, null, 2)`, counted up to `limit` (past it, some number
 * over it) without writing the text: an example too long for the page is built again shallower,
 * and writing out one of 100,000 lines only to learn that cost more than building it.
 */
function jsonLines(value: unknown, limit: number): number {
  if (value === undefined || typeof value === 'symbol' || typeof value === 'function') return 0;
  if (value === null || typeof value !== 'object') return 1;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return linesOf(JSON.stringify(value, null, 2) ?? '');
  let lines = 0;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    // An array writes `null` for what an object leaves out.
    lines += Array.isArray(value) ? Math.max(1, jsonLines(item, limit - lines)) : jsonLines(item, limit - lines);
    if (lines > limit) return lines;
  }
  return lines ? lines + 2 : 1; // `{}` alone, else the brackets on lines of their own
}

/**
 * An example as JSON text. A one-line string is a JSON string (`"museum-lover@example.com"`);
 * a string that already holds a JSON object or array, or text over several lines (a body, or a
 * fragment of one, as specs often write them), is shown as written.
 */
/**
 * A body's view as it travels one way: a client sends no read-only property and receives no
 * write-only one, so there `required` does not hold (OpenAPI 3: "MUST NOT be sent", and `required`
 * applies only where it is). The row stays, marked read-only or write-only.
 */
export function viewForDirection(view: SchemaView, direction: 'request' | 'response'): SchemaView {
  const notSent = (field: SchemaField) => (direction === 'request' ? field.readOnly : field.writeOnly);
  if (!view.fields.some((field) => field.required && notSent(field))) return view;
  return { ...view, fields: view.fields.map((field) => (notSent(field) ? { ...field, required: false } : field)) };
}

export function stringifyExample(value: unknown): string | undefined {
  if (value === undefined || typeof value === 'symbol') return undefined;
  if (typeof value === 'string' && (value.includes('\n') || isJsonText(value))) return value;
  return JSON.stringify(value, null, 2);
}

/**
 * A named schema's example as its entry shows it, and the language of its block: a string of
 * several lines that is no JSON text (ACM's PEM certificate) as the text it is, which a JSON block
 * would misname; any other string as a JSON string, a line break at an end too (IoT's
 * FirehoseSeparator, `"\n"`, was an empty block).
 */
function shownNamedExample(value: unknown): Pick<NamedSchema, 'example' | 'exampleLanguage'> {
  if (typeof value !== 'string' || isJsonText(value))
    return { example: stringifyExample(value), exampleLanguage: 'json' };
  if (value.trim().includes('\n')) return { example: value, exampleLanguage: 'text' };
  return { example: JSON.stringify(value), exampleLanguage: 'json' };
}

/**
 * An object's or a list's example written as JSON text in a string (swagger-jsdoc writes
 * `example: '{"a":1}'` from a JSDoc comment): the data the text holds, so that it is shown
 * pretty-printed and sits in a parent's example as data, not as a quoted string. Anything else,
 * and text that is no JSON object or list, is returned as it is.
 */
export function exampleAsData(example: unknown, schema: Json | undefined): unknown {
  if (typeof example !== 'string' || !schema || !isStructuredSchema(schema) || !isJsonText(example)) return example;
  return JSON.parse(example.trim()) as unknown;
}

/** Whether a schema's value is an object or a list (and never a string). */
function isStructuredSchema(s: Json): boolean {
  const types = typeList(s);
  if (types.includes('string')) return false;
  if (types.includes('object') || types.includes('array')) return true;
  return !types.length && (hasProperties(s) || s.items !== undefined);
}

function isJsonText(text: string): boolean {
  const trimmed = text.trim();
  if (!/^[[{]/.test(trimmed)) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function withoutRef(value: Json): Json {
  const { $ref: _ignored, ...rest } = value;
  return rest;
}

/** A non-empty `description`, if a schema has one. */
function descriptionOf(schema: Json | undefined): string | undefined {
  return typeof schema?.description === 'string' && schema.description ? schema.description : undefined;
}

/**
 * The description an allOf member that only annotates gives a schema: aws2openapi describes every
 * property so, `allOf: [{ $ref: TableName }, { description: The name of the table… }]`.
 */
function annotatedDescription(schema: Json): string | undefined {
  if (!Array.isArray(schema.allOf)) return undefined;
  for (const member of schema.allOf as Json[]) {
    const description = annotatesOnly(member) ? descriptionOf(member) : undefined;
    if (description) return description;
  }
  return undefined;
}

function refersToCycle(type: TypeExpr): boolean {
  switch (type.kind) {
    case 'ref':
      return !!type.circular;
    case 'array':
      return refersToCycle(type.items) || !!type.prefix?.some(refersToCycle);
    case 'map':
      return refersToCycle(type.values);
    case 'composite':
      return type.variants.some(refersToCycle);
    default:
      return false;
  }
}

function hasProperties(schema: Json | undefined): boolean {
  return (
    !!schema &&
    typeof schema === 'object' &&
    (!!schema.properties || Array.isArray(schema.allOf) || !!schema.patternProperties) &&
    !isRef(schema)
  );
}

/**
 * `patternProperties` as rows, one per pattern, like a map's values: `*`, its key pattern beside
 * (`meta.*` string, key pattern: `^x-`).
 */
function patternProperties(
  schema: Json,
  at: SpecPointer,
): Array<{ name: string; value: unknown; at: SpecPointer; pattern: string }> {
  const patterns = schema.patternProperties;
  if (!patterns || typeof patterns !== 'object' || Array.isArray(patterns)) return [];
  return Object.entries(patterns as Json).map(([pattern, value]) => ({
    name: '*',
    value,
    at: child(at, 'patternProperties', pattern),
    pattern,
  }));
}

/**
 * `additionalProperties` given as a schema beside `properties` (or `patternProperties`): a row
 * `*` of its own, like a pattern's, for the values of every other key (`*` string, any other key).
 * An empty schema (`{}`, the same as leaving it out) asks nothing and gets no row.
 */
function otherProperties(
  schema: Json,
  at: SpecPointer,
): Array<{ name: string; value: unknown; at: SpecPointer; other: true }> {
  const value = schema.additionalProperties;
  if (!value || typeof value !== 'object' || Array.isArray(value) || !Object.keys(value).length) return [];
  return [{ name: '*', value, at: child(at, 'additionalProperties'), other: true }];
}

function isObject(value: unknown): value is Json {
  return !!value && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The properties an object's example shows: every required one, whatever their number, and
 * optional ones up to MAX_EXAMPLE_PROPERTIES in all, in the schema's order. Stripe's
 * `payment_intent` has 38 properties, its required `payment_method_types` the 28th: a cap on
 * the first 25 left it out of every error body's example.
 */
function examplePropertiesOf<T extends { name: string }>(properties: T[], required: Set<string>): T[] {
  if (properties.length <= MAX_EXAMPLE_PROPERTIES) return properties;
  let optional = Math.max(0, MAX_EXAMPLE_PROPERTIES - properties.filter((p) => required.has(p.name)).length);
  return properties.filter((p) => required.has(p.name) || optional-- > 0);
}

/**
 * Whether a schema's `default` can stand as its example: one of its type. OpenAI's `max_tokens: {
 * type: integer, default: inf }` cannot, nor a string's `default: null` where null is not allowed:
 * the API would refuse them. A type docgen does not know (`int`) takes any default.
 */
function defaultOfType(s: Json): boolean {
  if (s.default === undefined) return false;
  const types = typeList(s).filter((type) => JSON_TYPES.has(type));
  if (!types.length) return true;
  return s.default === null ? isNullable(s) : types.some((type) => isOfType(s.default, type));
}

/** Whether a JSON value is of a schema's `type` (an integer is a number too). */
function isOfType(value: unknown, type: string): boolean {
  if (type === 'integer') return Number.isInteger(value);
  if (type === 'number') return typeof value === 'number';
  return jsonType(value) === type;
}

function sameJson(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A JSON value's type as a schema names it (`const: [1, 2]` is an array, `const: null` null). */
/**
 * The type an untyped enum's values share (`enum: [true, false]` is a boolean, `[1, 2.5]` a
 * number), leaving `null` aside (it makes the type nullable); undefined when they mix types.
 */
function enumType(values: unknown[]): string | undefined {
  const types = new Set(
    values
      .filter((v) => v !== null)
      .map((v) => (typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : jsonType(v))),
  );
  if (types.size === 2 && types.has('integer') && types.has('number')) return 'number';
  return types.size === 1 ? [...types][0] : undefined;
}

function jsonType(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/** A property's own `examples` list (JSON Schema's; OpenAPI's singular `example` is the body's example). */
const MAX_EXAMPLES_IN_ROW = 3;
function examplesOf(property: Json): string[] {
  const list = property.examples;
  if (!Array.isArray(list) || !list.length) return [];
  const shown = list.slice(0, MAX_EXAMPLES_IN_ROW).map((v) => inlineCode(JSON.stringify(v)));
  if (list.length > MAX_EXAMPLES_IN_ROW) shown.push('…');
  return [`${list.length > 1 ? 'examples' : 'example'}: ${shown.join(', ')}`];
}

/** Keywords that give a schema shape; an allOf member with none of them only annotates. */
const SHAPE_KEYWORDS = [
  '$ref',
  'type',
  'properties',
  'items',
  'prefixItems',
  'additionalProperties',
  'patternProperties',
  'allOf',
  'oneOf',
  'anyOf',
  'not',
  'enum',
  'const',
  'format',
];

/** An allOf member that only annotates (`{ description, title }`): it adds no shape to the whole. */
function annotatesOnly(member: unknown): boolean {
  return !!member && typeof member === 'object' && !SHAPE_KEYWORDS.some((keyword) => keyword in member);
}

/**
 * The `$ref` an allOf wraps to annotate it (`{ description: Pet ID, allOf: [$ref: Pet] }`, maybe
 * with members that only annotate): the schema is that reference, so it links, and a cycle through
 * it is seen, instead of being expanded as an inline object.
 */
function wrappedRef(s: Json): { ref: Json; index: number } | undefined {
  if (!Array.isArray(s.allOf) || hasOwnShape(s) || s.items !== undefined) return undefined;
  const shaped = s.allOf.map((member, index) => ({ member, index })).filter(({ member }) => !annotatesOnly(member));
  return shaped.length === 1 && isRef(shaped[0]!.member)
    ? { ref: shaped[0]!.member as Json, index: shaped[0]!.index }
    : undefined;
}

/** Has its own properties/type beside a oneOf/anyOf/allOf (so it is more than a union). */
function hasOwnShape(s: Json): boolean {
  return !!s.properties;
}

export function typeList(s: Json): string[] {
  const type = s.type;
  // The common case first, without building lists: this runs for every schema, often.
  if (typeof type === 'string') {
    const known = JSON_TYPES.has(type) ? type : knownType(type);
    return known === 'null' ? [] : [known];
  }
  if (!Array.isArray(type)) return [];
  return type
    .filter((t): t is string => typeof t === 'string')
    .map(knownType)
    .filter((t) => t !== 'null');
}

/** JSON Schema's types, and Swagger 2.0's `file` (a form parameter's). */
const JSON_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null', 'file']);

/**
 * A type as JSON Schema spells it: `String` (a hand-written spec's, or a Java class name's) is
 * `string`, which every tool that reads the spec matches case by case; other words stay as written.
 */
function knownType(type: string): string {
  const lower = type.toLowerCase();
  return JSON_TYPES.has(lower) ? lower : type;
}

/** The types a schema writes that are none of JSON Schema's, as written (`String`, `int`, `date`). */
export function unknownTypes(s: Json): string[] {
  const written = Array.isArray(s.type) ? s.type : [s.type];
  return written.filter((t): t is string => typeof t === 'string' && !JSON_TYPES.has(t));
}

export function isNullable(s: unknown): boolean {
  if (!s || typeof s !== 'object') return false;
  const o = s as Json;
  if (o.nullable === true || o['x-nullable'] === true) return true;
  if (Array.isArray(o.type) && o.type.includes('null')) return true;
  // An untyped enum of one JSON type and null (`enum: [a, b, null]`) is that type, nullable.
  if (o.type === undefined && Array.isArray(o.enum) && o.enum.includes(null) && enumType(o.enum)) return true;
  for (const keyword of ['oneOf', 'anyOf']) {
    const list = o[keyword];
    if (Array.isArray(list) && list.some(isNullType)) return true;
  }
  return false;
}

function isNullType(s: unknown): boolean {
  return (
    !!s &&
    typeof s === 'object' &&
    ((s as Json).type === 'null' ||
      (Array.isArray((s as Json).type) &&
        ((s as Json).type as unknown[]).length === 1 &&
        ((s as Json).type as unknown[])[0] === 'null'))
  );
}

function withNullable(type: TypeExpr, nullable: boolean): TypeExpr {
  return nullable ? { ...type, nullable: true } : type;
}

/** Values of a `$ref`'d enum shown in a field's row; more are counted (the schema's entry lists them). */
const MAX_ENUM_IN_ROW = 10;

/** enum, format details, defaults and bounds, in short words for a table cell. */
/** What each enum value means, where Azure's `x-ms-enum` `values` say (`{ value, description }`). */
function enumDescriptions(s: Json): Map<unknown, string> | undefined {
  const values = (s['x-ms-enum'] as Json | undefined)?.values;
  if (!Array.isArray(values)) return undefined;
  const described = new Map<unknown, string>();
  for (const entry of values as Json[])
    if (entry && typeof entry.description === 'string' && entry.description.trim())
      described.set(entry.value, entry.description.trim());
  return described;
}

export function constraints(s: Json, options: { enumListedElsewhere?: boolean; omitEnum?: boolean } = {}): string[] {
  const out: string[] = [];
  const allowed = (values: unknown[], described?: Map<unknown, string>) =>
    values
      .map((v) => `${inlineCode(JSON.stringify(v))}${described?.has(v) ? ` (${described.get(v)})` : ''}`)
      .join(', ');
  if (Array.isArray(s.enum) && !options.omitEnum) {
    // A long list already on the schema's own entry is counted, not copied into every row that
    // uses it (Twilio's rows reached 7.8 KB); a short one reads better in place.
    if (options.enumListedElsewhere && s.enum.length > MAX_ENUM_IN_ROW) out.push(`one of ${s.enum.length} values`);
    else out.push(`one of: ${allowed(s.enum, enumDescriptions(s))}`);
  }
  if (s.const !== undefined) out.push(`always ${inlineCode(JSON.stringify(s.const))}`);
  if (s.default !== undefined) out.push(`default: ${inlineCode(JSON.stringify(s.default))}`);
  if (typeof s.pattern === 'string') out.push(`pattern: ${inlineCode(s.pattern)}`);
  range(out, s.minLength, s.maxLength, 'length');
  range(out, s.minItems, s.maxItems, 'items');
  // OpenAPI 3.0 (and Swagger 2.0) make `minimum`/`maximum` exclusive with `exclusiveMinimum: true`;
  // 3.1 (JSON Schema 2020-12) writes the exclusive bound itself as `exclusiveMinimum: 0`.
  const above = exclusiveBound(s.exclusiveMinimum, s.minimum);
  const below = exclusiveBound(s.exclusiveMaximum, s.maximum);
  range(out, above === undefined ? s.minimum : undefined, below === undefined ? s.maximum : undefined, 'value');
  if (above !== undefined) out.push(`value > ${above}`);
  if (below !== undefined) out.push(`value < ${below}`);
  if (typeof s.multipleOf === 'number') out.push(`multiple of ${s.multipleOf}`);
  // Only a list's items can be unique: Kubernetes' spec puts `uniqueItems: true` on every query
  // parameter, strings and booleans too, where it asks nothing.
  const mayBeList = !typeList(s).length || typeList(s).includes('array');
  if (s.uniqueItems === true && mayBeList) out.push('unique items');
  // OpenAPI 3.1: a string that carries a document (`contentMediaType: image/png`, `contentEncoding: base64`)
  const media = typeof s.contentMediaType === 'string' ? inlineCode(s.contentMediaType) : undefined;
  const encoding = typeof s.contentEncoding === 'string' ? `${s.contentEncoding}-encoded` : undefined;
  if (media || encoding) out.push(`content: ${[media, encoding].filter(Boolean).join(', ')}`);
  // An array's allowed values are on its items (`status: array of string`, each `available`…).
  const items = s.items && typeof s.items === 'object' && !Array.isArray(s.items) ? (s.items as Json) : undefined;
  if (items && !isRef(items) && Array.isArray(items.enum)) out.push(`each one of: ${allowed(items.enum)}`);
  out.push(...variantConstraints(s, options));
  return out;
}

/**
 * The constraints of an `anyOf`/`oneOf`'s inline variants, which a row would otherwise drop. One
 * variant beside `null` is the value itself (FastAPI writes an optional `price: float | None =
 * Field(gt=0)` as `anyOf: [{ type: number, exclusiveMinimum: 0 }, { type: 'null' }]`): its
 * constraints read as a plain field's. Of several, each says whose it is (`integer: value ≥ 100`).
 * A `$ref`'d variant's are on its own entry, which the type links to.
 */
function variantConstraints(s: Json, options: { enumListedElsewhere?: boolean; omitEnum?: boolean }): string[] {
  const out: string[] = [];
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    const list = s[keyword];
    if (!Array.isArray(list)) continue;
    const variants = list.filter((variant) => !isNullType(variant));
    if (variants.length === 1) {
      if (isObject(variants[0]) && !isRef(variants[0])) out.push(...constraints(variants[0], options));
      continue;
    }
    const said: Array<{ whose: string; variant: Json; own: string[] }> = [];
    for (const [i, variant] of variants.entries()) {
      if (!isObject(variant) || isRef(variant)) continue;
      // A variant of one value says it in the type (see asLiteral).
      const rest = onlyValue(variant) === undefined ? variant : { ...variant, enum: undefined, const: undefined };
      const own = constraints(rest, options);
      if (own.length) said.push({ whose: typeList(variant).join(' or ') || `variant ${i + 1}`, variant, own });
    }
    // Two arrays (OpenAI's prompt: tokens, token arrays) are told apart by their items, as the type is.
    const repeated = (whose: string) => said.filter((entry) => entry.whose === whose).length > 1;
    for (const { whose, variant, own } of said)
      out.push(`${(repeated(whose) && variantName(variant)) || whose}: ${own.join(', ')}`);
  }
  return out;
}

/**
 * A variant as the type column names it, where its type alone does not tell it from another: an
 * array by its items (`array of integer`, `array of array of integer`), a value by its format
 * (`string (country-code-2)`).
 */
function variantName(s: Json): string | undefined {
  const types = typeList(s).join(' or ');
  if (types === 'array' && isObject(s.items)) {
    const items = s.items;
    const of = isRef(items)
      ? refWords(items.$ref)
      : (variantName(items) ?? (typeList(items).join(' or ') || undefined));
    return of && `array of ${of}`;
  }
  // Two strings told apart by their format (Shutterstock's country-code-3 and country-code-2).
  return types && typeof s.format === 'string' ? `${types} (${s.format})` : undefined;
}

/**
 * What a schema asks of its value as a whole, for the list under its own table (a named schema's
 * entry, a body's): its constraints as a property's row words them (a primitive `Id`'s pattern and
 * length, an array's item count, a default), then the whole-object rules. Its enum is left out:
 * it is listed as the allowed values.
 */
function valueRules(s: Json): string[] {
  return [...constraints(s, { omitEnum: true }), ...schemaRules(s)];
}

/** An exclusive bound: 3.1's number, or 3.0's inclusive one made exclusive by `true`. */
function exclusiveBound(exclusive: unknown, inclusive: unknown): number | undefined {
  if (typeof exclusive === 'number') return exclusive;
  return exclusive === true && typeof inclusive === 'number' ? inclusive : undefined;
}

/** `length 1–5`, `items ≥ 1`, `value exactly 4`: a bound or two in words. */
function range(out: string[], min: unknown, max: unknown, what: string): void {
  if (typeof min === 'number' && min === max) out.push(`${what} exactly ${min}`);
  else if (typeof min === 'number' && typeof max === 'number') out.push(`${what} ${min}–${max}`);
  else if (typeof min === 'number') out.push(`${what} ≥ ${min}`);
  else if (typeof max === 'number') out.push(`${what} ≤ ${max}`);
}

/**
 * What a schema asks of the whole value beyond its properties' rows (JSON Schema 2020-12), in
 * the constraints' short words: `no other properties`, `properties 1–5`, `key pattern: …`,
 * `not …`, `if … then …; else …`.
 */
export function schemaRules(s: Json): string[] {
  const out: string[] = [];
  if (s.additionalProperties === false || s.unevaluatedProperties === false) out.push('no other properties');
  range(out, s.minProperties, s.maxProperties, 'properties');
  const names = s.propertyNames;
  if (names && typeof names === 'object' && !isRef(names))
    for (const rule of constraints(names as Json)) out.push(`key ${rule}`);
  if (s.not !== undefined) out.push(negated(s.not));
  if (s.if !== undefined && (s.then !== undefined || s.else !== undefined)) {
    const condition = brief(s.if) ?? 'anything';
    const then = s.then === undefined ? undefined : (brief(s.then) ?? 'anything');
    const otherwise = s.else === undefined ? undefined : (brief(s.else) ?? 'anything');
    out.push(
      then === undefined
        ? `unless ${condition}: ${otherwise}`
        : `if ${condition} then ${then}${otherwise === undefined ? '' : `; else ${otherwise}`}`,
    );
  }
  return out;
}

/** `not: {}` (never valid), `not: { type: string }` → `not string`, else `not (…)`. */
function negated(schema: unknown): string {
  const said = brief(schema);
  if (said === undefined || schema === true) return 'not allowed';
  if (schema === false) return 'anything';
  return /\s/.test(said) ? `not (${said})` : `not ${said}`;
}

/**
 * A small schema (an `if`, `then`, `not`, a `dependentSchemas` entry) in a few words:
 * `` `kind` is `"ride"` ``, `` `speed` required ``, `` `speed` value ≤ 30 ``; undefined if it asks nothing.
 */
function brief(schema: unknown): string | undefined {
  if (schema === false) return 'nothing';
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return undefined;
  const s = schema as Json;
  if (isRef(s)) return inlineCode(refWords(s.$ref));
  const parts: string[] = [];
  const types = typeList(s);
  if (types.length) parts.push(types.join(' or '));
  if (Array.isArray(s.required) && s.required.length)
    parts.push(`${s.required.map((n) => inlineCode(String(n))).join(', ')} required`);
  if (s.properties && typeof s.properties === 'object')
    for (const [name, value] of Object.entries(s.properties as Json)) {
      const v = value as Json | undefined;
      const said =
        v && typeof v === 'object' && v.const !== undefined
          ? `is ${inlineCode(JSON.stringify(v.const))}`
          : brief(value);
      parts.push(`${inlineCode(name)} ${said ?? 'present'}`);
    }
  parts.push(...constraints(s), ...schemaRules(s));
  return parts.length ? parts.join(' and ') : undefined;
}

/**
 * JSON Schema's `dependentRequired` (OpenAPI 3.1) and `dependentSchemas` of the object, for one
 * property: what must come with it, what holds when it is present.
 */
function dependents(object: Json, name: string): string[] {
  const out: string[] = [];
  const needs = (object.dependentRequired as Json | undefined)?.[name];
  if (Array.isArray(needs) && needs.length)
    out.push(`requires ${needs.map((n) => inlineCode(String(n))).join(', ')} with it`);
  const schemas = object.dependentSchemas as Json | undefined;
  if (schemas && typeof schemas === 'object' && schemas[name] !== undefined) {
    const said = brief(schemas[name]);
    if (said) out.push(`when present: ${said}`);
  }
  return out;
}

export function child(at: SpecPointer, ...segments: Array<string | number>): SpecPointer {
  // Called for every property, item and member the extraction walks: a plain loop, no arrays.
  let pointer = at.pointer;
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    pointer += `/${typeof segment === 'number' ? segment : escapePointer(segment)}`;
  }
  return at.scope ? { file: at.file, pointer, scope: at.scope } : { file: at.file, pointer };
}

/** Every `$ref` inside a schema value (not inside examples), with where it is written. */
function walkRefs(value: unknown, at: SpecPointer, visit: (node: { $ref: string }, from: SpecPointer) => void): void {
  if (!value || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => walkRefs(item, child(at, i), visit));
    return;
  }
  const o = value as Json;
  if (typeof o.$ref === 'string') visit(o as { $ref: string }, at);
  for (const [key, v] of Object.entries(o)) {
    if (
      key === '$ref' ||
      key === 'example' ||
      key === 'examples' ||
      key === 'default' ||
      key === 'enum' ||
      key === 'const'
    )
      continue;
    if (key === 'discriminator') continue; // mapping values are names, not structural edges
    if (key.startsWith('x-')) continue; // vendor extensions are tools' data
    walkRefs(v, child(at, key), visit);
  }
}

/** Every `$ref` object in `value`, under any key (walkRefs leaves out example data and extensions). */
function eachRef(value: unknown, at: SpecPointer, visit: (node: { $ref: string }, from: SpecPointer) => void): void {
  if (!value || typeof value !== 'object') return;
  if (typeof (value as Json).$ref === 'string') visit(value as { $ref: string }, at);
  for (const [key, v] of Object.entries(value)) if (key !== '$ref') eachRef(v, child(at, key), visit);
}

function anchorOf(name: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'schema'
  );
}

/** A `$ref` in words: the schema's name (`Pet`), or its path from the schema it is in (`Address.city`). */
function refWords(ref: string): string {
  const hash = ref.indexOf('#');
  const segments = (hash === -1 ? '' : ref.slice(hash + 1)).split('/').filter(Boolean).map(unescapePointer);
  return subschemaPathName(segments) ?? segments[segments.length - 1] ?? ref;
}

/** Keywords whose value is a schema, or a list of schemas, of the schema they are written in. */
const SUBSCHEMA_KEYWORDS = new Set([
  'items',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'prefixItems',
  'contains',
  'propertyNames',
  'if',
  'then',
  'else',
]);
/** Keywords whose value maps names to schemas of the schema they are written in. */
const SUBSCHEMA_MAPS = new Set(['properties', 'patternProperties', 'dependentSchemas']);
/** Keywords whose value maps names to schemas that are named definitions in their own right. */
const DEFINITION_MAPS = new Set(['schemas', 'definitions', '$defs']);

/**
 * The name of a schema written inside another named schema (a `$ref` to
 * `#/components/schemas/Address/properties/city`): its whole path from that schema,
 * `Address.city` (`Pet.tags[]` for an array's items, `Pet.allOf[0]`), so it never passes for a
 * schema of its own called `city`. Undefined for a pointer that is no such path: a named
 * definition (`$defs` nested in a schema is one too), or a schema in an operation.
 */
function subschemaPathName(segments: string[]): string | undefined {
  let owner = -1;
  for (let i = 1; i < segments.length; i++) {
    const keyword = segments[i]!;
    const isPart = SUBSCHEMA_KEYWORDS.has(keyword) || SUBSCHEMA_MAPS.has(keyword);
    if (!isPart || SUBSCHEMA_MAPS.has(segments[i - 1]!) || DEFINITION_MAPS.has(segments[i - 1]!)) continue;
    owner = i - 1;
    break;
  }
  if (owner < 0) return undefined;
  const ownerName = segments[owner]!;
  if (ownerName === 'schema' || /^\d+$/.test(ownerName) || SUBSCHEMA_KEYWORDS.has(ownerName)) return undefined;
  let name = ownerName;
  for (let i = owner + 1; i < segments.length; i++) {
    const keyword = segments[i]!;
    const next = segments[i + 1];
    if (DEFINITION_MAPS.has(keyword) && next !== undefined) {
      name = next; // a definition nested in the schema is named by its own name again
      i++;
    } else if (keyword === 'properties' && next !== undefined) {
      name += `.${next}`;
      i++;
    } else if (SUBSCHEMA_MAPS.has(keyword) && next !== undefined) {
      name += `.${keyword}[${next}]`;
      i++;
    } else if (keyword === 'items') name += '[]';
    else if (/^\d+$/.test(keyword)) name += `[${keyword}]`;
    else name += `.${keyword}`;
  }
  return name;
}

/**
 * The `example` (or 3.1 `examples`) written beside a `$ref` (`schema: { $ref: BankAccount, example:
 * {…} }`, as OpenAPI's own payment example writes a request body's): the value meant for this use of
 * the schema. OpenAPI 3.0 says a `$ref`'s siblings are ignored, but ignoring it showed an example
 * docgen made up in place of the author's; 3.1 allows it outright. Undefined when there is none.
 */
function exampleBesideRef(schema: unknown): unknown {
  if (!isRef(schema)) return undefined;
  const { example, examples } = schema as Json;
  if (example !== undefined && example !== null) return example;
  return Array.isArray(examples) && examples.length ? examples[0] : undefined;
}
