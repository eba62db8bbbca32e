import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ConfluenceClient } from 'confluence.js';
import { startSandbox, type Sandbox } from '@docgen/confluence-sandbox';

// A real third-party client (confluence.js 2.x, Cloud v1 under /wiki/rest) against the sandbox.
describe('confluence.js 2.x against the sandbox', () => {
  let sandbox: Sandbox;
  let client: ConfluenceClient;

  beforeAll(async () => {
    sandbox = await startSandbox();
    client = new ConfluenceClient({
      host: sandbox.url,
      authentication: { basic: { email: 'dev@example.com', apiToken: 'sandbox-token' } },
    });
  });
  afterAll(() => sandbox.close());

  it('creates, reads, updates with a version, lists spaces, searches, labels and attaches', async () => {
    const spaces = await client.space.getSpaces({ spaceKey: ['DEV'] });
    expect(spaces.results.map((s) => s.key)).toEqual(['DEV']);

    const created = await client.content.createContent({
      type: 'page',
      title: 'From confluence.js',
      space: { key: 'DEV' },
      body: { storage: { value: '<p>hello from a client</p>', representation: 'storage' } },
    });
    expect(created.id).toMatch(/^\d+$/);

    const read = await client.content.getContentById({ id: created.id, expand: ['body.storage', 'version'] });
    expect(read.body?.storage?.value).toBe('<p>hello from a client</p>');
    expect(read.version?.number).toBe(1);

    const updated = await client.content.updateContent({
      id: created.id,
      type: 'page',
      title: 'From confluence.js',
      version: { number: read.version!.number + 1 },
      body: { storage: { value: '<p>updated</p>', representation: 'storage' } },
    });
    expect(updated.version?.number).toBe(2);

    await expect(
      client.content.updateContent({
        id: created.id,
        type: 'page',
        title: 'From confluence.js',
        version: { number: 2 },
        body: { storage: { value: '<p>stale</p>', representation: 'storage' } },
      }),
      // confluence.js rejects with the parsed v1 error envelope.
    ).rejects.toMatchObject({
      statusCode: 409,
      message: 'Version must be incremented on update. Current version is: 2',
    });

    const labels = await client.contentLabels.addLabelsToContent({
      id: created.id,
      body: [{ prefix: 'global', name: 'from-client' }],
    });
    expect(labels.results.map((l) => l.name)).toEqual(['from-client']);

    const found = await client.search.searchByCQL({
      cql: 'space = DEV and label = "from-client" and title ~ "confluence.js"',
    });
    expect(found.results.map((r) => r.content?.id)).toEqual([created.id]);

    const attachments = await client.contentAttachments.createAttachments({
      id: created.id,
      attachments: {
        file: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        filename: 'diagram.svg',
        contentType: 'image/svg+xml',
        minorEdit: true,
        comment: 'from the client',
      },
    });
    expect(attachments.results[0]).toMatchObject({ title: 'diagram.svg', type: 'attachment' });
    const listed = await client.contentAttachments.getAttachments({ id: created.id });
    expect(
      listed.results.map((a) => [a.title, (a as { extensions?: { comment?: string } }).extensions?.comment]),
    ).toEqual([['diagram.svg', 'from the client']]);
  });
});
