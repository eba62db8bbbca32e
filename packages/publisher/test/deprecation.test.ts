import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { Publisher } from '../src/index.js';
import { makeTree, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

/**
 * Atlassian marks a REST endpoint it is about to remove with `Warning: 299 - "Deprecated API, will
 * be removed on …"` on every answer (seen on Cloud v1, kovetskiy/mark#493) months before it answers
 * 410 Gone. A publish that used such an endpoint says so once, as a warning, while it still works.
 */
let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await testSandbox();
});
afterAll(() => sandbox.close());

it('an endpoint Confluence marks deprecated is a warning of the publish, once, with its removal date', async () => {
  const notice = '299 - "Deprecated API, will be removed on Mon, 2 Dec 2024 00:00:00 GMT"';
  await sandbox.faults([
    { fault: 'headers', method: 'POST', path: '^/wiki/rest/api/content/\\d+/label$', headers: { Warning: notice } },
  ]);
  const result = await new Publisher(sandboxConfig(sandbox, '/wiki')).publish(makeTree(3, { prefix: 'deprecated' }));
  await sandbox.clearFaults();
  expect(result.ok).toBe(true);
  expect(result.warnings).toEqual([
    {
      code: 'DG_CONFLUENCE_DEPRECATED',
      severity: 'warning',
      message:
        'Confluence marks POST /wiki/rest/api/content/{id}/label deprecated: "Deprecated API, will be removed on Mon, 2 Dec 2024 00:00:00 GMT"',
      hint: expect.stringMatching(/^this publish worked; report it to docgen/),
    },
  ]);
});
