import { describe, expect, it } from '@jest/globals';
import { labelName } from '../src/index.js';

describe('labelName', () => {
  it('makes labels Confluence accepts', () => {
    expect(labelName(' Needs Review: API ')).toBe('needs-review-api');
    expect(labelName('v1.2')).toBe('v12');
  });
});
