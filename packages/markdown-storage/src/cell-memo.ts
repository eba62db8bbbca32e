/**
 * Table cells converted before, shared by the pages of a batch.
 *
 * Generated reference tables repeat the same cells thousands of times (`string`, `Yes`, a shared
 * field's description): of the cells in bitbucket's reference tables that the block memo does not
 * already cover, 85 % repeat one seen before. A cell's inline Markdown is converted once and reused
 * wherever it recurs and the resolvers it asked answer the same, which skips its inline parse, its
 * mdast and its handlers. Marked before the inline phase (`markKnownCells`), reused by the table
 * handler; a cell whose conversion read page-wide state or warned (`State.usedContext`) is not kept.
 */
import type { Token } from 'markdown-it';
import type { TableCell } from 'mdast';
import type { Recording, State } from './state.js';
import { RecordedVariants } from './recorded-variants.js';
import { toXml, type XNode } from './xml.js';

export interface CellEntry extends Recording {
  /** The same Markdown converts differently per dialect. */
  dialect: string;
  storage: string;
  /** Whether the cell converted to no nodes at all (it then gets no aligned paragraph). */
  empty: boolean;
}

/** The token type a known cell's inline token becomes: the inline phase passes it by. */
export const KNOWN_CELL = 'table_cell_known';

/** Characters of Markdown and storage kept (about twice that in bytes). */
const CELL_BUDGET = 4 * 1024 * 1024;

export class CellMemo {
  private readonly cells = new RecordedVariants<CellEntry>(CELL_BUDGET);

  /** Cells found here (for tests and benches). */
  get hits(): number {
    return this.cells.hits;
  }

  /**
   * Mark the cells of a table's tokens converted before: their inline token becomes a
   * `KNOWN_CELL` token carrying the entry, before the inline phase would parse it.
   */
  markKnownCells(tokens: Token[], state: State): void {
    for (let index = 1; index < tokens.length; index += 1) {
      const token = tokens[index]!;
      if (token.type !== 'inline') continue;
      const opener = tokens[index - 1]!.type;
      if (opener !== 'td_open' && opener !== 'th_open') continue;
      const entry = this.find(token.content, state);
      if (!entry) continue;
      token.type = KNOWN_CELL;
      token.meta = entry;
    }
  }

  /** A known cell's content: its storage, and what converting it added to the page's lists. */
  reuse(entry: CellEntry, state: State): XNode[] {
    // The block around it depends on the same answers (a block is reused only where they hold).
    state.recording?.resolutions.push(...entry.resolutions);
    for (const title of entry.pageLinks) state.pageLinks.add(title);
    for (const name of entry.attachments) state.attachments.add(name);
    return entry.empty ? [] : [{ type: 'raw', value: entry.storage }];
  }

  /** Convert a cell's content with `convert`, and keep it if nothing but its Markdown and resolvers shaped it. */
  convert(cell: TableCell, state: State, convert: () => XNode[]): XNode[] {
    const source = (cell.data as { source?: string } | undefined)?.source;
    if (source === undefined) return convert();
    const outer = { recording: state.recording, usedContext: state.usedContext };
    const recording: Recording = (state.recording = { resolutions: [], pageLinks: [], attachments: [] });
    state.usedContext = false;
    let nodes: XNode[];
    try {
      nodes = convert();
    } finally {
      const reusable = !state.usedContext;
      state.recording = outer.recording;
      state.usedContext = outer.usedContext || !reusable;
      if (outer.recording) {
        outer.recording.resolutions.push(...recording.resolutions);
        outer.recording.pageLinks.push(...recording.pageLinks);
        outer.recording.attachments.push(...recording.attachments);
      }
      if (reusable) this.keep(source, state, recording, nodes!);
    }
    return nodes;
  }

  /** Keep a cell's storage written without the tree (fast/index.ts): it asked no resolver and did not warn. */
  keepWritten(source: string, storage: string, state: State): void {
    const entry = {
      dialect: state.dialect,
      storage,
      empty: storage === '',
      resolutions: [],
      pageLinks: [],
      attachments: [],
    };
    this.cells.add(source, entry, storage);
  }

  private keep(source: string, state: State, recording: Recording, nodes: XNode[] | undefined): void {
    if (!nodes) return; // the conversion threw
    const storage = toXml(nodes);
    this.cells.add(source, { dialect: state.dialect, storage, empty: nodes.length === 0, ...recording }, storage);
  }

  private find(source: string, state: State): CellEntry | undefined {
    return this.cells.find(source, state.options, (candidate) => candidate.dialect === state.dialect);
  }
}
