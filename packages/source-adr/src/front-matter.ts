/**
 * A decision's YAML front matter (MADR, log4brains, Docusaurus): where it is, its fields the page
 * shows, and the relations it names (`superseded_by: 9`, `supersedes: use-rest`, by number, file or
 * slug). Apart because it is read as data, not as lines of Markdown.
 */
import { basename } from 'node:path';
import { DocgenError, parseStructured, type Diagnostic } from '@docgen/core';
import type { AdrRelation } from './model.js';
import type { StatusLink } from './records.js';
import { CREATED_KEY, writtenDate } from './dates.js';
import { LINK_DESTINATION } from './status-words.js';

export interface FrontMatter {
  /** The decision's file, where the front matter's lines are. */
  file: string;
  value: Record<string, unknown>;
  /** 1-based line of the closing `---` (0 without front matter): the body starts after it. */
  end: number;
  line: number;
  lineOf(key: string): number;
}

export function frontMatter(file: string, lines: string[], drop: Set<number>): FrontMatter {
  const none: FrontMatter = { file, value: {}, end: 0, line: 0, lineOf: () => 1 };
  const open = afterLeadingComments(lines);
  if (lines[open]?.trim() !== '---') return none;
  const close = lines.findIndex((line, i) => i > open && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) {
    throw new DocgenError({
      code: 'DG_ADR_FRONT_MATTER',
      message: `${basename(file)} opens front matter with --- but never closes it`,
      location: { file, line: open + 1 },
      hint: 'end the front matter with a line of ---',
    });
  }
  for (let i = 0; i <= close; i++) drop.add(i);
  // Leading blank lines keep YAML line numbers equal to the file's; excerpts quote the file.
  const document = parseStructured(
    `${'\n'.repeat(open + 1)}${lines.slice(open + 1, close).join('\n')}`,
    file,
    'yaml',
    'DG_ADR_FRONT_MATTER',
    lines.join('\n'),
  );
  const value =
    document.value && typeof document.value === 'object' && !Array.isArray(document.value)
      ? (document.value as Record<string, unknown>)
      : {};
  return {
    file,
    value,
    end: close + 1,
    line: open + 1,
    lineOf: (key) => document.locate(`/${key}`, true).line ?? 1,
  };
}

/**
 * The 0-based line after the comments and blank lines a file opens with: a licence comment
 * (`<!-- SPDX-License-Identifier: CC-BY-4.0 -->`, as REUSE-licensed projects head their MADR files)
 * or a `[//]: # (…)` note may stand before the front matter, as static-site generators read it.
 */
function afterLeadingComments(lines: string[]): number {
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!.trim();
    if (!line || /^\[\/\/\]:\s*#\s*(?:\(.*\)|".*"|'.*')$/.test(line)) i++;
    else if (line.startsWith('<!--')) {
      const end = lines.findIndex((text, j) => j >= i && text.includes('-->', j === i ? 4 : 0));
      if (end < 0) return i;
      i = end + 1;
    } else return i;
  }
  return i;
}

/**
 * Front-matter keys a reader is meant to see, by the label the page gives them: MADR's people
 * (3.0 `deciders`, 4.0 `decision-makers`, `consulted`, `informed`) and a one-line `description`
 * (Backstage's ADRs). Other keys (`id`, `slug`, `tags`) are a site generator's, not the decision's.
 */
const SHOWN_FIELDS: Record<string, string> = {
  deciders: 'Deciders',
  'decision-makers': 'Decision makers',
  consulted: 'Consulted',
  informed: 'Informed',
  description: 'Description',
  // When the record was last edited (MADR templates and log4brains write one of these): dropped
  // with the front matter before, it is the author's and a reader's "is this still current?".
  updated: 'Updated',
  'last-updated': 'Updated',
  last_updated: 'Updated',
  lastupdated: 'Updated',
  'last-modified': 'Updated',
  last_modified: 'Updated',
  lastmodified: 'Updated',
};

/**
 * The front matter's fields for readers, in its order: a text, a number, a date, or a list of them
 * (`[Ana, Ben]` → `Ana, Ben`); empty ones left out. A created field (`created: 2021-03-04`) is one
 * when `showsCreated` says so: when it does not date the decision already.
 */
