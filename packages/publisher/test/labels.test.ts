import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect, labelName } from '../src/index.js';
import { humanPage, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

describe('labelName', () => {
  it('makes labels Confluence accepts', () => {
    expect(labelName(' Needs Review: API ')).toBe('needs-review-api');
    expect(labelName('v1.2')).toBe('v12');
  });
});

/**
 * Confluence keeps `/` in a label, but its remove-by-path (`DELETE /content/{id}/label/{label}`)
 * refuses one there "for security reasons" (Cloud v1 and Data Center 10.0.3 specs): such a label is
 * removed by the query form, `DELETE /content/{id}/label?name=`.
 */
describe.each([
  { dialect: 'cloud', path: '/wiki' },
  { dialect: 'datacenter', path: '' },
])('a label with a slash ($dialect)', ({ path }) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  it('is removed, as one without', async () => {
    const api = await connect(sandboxConfig(sandbox, path));
    const space = await api.getSpace('DEV');
    const pageId = await humanPage(sandbox, `Labelled ${path || 'dc'}`, space.homepageId!);
    await api.addLabels(pageId, ['team/api', 'plain']);
    await api.removeLabel(pageId, 'team/api');
    await api.removeLabel(pageId, 'plain');
    const labels = await sandbox.api<{ results: Array<{ name: string }> }>('GET', `/rest/api/content/${pageId}/label`);
    expect(labels.body.results.map((label) => label.name)).toEqual([]);
  });
});
