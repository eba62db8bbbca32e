/**
 * The sandbox's SQLite schema. Pages and attachments share one `content` table and one id
 * sequence, like Confluence's CONTENT table; `versions` keeps every version (current included)
 * so history and diffs never depend on the live row.
 */
export const schemaSql = `
CREATE TABLE IF NOT EXISTS spaces (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  key TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  homepage_id INTEGER,
  author_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS content (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  type TEXT NOT NULL,
  space_id INTEGER NOT NULL REFERENCES spaces(id),
  parent_id INTEGER,
  status TEXT NOT NULL,
  title TEXT NOT NULL,
  title_key TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  version_message TEXT NOT NULL DEFAULT '',
  minor_edit INTEGER NOT NULL DEFAULT 0,
  version_author TEXT NOT NULL,
  version_at TEXT NOT NULL,
  author_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  position INTEGER,
  media_type TEXT,
  file_size INTEGER,
  comment TEXT,
  data BLOB
);
CREATE UNIQUE INDEX IF NOT EXISTS content_page_title ON content(space_id, title_key) WHERE type = 'page' AND status = 'current';
CREATE UNIQUE INDEX IF NOT EXISTS content_attachment_name ON content(parent_id, title_key) WHERE type = 'attachment' AND status = 'current';
CREATE INDEX IF NOT EXISTS content_parent ON content(parent_id, type, status);
CREATE INDEX IF NOT EXISTS content_space ON content(space_id, type, status);
CREATE TABLE IF NOT EXISTS versions (
  content_id INTEGER NOT NULL,
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  parent_id INTEGER,
  message TEXT NOT NULL,
  minor_edit INTEGER NOT NULL,
  author_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  media_type TEXT,
  file_size INTEGER,
  comment TEXT,
  data BLOB,
  PRIMARY KEY (content_id, number)
);
CREATE TABLE IF NOT EXISTS properties (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  content_id INTEGER NOT NULL,
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  version INTEGER NOT NULL,
  message TEXT NOT NULL DEFAULT '',
  minor_edit INTEGER NOT NULL DEFAULT 0,
  author_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (content_id, key)
);
CREATE TABLE IF NOT EXISTS inline_comments (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  page_id INTEGER NOT NULL,
  marker_ref TEXT NOT NULL UNIQUE,
  text_selection TEXT NOT NULL,
  body TEXT NOT NULL,
  resolution_status TEXT NOT NULL DEFAULT 'open',
  resolution_by TEXT,
  resolution_at TEXT,
  version INTEGER NOT NULL DEFAULT 1,
  author_id TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS inline_comments_page ON inline_comments(page_id);
CREATE TABLE IF NOT EXISTS labels (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  prefix TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (prefix, name)
);
CREATE TABLE IF NOT EXISTS content_labels (
  content_id INTEGER NOT NULL,
  label_id INTEGER NOT NULL,
  PRIMARY KEY (content_id, label_id)
);
`;

/** Confluence ids are large numbers rendered as strings; start the sequences where theirs look real. */
export const sequenceStarts: Record<string, number> = {
  spaces: 98303,
  content: 65535,
  properties: 131071,
  labels: 196607,
  inline_comments: 262143,
};