export function frontMatterFields(
  value: Record<string, unknown>,
  showsCreated: (key: string) => boolean,
): Array<{ label: string; value: string }> {
  return Object.entries(value).flatMap(([key, field]) => {
    const label = CREATED_KEY.test(key) ? (showsCreated(key) ? 'Created' : undefined) : SHOWN_FIELDS[key.toLowerCase()];
    // `created: 2026-06-01T09:00:00Z`, `updated: …`: a day, as the decision's date is shown.
    const day = label === 'Created' || label === 'Updated' ? (text: string) => writtenDate(text) ?? text : String;
    const items = (Array.isArray(field) ? field : [field]).flatMap((item) =>
      // `{list everyone involved in the decision}`: MADR's placeholder, left unfilled, says nothing.
      (typeof item === 'string' && item.trim() && !/^\{[^{}]*\s[^{}]*\}$/.test(item.trim())) || typeof item === 'number'
        ? [day(String(item).trim())]
        : item instanceof Date
          ? [item.toISOString().slice(0, 10)]
          : [],
    );
    return label && items.length ? [{ label, value: items.join(', ') }] : [];
  });
}

/**
 * Front-matter keys that relate decisions, as ADR tools and templates write them
 * (`supersedes: [ADR-0003]`, `superseded_by: 0007`, `superseded-by: 0007-x.md`, `supersededBy`,
 * `replaces`, `amends`, `amended-by`), by the relation each says; compared without case, `-` or `_`.
 */
const FRONT_MATTER_RELATIONS: Record<string, AdrRelation> = {
  supersedes: 'supersedes',
  replaces: 'supersedes',
  supersededby: 'supersededBy',
  replacedby: 'supersededBy',
  amends: 'amends',
  amendedby: 'amendedBy',
};

/** What a front matter writes for "none": an empty value, a dash, `none`, `n/a`. */
const NO_DECISION = /^(?:|[-–—~]|none|null|n\/?a|nothing)$/i;

/**
 * The relations a front matter states (a number, `ADR-0005`, a file name or a Markdown link, or a
 * list of them), each at its line, to be resolved as a status line's are. A value that names no
 * decision in any of those ways is a warning at its line, not a relation.
 */
export function frontMatterLinks(
  front: FrontMatter,
  fileName: string,
  report: (diagnostic: Diagnostic) => void,
): StatusLink[] {
  const links: StatusLink[] = [];
  for (const [key, value] of Object.entries(front.value)) {
    const relation =
      FRONT_MATTER_RELATIONS[
        key
          .toLowerCase()
          .replace(/[-_\s]/g, '')
          .replace('superced', 'supersed')
      ];
    if (!relation) continue;
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item, index) => {
      const line = front.lineOf(Array.isArray(value) ? `${key}/${index}` : key);
      if (item === null || item === undefined) return;
      const text = String(item).trim();
      if (NO_DECISION.test(text)) return;
      const target = frontMatterTarget(text);
      if (target !== undefined) links.push({ relation, target, line, inFrontMatter: true });
      else if (SLUG.test(text)) links.push({ relation, target: text, line, slugKey: key });
      else
        report({
          code: 'DG_ADR_LINK',
          severity: 'warning',
          message: `${fileName}'s front matter says ${key}: "${text}", which names no decision: not shown as a relation`,
          location: { file: front.file, line },
          hint: `write the decision's number (${key}: 5, or ADR-0005) or its file name (${key}: 0005-….md)`,
        });
    });
  }
  return links;
}

/** `5`, `0005`, `ADR-0005`, `#5` → 5; `0005-x.md`, `[ADR 5](0005-x.md)` → the file linked. */
function frontMatterTarget(text: string): string | number | undefined {
  const link = new RegExp(String.raw`^\[[^\]]*\]\(\s*${LINK_DESTINATION}\s*\)$`).exec(text);
  if (link) return link[1] ?? link[2];
  const number = /^(?:ADR[-\s_#]*)?#?0*(\d+)$/i.exec(text)?.[1];
  if (number !== undefined) return Number(number);
  if (/\.(?:md|markdown)(?:#.*)?$/i.test(text)) return text;
  // A decision's file name without `.md`, or its site's path (`0003-use-rest`,
  // `/docs/adr/0003-use-rest/`): resolved as a site's link is.
  return SITE_NAME.test(text) ? text : undefined;
}

/** A decision's slug, as a front matter may name it: words joined by `-`, `_` or `.`, no space (`use-rest`). */
const SLUG = /^[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)*$/u;

/** A numbered name, perhaps under folders, with no space: `0003-use-rest`, `../adr/adr-003-x/`. */
const SITE_NAME = /^(?:\.{0,2}\/|\/)?(?:[\w.-]+\/)*(?:adr[-_]?)?\d+[-_][\w.-]+\/?$/i;
