import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { connect } from '../src/index.js';
import { humanPage, sandboxConfig, testSandbox, type TestSandbox } from './helpers.js';

/**
 * Confluence keeps titles unique per space without regard to case, but its title look-ups
 * (`GET /pages?title=`, `GET /content?title=`) match them exactly (sphinxcontrib-confluencebuilder#387,
 * CONFSERVER-40303): a create refused as "already exists" for `api overview` must still find the
 * page `API Overview` that holds the title, not conclude that the trash holds it.
 */
describe.each([
  { dialect: 'cloud', path: '/wiki' },
  { dialect: 'datacenter', path: '' },
])('a title held in another case ($dialect)', ({ path }) => {
  let sandbox: TestSandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());

  it('is found by its title in any case', async () => {
    const api = await connect(sandboxConfig(sandbox, path));
    const space = await api.getSpace('DEV');
    const id = await humanPage(sandbox, 'API Overview', space.homepageId!);
    const taken = await sandbox.api('POST', '/rest/api/content', {
      type: 'page',
      title: 'api overview',
      space: { key: 'DEV' },
      ancestors: [{ id: space.homepageId }],
      body: { storage: { value: '<p>x</p>', representation: 'storage' } },
    });
    expect(taken.status).toBe(400);
    expect((await api.findByTitle(space, 'api overview'))?.id).toBe(id);
    expect((await api.findByTitle(space, 'API Overview'))?.id).toBe(id);
  });
});
