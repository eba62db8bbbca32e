/**
 * A JSON file's positions are found by scanning its text along the pointer; the YAML parser, which
 * reads JSON too, finds the same ones slowly. Every pointer of real JSON specs, both ways.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { sharedFile } from '@docgen/test-support';
import { parseStructured } from '@docgen/core';

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

  it('agree on a real spec, pointers all through it', () => {
    const file = sharedFile('corpus/openapi/formbricks-v1.json');
    if (!file) return;
    expectSamePositions(readFileSync(file, 'utf8'), [], 500);
  });
});
