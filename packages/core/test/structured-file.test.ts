/**
 * A JSON file's positions are found by scanning its text along the pointer; the YAML parser, which
 * reads JSON too, finds the same ones slowly. Every pointer of real JSON specs, both ways.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { repoRoot, sharedDir, sharedFile } from '@docgen/test-support';
import { parseStructured } from '@docgen/core';
import { BlockYamlPositions } from '../src/yaml-positions.js';

/** Every JSON pointer of a value, each of its keys and items, depth first. */
function pointers(value: unknown, at = ''): string[] {
  if (!value || typeof value !== 'object') return [at];
  const children = Array.isArray(value)
    ? value.map((item, index) => pointers(item, `${at}/${index}`))
    : Object.entries(value).map(([key, item]) =>
        pointers(item, `${at}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`),
      );
  return [at, ...children.flat()];
}

function expectSamePositions(text: string, extra: string[] = [], most = Infinity): void {
  const json = parseStructured(text, 'spec.json', 'json');
  const yaml = parseStructured(text, 'spec.json', 'yaml');
  const all = pointers(json.value);
  // An even sample of a large file: the YAML side takes milliseconds a pointer.
  const step = Math.max(1, Math.ceil(all.length / most));
  for (const pointer of [...all.filter((_, index) => index % step === 0), ...extra])
    for (const key of [false, true])
      expect([pointer, key, json.locate(pointer, key)]).toEqual([pointer, key, yaml.locate(pointer, key)]);
}

describe('positions in a JSON file', () => {
  it('are where the YAML parser finds them: keys with escapes, nested arrays, CRLF lines, pointers past the text', () => {
    const text = [
      '{',
      '  "openapi": "3.0.3",',
      // Brackets, quotes and a closing backslash inside strings of a member skipped on the way.
      '  "info": {"d": "back\\\\", "n": "} ] { [ \\" \\\\\\" ", "deep": {"x": [1, "]"]}},',
      '  "paths": {',
      '    "/pets/{id}": { "get": { "parameters": [ { "name": "a\\"b", "in": "query" }, [1, [2, 3]], null ] } },',
      '    "/a~b": {"x-\\u00e9": true, "empty": {}, "list": []}',
      '  },\r',
      '  "tail":   -1.5e3',
      '}',
    ].join('\n');
    expectSamePositions(text, [
      '/paths/~1pets~1{id}/get/parameters/9',
      '/paths/none/deeper',
      '/tail/x',
      '/paths/~1a~0b/list/0',
    ]);
  });

  const formbricks = sharedFile('corpus/openapi/formbricks-v1.json');
  (formbricks ? it : it.skip)('agree on a real spec, pointers all through it', () => {
    expectSamePositions(readFileSync(formbricks!, 'utf8'), [], 500);
  });
});

describe('a JSON syntax error', () => {
  it('where the text ends too soon (a file cut off) is marked at its end', () => {
    let error: { location: { line?: number; column?: number }; excerpt?: string } | undefined;
    try {
      parseStructured('{"openapi": "3.0.3",\n "info":', 'spec.json');
    } catch (thrown) {
      error = thrown as typeof error;
    }
    expect(error?.location).toMatchObject({ line: 2, column: 9 });
    expect(error?.excerpt).toContain('"info":');
  });
});

