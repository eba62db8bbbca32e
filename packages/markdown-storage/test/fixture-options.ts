import type { ToStorageOptions } from '../src/index.js';

/** A fixture's `options.json`: resolver answers as plain maps. */
export interface FixtureOptions {
  dialect?: 'cloud' | 'datacenter';
  pages?: Record<string, string>;
  attachments?: Record<string, string>;
  anchors?: Record<string, string>;
}

export function toOptions(fixture: FixtureOptions): ToStorageOptions {
  return {
    dialect: fixture.dialect,
    resolvePageTitle: fixture.pages ? (href) => fixture.pages![href] : undefined,
    resolveAttachment: fixture.attachments ? (src) => fixture.attachments![src] : undefined,
    resolveAnchor: fixture.anchors ? (href, fragment) => fixture.anchors![`${href}#${fragment}`] : undefined,
  };
}
