/**
 * `resolveLink`: relative links and images that are neither pages nor attachments, made absolute
 * against the site the text was written for (a source's `linkBase`: Stripe's spec links
 * `/docs/connect`, meaning https://stripe.com/docs/connect).
 */
import { describe, expect, it } from '@jest/globals';
import { convertMarkdown } from '../src/convert.js';
import { BlockMemo } from '../src/parts.js';
import type { ToStorageOptions } from '../src/index.js';

const onSite =
  (base: string): ToStorageOptions['resolveLink'] =>
  (href) =>
    new URL(href, base).href;

describe('links relative to a website', () => {
  it('point into the site given, links and images alike, and warn of nothing', () => {
    const result = convertMarkdown('See [Connect](/docs/connect#accounts) and ![logo](/img/logo.png).', {
      resolveLink: onSite('https://stripe.com'),
    });
    expect(result.storage).toContain('<a href="https://stripe.com/docs/connect#accounts">Connect</a>');
    expect(result.storage).toContain('<ri:url ri:value="https://stripe.com/img/logo.png" />');
    expect(result.warnings).toEqual([]);
  });

  it('never take the place of a page or an attachment of the tree', () => {
    const result = convertMarkdown('[Guide](./guide.md) and ![d](./diagram.png) and [API](/api)', {
      resolvePageTitle: (href) => (href === './guide.md' ? 'Guide' : undefined),
      resolveAttachment: (src) => (src === './diagram.png' ? 'diagram.png' : undefined),
      resolveLink: onSite('https://example.com/docs/'),
    });
    expect(result.storage).toContain('<ri:page ri:content-title="Guide" />');
    expect(result.storage).toContain('<ri:attachment ri:filename="diagram.png" />');
    expect(result.storage).toContain('<a href="https://example.com/api">API</a>');
  });

  it('without a site, stay as written, and the warning says how to give one', () => {
    const result = convertMarkdown('[Connect](/docs/connect) and [notes](notes/a.md)');
    expect(result.storage).toContain('<a href="/docs/connect">Connect</a>');
    expect(result.warnings).toEqual([
      expect.stringMatching(/link to \/docs\/connect is relative .*give docgen that site's URL \(`linkBase`/),
      // a path relative to the page is not told about websites: it is more likely a missing page
      expect.not.stringContaining('linkBase'),
    ]);
  });

  it('are not reused from the memo across pages that link into different sites', () => {
    const memo = new BlockMemo();
    const block = 'Read [the guide](/docs/guide) first.\n';
    const first = convertMarkdown(block, { resolveLink: onSite('https://one.example') }, memo);
    const second = convertMarkdown(block, { resolveLink: onSite('https://two.example') }, memo);
    expect(first.storage).toContain('https://one.example/docs/guide');
    expect(second.storage).toContain('https://two.example/docs/guide');
  });
});