describe('a YAML indentation error', () => {
  const failure = (text: string) => {
    try {
      parseStructured(text, 'spec.yaml', 'yaml');
    } catch (error) {
      return error as { location: { line: number; column: number }; message: string; hint: string };
    }
    throw new Error('expected a syntax error');
  };

  it('is marked at the misplaced key, with the indentation of the keys it belongs beside', () => {
    const error = failure(
      [
        'paths:',
        '  /a:',
        '    get:',
        '      responses:',
        '        "200":',
        '          description: ok',
        '         summary: bad',
      ].join('\n'),
    );
    expect(error.location).toMatchObject({ line: 7, column: 10 });
    expect(error.message).toBe('YAML syntax error: All mapping items must start at the same column');
    expect(error.hint).toBe(
      'line 7 is indented 9 spaces, the key above it 10: indent it 10 spaces, like line 6, if it belongs beside them',
    );
  });

  it("at a template's directive line (Authelia's spec is a Go template) says to render the template first", () => {
    const error = failure(
      [
        'openapi: 3.0.3',
        'tags:',
        '  - name: State',
        '  {{- if .PasswordReset }}',
        '  - name: Password Reset',
        '  {{- end }}',
      ].join('\n'),
    );
    expect(error.location).toMatchObject({ line: 4 });
    expect(error.hint).toBe(
      'this file is a template (its `{{ … }}` or `{% … %}` lines are no YAML): render it first, and give docgen the file it renders to',
    );
  });

  it('under a key that has a value names the deeper line, not a quote the value does not need', () => {
    // Sihamtahi/OpenAPI_Callbacks: a link's `parameters:` indented under its `operationId: …`.
    const error = failure(
      [
        'links:',
        '  unsubscribeOp:',
        '    operationId: unsubscribeOperation',
        '        parameters:',
        '          Id: $response.body#/subscriberId',
      ].join('\n'),
    );
    expect(error.location.line).toBe(3);
    expect(error.hint).toBe(
      'line 4 is indented deeper (8 spaces) than line 3, whose `operationId` already has a value: indent it 4 spaces, like line 3, if it belongs beside it',
    );
    // a value that holds ": " itself still gets the quoting hint
    expect(failure(['info:', '  title: Shop API: products', '    version: 1'].join('\n')).hint).toMatch(
      /^quote the value/,
    );
  });

  it('after a `{` or `[` left open names the line that opens it, not only the line after it', () => {
    const map = failure(
      ['sources:', '  - plugin: openapi', '    options: { spec: openapi.yaml', '  - plugin: adr'].join('\n'),
    );
    expect(map.location.line).toBe(4);
    expect(map.hint).toBe('the `{` on line 3 is not closed: end it with `}` on that line');
    const list = failure(['oncall:', '  escalation: [primary, secondary', 'slos: []'].join('\n'));
    expect(list.hint).toBe('the `[` on line 2 is not closed: end it with `]` on that line');
  });

  it('looks past nested blocks and comments to the keys of its own mapping', () => {
    const error = failure(['a:', '  b:', '    c: 1', '    # note', '  d: 2', ' e: 3'].join('\n'));
    expect(error.location.line).toBe(6);
    expect(error.hint).toBe(
      'line 6 is indented 1 space, the key above it 2: indent it 2 spaces, like line 5, if it belongs beside them',
    );
  });
});

/** Every YAML file under a folder, node_modules and dot folders left out. */
function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(entry.name) ? [path] : [];
  });
}

/** What `yaml` (its syntax tree, the reader parseStructured falls back on) reads a text as. */
const readByYaml = (text: string): unknown =>
  parseDocument(text, { uniqueKeys: true, strict: false, merge: true }).toJS({ maxAliasCount: -1 });

