import { describe, expect, it } from '@jest/globals';
import { labelName, storageToMarkdown } from '../src/index.js';

describe('storageToMarkdown', () => {
  it('reads Confluence elements as Markdown', async () => {
    const storage = [
      '<h2>Usage</h2>',
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">js</ac:parameter><ac:plain-text-body><![CDATA[if (a]]]]><![CDATA[> b) x();]]></ac:plain-text-body></ac:structured-macro>',
      '<ac:structured-macro ac:name="note"><ac:parameter ac:name="title">Careful</ac:parameter><ac:rich-text-body><p>Rate limits apply.</p></ac:rich-text-body></ac:structured-macro>',
      '<p>See <ac:link><ri:page ri:content-title="Orders API"/><ac:plain-text-link-body><![CDATA[the orders]]></ac:plain-text-link-body></ac:link>.</p>',
      '<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body>ship</ac:task-body></ac:task></ac:task-list>',
      '<table><tbody><tr><th>a</th><th>b</th></tr><tr><td>1</td><td>2</td></tr></tbody></table>',
    ].join('');
    const markdown = await storageToMarkdown(storage);
    expect(markdown).toContain('## Usage');
    expect(markdown).toContain('```js\nif (a]]> b) x();\n```');
    expect(markdown).toContain('> **Note: Careful**');
    expect(markdown).toContain('[the orders](<Orders API>)');
    expect(markdown).toMatch(/-\s+\[x\]\s+ship/);
    expect(markdown).toMatch(/\| a \| b \|\n\| --- \| --- \|\n\| 1 \| 2 \|/);
  });
});

describe('labelName', () => {
  it('makes labels Confluence accepts', () => {
    expect(labelName(' Needs Review: API ')).toBe('needs-review-api');
    expect(labelName('v1.2')).toBe('v12');
  });
});
