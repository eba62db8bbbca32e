import { describe, expect, it } from '@jest/globals';
import { isUnsafeUrl } from '@docgen/core/url-safety';
import * as core from '@docgen/core';

describe('isUnsafeUrl', () => {
  it('flags the schemes that run code or smuggle content, in any case', () => {
    for (const url of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      'vbscript:msgbox(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'file:~/LICENSE.txt',
      'FILE:///etc/passwd',
    ])
      expect([url, isUnsafeUrl(url)]).toEqual([url, true]);
  });

  it('reads the scheme as a browser does: whitespace and control characters inside it do not hide it', () => {
    for (const url of [
      'java\tscript:alert(1)',
      ' javascript:alert(1)',
      'java\nscript:x',
      'jav\u0000ascript:x',
      '\u0001data:x',
    ])
      expect([JSON.stringify(url), isUnsafeUrl(url)]).toEqual([JSON.stringify(url), true]);
  });

  it('lets web, mail and relative URLs through, and a scheme name that only starts like an unsafe one', () => {
    for (const url of [
      'https://example.com/license',
      'http://localhost:8080',
      'mailto:api@example.com',
      './page.md#anchor',
      '/docs/connect',
      '#section',
      'javascripts/app.js', // a relative path, no scheme
      'database:thing', // a scheme of its own, not data:
      'https://example.com/?next=javascript:alert(1)', // the scheme is https
      '',
    ])
      expect([url, isUnsafeUrl(url)]).toEqual([url, false]);
  });

  it("is core's public API too, the same function as the light subpath's", () => {
    expect(core.isUnsafeUrl).toBe(isUnsafeUrl);
  });
});