describe('YAML values', () => {
  it('are what `yaml` reads, for every YAML file of the repository and the corpus', () => {
    const shared = sharedDir();
    const files = [...yamlFiles(repoRoot), ...(shared ? yamlFiles(join(shared, 'corpus')) : [])];
    expect(files.length).toBeGreaterThan(50);
    let read = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const document = parseDocument(text, { uniqueKeys: true, strict: false, merge: true });
      if (document.errors.length) continue; // a fixture of a syntax error: the next test's subject
      expect([file, parseStructured(text, file, 'yaml').value]).toEqual([file, readByYaml(text)]);
      read += 1;
    }
    expect(read).toBeGreaterThan(50);
  });

  it("follow YAML 1.2's core schema, as `yaml` does, not js-yaml's YAML 1.1 extras", () => {
    const text = [
      'decimal: 017',
      'octal: 0o17',
      'hex: 0x1F',
      'binary: 0b11',
      'underscored: 1_000',
      'float: 1_000.5',
      'exponent: 1e3',
      'infinite: -.inf',
      'date: 2020-01-01',
      'yes: yes',
      'tilde: ~',
      'base: &base { a: 1, b: 2 }',
      'merged: { <<: *base, b: 3 }',
    ].join('\n');
    const { value } = parseStructured(text, 'values.yaml');
    expect(value).toEqual({
      decimal: 17,
      octal: 15,
      hex: 31,
      binary: '0b11',
      underscored: '1_000',
      float: '1_000.5',
      exponent: 1000,
      infinite: -Infinity,
      date: '2020-01-01',
      yes: 'yes',
      tilde: null,
      base: { a: 1, b: 2 },
      merged: { a: 1, b: 3 },
    });
    expect(value).toEqual(readByYaml(text));
    expect(parseStructured('', 'empty.yaml').value).toBeNull();
  });

  it('outside the core schema (a custom tag) are read by `yaml`, as before', () => {
    const text = 'Resources:\n  Bucket:\n    Name: !Ref BucketName\n    Tags: !!set { a, b }\n';
    expect(parseStructured(text, 'template.yaml').value).toEqual(readByYaml(text));
  });

  it('keep their positions, found when a diagnostic asks', () => {
    const document = parseStructured('openapi: 3.0.3\npaths:\n  /pets:\n    get: {}\n', 'spec.yaml');
    expect(document.locate('/paths/~1pets/get')).toEqual({
      file: 'spec.yaml',
      line: 4,
      column: 5,
      pointer: '#/paths/~1pets/get',
    });
    expect(document.locate('/paths/~1pets', true)).toMatchObject({ line: 3, column: 3 });
  });

  it('with a duplicate key are an error at its line, as before', () => {
    expect(() => parseStructured('a: 1\nb: 2\na: 3\n', 'dup.yaml')).toThrow(/Map keys must be unique/);
  });
});

/** Where `yaml`'s syntax tree puts a pointer's value (or key): the answers parseStructured must give. */
function locateInTree(text: string): (pointer: string, key: boolean) => { line?: number; column?: number } {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: true, strict: false, merge: true });
  const position = (node: Node) => {
    const { line, col } = lineCounter.linePos(node.range![0]);
    return { line, column: col };
  };
  return (pointer, key) => {
    const segments =
      pointer === ''
        ? []
        : pointer
            .slice(1)
            .split('/')
            .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    let node: unknown = document.contents;
    let best = node as Node;
    // The key `best` is the value of, if it is a mapping's value.
    let bestKey: Node | undefined;
    for (const [index, segment] of segments.entries()) {
      let pairKey: Node | undefined;
      if (isMap(node)) {
        const pair = node.items.find(
          (item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment,
        );
        if (!pair) break;
        if (index === segments.length - 1 && key) return position(pair.key as Node);
        node = pair.value;
        pairKey = pair.key as Node;
      } else if (isSeq(node)) node = node.items[Number(segment)];
      else break;
      if (!(node as Node | undefined)?.range) break;
      best = node as Node;
      bestKey = pairKey;
    }
    // A mapping or list under a key is placed at its key, which names it, not at its first entry.
    return bestKey && (isMap(best) || isSeq(best)) ? position(bestKey) : position(best);
  };
}

describe('a mapping or a list under a key', () => {
  const yamlText = [
    'paths:',
    '  /pets:',
    '    get:',
    '      responses:',
    '        "200":',
    '          description: ok',
    '      tags:',
    '      - pets',
    '      parameters: [{ name: a }]',
    'components:',
    '  schemas:',
    '    Pet:',
    '      discriminator:',
    '        propertyName: kind',
    '        mapping: { dog: Dog }',
    '',
  ].join('\n');
  const jsonText = JSON.stringify(parseStructured(yamlText, 'spec.yaml').value, null, 2);

  it('is placed at its key in YAML, block or flow, not at its first entry', () => {
    const document = parseStructured(yamlText, 'spec.yaml');
    expect(document.locate('/paths/~1pets/get/responses')).toMatchObject({ line: 4, column: 7 });
    expect(document.locate('/paths/~1pets/get/tags')).toMatchObject({ line: 7, column: 7 });
    expect(document.locate('/paths/~1pets/get/parameters')).toMatchObject({ line: 9, column: 7 });
    expect(document.locate('/components/schemas/Pet/discriminator/mapping')).toMatchObject({ line: 15, column: 9 });
    // its entries and its scalars keep their own places
    expect(document.locate('/paths/~1pets/get/responses/200/description')).toMatchObject({ line: 6, column: 24 });
    expect(document.locate('/paths/~1pets/get/tags/0')).toMatchObject({ line: 8, column: 9 });
    expect(document.locate('/paths/~1pets/get/parameters/0')).toMatchObject({ line: 9, column: 20 });
    // a pointer past the text: at the key of the deepest mapping there is
    expect(document.locate('/components/schemas/Missing')).toMatchObject({
      line: 11,
      column: 3,
      pointer: '#/components/schemas/Missing',
    });
  });

  it('is placed at its key in JSON', () => {
    const document = parseStructured(jsonText, 'spec.json');
    const lines = jsonText.split('\n');
    const lineOf = (text: string) => lines.findIndex((line) => line.includes(text)) + 1;
    expect(document.locate('/paths/~1pets/get/responses')).toMatchObject({
      line: lineOf('"responses": {'),
      column: lines[lineOf('"responses": {') - 1]!.indexOf('"') + 1,
    });
    expect(document.locate('/components/schemas/Pet/discriminator/mapping')).toMatchObject({
      line: lineOf('"mapping": {'),
    });
    expect(document.locate('/paths/~1pets/get/tags')).toMatchObject({ line: lineOf('"tags": [') });
    expect(document.locate('/paths/~1pets/get/responses/200/description')).toMatchObject({
      line: lineOf('"description"'),
      column: lines[lineOf('"description"') - 1]!.indexOf('"ok"') + 1,
    });
  });
});

describe('positions in a YAML file', () => {
  it("are where `yaml`'s syntax tree puts them, on every pointer of the repository's and the corpus' YAML", () => {
    const shared = sharedDir();
    const files = [...yamlFiles(repoRoot), ...(shared ? yamlFiles(join(shared, 'corpus')) : [])];
    let answeredByLines = 0;
    let asked = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (parseDocument(text, { uniqueKeys: true, strict: false, merge: true }).errors.length) continue;
      const document = parseStructured(text, file, 'yaml');
      const inTree = locateInTree(text);
      const lines = new BlockYamlPositions(text);
      const all = pointers(document.value);
      const step = Math.max(1, Math.ceil(all.length / 200));
      for (const pointer of all.filter((_, index) => index % step === 0))
        for (const key of [false, true]) {
          const { line, column } = document.locate(pointer, key);
          expect([file, pointer, key, { line, column }]).toEqual([file, pointer, key, inTree(pointer, key)]);
          asked += 1;
          if (lines.locate(pointer, key)) answeredByLines += 1;
        }
    }
    // Most are read off the lines, without the syntax tree.
    expect(answeredByLines / asked).toBeGreaterThan(0.4);
  });

  it("are read off the lines for block style, quoted and numeric keys, sequences at the key's indentation", () => {
    const text = [
      '---',
      'openapi: 3.0.3 # comment',
      'paths:',
      '  "/pets/{id}":',
      '    get:',
      '      responses:',
      '        200:',
      '          description: ok',
      "      'x-it''s': yes",
      '  /other:',
      '    parameters:',
      '    - name: a',
      '      in: query',
      '    -',
      '      name: b',
      'tags:',
      '- name: pets',
    ].join('\n');
    const lines = new BlockYamlPositions(text);
    expect(lines.locate('/paths/~1pets~1{id}/get/responses/200/description')).toEqual({ line: 8, column: 24 });
    expect(lines.locate('/paths/~1pets~1{id}/get/responses/200', true)).toEqual({ line: 7, column: 9 });
    expect(lines.locate("/paths/~1pets~1{id}/get/x-it's", true)).toEqual({ line: 9, column: 7 });
    expect(lines.locate('/paths/~1other/parameters/1/name')).toEqual({ line: 15, column: 13 });
    expect(lines.locate('/paths/~1other/parameters')).toEqual({ line: 11, column: 5 }); // its key
    expect(lines.locate('/paths/~1pets~1{id}/get/responses/200')).toEqual({ line: 7, column: 9 });
    expect(lines.locate('/tags/0/name')).toEqual({ line: 17, column: 9 });
    const inTree = locateInTree(text);
    for (const pointer of ['/paths/~1other/parameters/1/name', '/tags/0/name', '/openapi'])
      expect(lines.locate(pointer)).toEqual(inTree(pointer, false));
  });

  it('leave flow style, anchors, block scalars and keys not there to the syntax tree', () => {
    const text = 'a: { b: 1 }\nc: &anchor\n  d: 1\ne: |\n  text\nf:\n  g: 1\n';
    const lines = new BlockYamlPositions(text);
    for (const pointer of ['/a/b', '/c/d', '/e', '/f/missing']) expect(lines.locate(pointer)).toBeUndefined();
    expect(parseStructured(text, 'style.yaml').locate('/c/d')).toMatchObject(locateInTree(text)('/c/d', false));
  });
});

/** Windows editors (Notepad, Visual Studio) start a UTF-8 file with a byte order mark, U+FEFF. */
describe('a file that starts with a byte order mark', () => {
  const BOM = '\uFEFF';
  const syntaxError = (text: string, file: string) => {
    try {
      parseStructured(text, file);
    } catch (error) {
      return error as { location: { line: number; column: number }; excerpt: string };
    }
    throw new Error('expected a syntax error');
  };

  it('is read as JSON, with the positions an editor shows (the mark takes no column)', () => {
    const text = `${BOM}{"openapi": "3.0.3",\n "paths": {"/pets": {"get": {}}}}\n`;
    const document = parseStructured(text, 'spec.json');
    expect(document.value).toEqual({ openapi: '3.0.3', paths: { '/pets': { get: {} } } });
    expect(document.locate('/openapi')).toMatchObject({ line: 1, column: 13 });
    expect(document.locate('/openapi', true)).toMatchObject({ line: 1, column: 2 });
    expect(document.locate('/paths/~1pets/get')).toMatchObject({ line: 2, column: 22 });
  });

  it('is read as YAML, with the same positions as without the mark', () => {
    const text = 'openapi: 3.0.3\npaths:\n  /pets:\n    get: {}\n';
    const marked = parseStructured(BOM + text, 'spec.yaml');
    const plain = parseStructured(text, 'spec.yaml');
    expect(marked.value).toEqual(plain.value);
    for (const pointer of ['/openapi', '/paths/~1pets/get'])
      for (const key of [false, true]) expect(marked.locate(pointer, key)).toEqual(plain.locate(pointer, key));
  });

  it('keeps the line and column of a syntax error, on the first line too', () => {
    expect(syntaxError(`${BOM}{"a": 1,, "b": 2}`, 'spec.json').location).toMatchObject({ line: 1, column: 9 });
    const second = syntaxError(`${BOM}{"a": 1,\n "b" 2}`, 'spec.json');
    expect(second.location).toMatchObject({ line: 2, column: 6 });
    expect(second.excerpt).not.toContain(BOM);
    expect(syntaxError(`${BOM}a: 1\nb: [1\n`, 'spec.yaml').location.line).toBe(
      syntaxError('a: 1\nb: [1\n', 'spec.yaml').location.line,
    );
  });
});
