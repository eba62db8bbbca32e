/**
 * The status vocabulary and what a status line says: the words for each known status (English,
 * the stems of other languages, CJK statuses, EIP/PEP lifecycles), status histories, lists of
 * choices, and the relation clauses (`Superseded by [ADR 5](…)`, `Amends ADR 3`) a status line holds.
 * `classifyStatus` is public. Apart because it reads words, not files: every place a status is
 * written (front matter, a `Status:` line, a `## Status` section, a table) ends here.
 */
import { ADR_STATUSES, type AdrRecord, type AdrStatus } from './model.js';
import type { StatusLink } from './records.js';
import { DATES, isoDate } from './dates.js';

/**
 * Words people use for the known statuses (English, and the stems of a few other languages'),
 * and the lifecycle of EIPs and PEPs, which some ADR logs follow (decentraland/adr: Draft, Review,
 * Last Call, Final, Living, Stagnant, Withdrawn): a stalled or deferred proposal is still one, a
 * withdrawn one is rejected by its author.
 */
const SYNONYMS: Record<string, AdrStatus> = {
  draft: 'proposed',
  proposal: 'proposed',
  open: 'proposed',
  review: 'proposed',
  reviewing: 'proposed',
  stagnant: 'proposed',
  deferred: 'proposed',
  approved: 'accepted',
  // A decision carried out is still the accepted one: the npm adr CLI's `done`, and `Implemented`.
  done: 'accepted',
  final: 'accepted',
  living: 'accepted',
  active: 'accepted',
  declined: 'rejected',
  withdrawn: 'rejected',
  obsolete: 'deprecated',
  replaced: 'superseded',
};
/** Beginnings of status words: `accepte` (fr), `aceit` (pt), `acept` (es), `akzept` (de), `geaccept` (nl), `propos`, `propuest`, `rechaz`, `rejet`… */
const STEMS: Array<[RegExp, AdrStatus]> = [
  // …and, read without accents, Polish (`zaakceptowane`, `przyjęte`), the Scandinavian languages
  // (`akseptert`, `godkjent`, `godkänd`, `beslutad`), Turkish (`kabul`), Finnish (`hyväksytty`) and Czech (`schváleno`).
  [
    /^(accept|acept|aceit|accett|angenommen|akzept|genehmigt|geaccept|aprobad|aprovad|approvat|zaakceptowan|przyjet|zatwierdzon|aksept|godkjen|godkend|godkand|beslut|kabul|hyvaksytty|prijat|schvalen|implement|finaliz|termine$)/,
    'accepted',
  ],
  [
    /^(propos|propuest|vorgeschlagen|entwurf|voorgesteld|proponowan|zaproponowan|foresla|onerildi|ehdotettu|navrzen|in$|under$|last$)/,
    'proposed',
  ],
  // A decision cancelled (`Cancelled`, `Cancelado`, `Cancelada`) was called off, as a withdrawn one
  // is; the adr CLI's own `cancelado` is another word (ADR_CLI_SUPERSEDED).
  [
    /^(reject|rejet|rechaz|rejeit|rifiut|abgelehnt|afgewez|odrzucon|avvis|avsla|afvist|reddedildi|hylatty|zamitnut|cancell?ed$|cancelad[oa]$)/,
    'rejected',
  ],
  [/^(deprec|obsolet|desuso|descontinuad|veraltet|przestarza|utfas|foraldrad|foraeldet)/, 'deprecated'],
  [
    /^(supersed|superced|remplac|substitu|sustitu|sostitu|reemplaz|ersetzt|abgelost|vervang|zastapion|erstatt|ersatt)/,
    'superseded',
  ],
];

/**
 * `cancelado` as the adr CLI (npm `adr`) writes it in Brazilian Portuguese, lowercase after the day
 * (`2026-11-30 cancelado`, a history entry read word first): its word for superseded
 * (proposto/aceito/finalizado/descontinuado/cancelado). Written otherwise, it says cancelled.
 */
const ADR_CLI_SUPERSEDED = /^cancelado \d{4}-\d{2}-\d{2}$/;

function statusOf(word: string): AdrStatus | undefined {
  if ((ADR_STATUSES as readonly string[]).includes(word)) return word as AdrStatus;
  return SYNONYMS[word] ?? STEMS.find(([stem]) => stem.test(word))?.[1];
}

/**
 * Status words of Japanese, Chinese and Korean ADR logs, which a Latin stem cannot read
 * (`採用済み`, `提案`, `已接受`, `已废弃`, `승인`): the word the status line starts with.
 */
const CJK_STATUSES: Array<[RegExp, AdrStatus]> = [
  // `通过` (passed) and `完成` (done), as the npm adr CLI writes them in Chinese.
  [
    /^(?:採用|承認|受理|決定|已接受|接受|已采纳|采纳|已批准|批准|已?通过|已?完成|已实施|已实现|승인|채택|수락|결정)/u,
    'accepted',
  ],
  [/^(?:提案|検討中|審議中|草案|下書き|提议|建议|草稿|讨论中|제안|검토\s*중|초안)/u, 'proposed'],
  [/^(?:却下|不採用|已拒绝|拒绝|驳回|거부|기각|반려)/u, 'rejected'],
  [/^(?:廃止|非推奨|已废弃|废弃|弃用|已弃用|폐기|사용\s*중단)/u, 'deprecated'],
  [/^(?:置換|置き換え|代替済|已取代|被取代|已替代|대체)/u, 'superseded'],
  // Russian and Ukrainian (`Принято`, `Прийнято`, `Утверждено`, `Отклонено`, `Заменено`, `Изменено`…).
  [
    /^(?:принят|утвержд[её]н|одобрен|согласован|реализован|прийнят|затверджен|схвален|погоджен|реалізован)/iu,
    'accepted',
  ],
  [/^(?:предложен|черновик|на\s+рассмотрении|обсужда|запропонован|пропозиц|чернетк|на\s+розгляді)/iu, 'proposed'],
  [/^(?:отклон[её]н|отвергнут|відхилен)/iu, 'rejected'],
  [/^(?:устар|не\s+используется|застар|не\s+використову)/iu, 'deprecated'],
  // `Изменено` (changed), the adr CLI's (npm `adr`) Russian word for superseded.
  [/^(?:замен[её]н|замещ[её]н|заміщен|замінен|изменено)/iu, 'superseded'],
];

function cjkStatus(text: string): AdrStatus | undefined {
  return CJK_STATUSES.find(([word]) => word.test(text))?.[1];
}

/** The status a history entry's first word says, in Latin letters (read without accents) or another script (`2017-11-26 完成`). */
function wordStatus(part: string): AdrStatus | undefined {
  const word = /^\p{L}+/u.exec(part.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))?.[0].toLowerCase() ?? '';
  return statusOf(word) ?? cjkStatus(part);
}

/** `採用 (Accepted)`: a known status word in brackets after one in another script. */
function statusInBrackets(text: string): AdrStatus | undefined {
  const word = /\(([A-Za-z]+)\)/.exec(text)?.[1]?.toLowerCase();
  return word ? statusOf(word) : undefined;
}

/**
 * "Superseded by" as ADR logs write it ("Replaced by" too, and "Superceded by", as adr-tools spells it), in English and a few other languages (`Abgelöst durch`,
 * `Reemplazado por`, `Remplacé par`…), read without accents.
 */
const SUPERSEDED_BY =
  /^(?:(?:super[sc]eded|replaced)\s+by|(?:abgel(?:oe|o)st|ersetzt)\s+durch|(?:reemplazad|sustituid|substituid)[oa]\s+por|remplacee?\s+par|sostituit[oa]\s+da|vervangen\s+door)\b/i;

/**
 * A Markdown link's destination: `<0007 use postgres.md>` in angle brackets (how a file name with
 * spaces is linked), else a run without spaces (`0007-use-postgres.md`, `0007%20use%20postgres.md`).
 */
export const LINK_DESTINATION = String.raw`(?:<([^>\n]+)>|([^)\s<>]+))`;
/** Every link's destination in a line, its title (`"…"`) aside. */
const LINK_TARGETS = new RegExp(String.raw`\]\(\s*${LINK_DESTINATION}(?:\s+"[^"]*")?\s*\)`, 'g');

/** A status section's heading, in the languages ADRs are written in: `## Status`, `## Statut`, `## ステータス`… */
export const STATUS_HEADING =
  /^\s{0,3}##\s+(?:status|statut|estado|stato|stav|tila|durum|статус|状態|ステータス|状态|狀態|상태)\s*(?::\s*(.*?))?\s*#*\s*$/iu;

/** A status section one level down, `### Status`, in a decision whose sections are all level 3. */
export const STATUS_SUBHEADING = new RegExp(STATUS_HEADING.source.replace('##', '###'), STATUS_HEADING.flags);

/**
 * A status still written as its template offers it: every choice `|` apart (`[proposed | rejected |
 * accepted | deprecated | … | superseded by [ADR-0005](…)]`, `{proposed | rejected | …}`, as MADR's
 * templates write it), or one choice a line of a `## Status` section (`- [ ] Proposed`, `- [x]
 * Accepted`). The author may have marked the one that holds: `[x] Accepted`, `**Accepted**` among
 * plain ones, `Accepted ✅`, or every other one struck (`~~Proposed~~`). Returns the marked choice,
 * or the choices as written when none is marked; undefined when the status is no list of choices.
 */
export function statusChoices(
  lines: Array<{ text: string; line: number }>,
): { marked: { text: string; line: number } } | { unmarked: string } | undefined {
  const choices =
    lines.length === 1 ? lines[0]!.text.split(/\s*\|\s*/).map((text) => ({ text, line: lines[0]!.line })) : lines;
  const read = choices.map((choice) => ({ ...choice, ...choiceMark(choice.text) }));
  const words = read.filter((choice) => /^[[{(]?\s*\p{L}/u.test(choice.word));
  const known = words.filter((choice) => statusOf(/\p{L}+/u.exec(choice.word)![0].toLowerCase()) !== undefined);
  // `- [x] Accepted` alone is as marked as among others.
  const checkboxes = read.every((choice) => choice.checkbox) && (read.length >= 2 || read[0]!.mark === 'marked');
  // A history of statuses (`Proposed`, then `Accepted`, then `Superseded by [ADR 5](…)`) is no list
  // of choices: on lines of their own, choices are status words only.
  const bare =
    lines.length === 1 ||
    (known.length === read.length && read.every((choice) => /^\p{L}+(?:\s\p{L}+)?$/u.test(choice.word)));
  if (!checkboxes && (known.length < 3 || !bare)) return undefined;
  const marked = read.filter((choice) => choice.mark === 'marked');
  if (marked.length === 1) return { marked: { text: marked[0]!.word, line: marked[0]!.line } };
  const standing = read.filter((choice) => choice.mark !== 'struck');
  if (!marked.length && standing.length === 1 && standing.length < read.length)
    return { marked: { text: standing[0]!.word, line: standing[0]!.line } };
  const written = lines.map((part) => part.text).join(lines.length === 1 ? ' ' : '; ');
  return { unmarked: written.replace(/\s*<!--.*?-->\s*/g, ' ').trim() };
}

/** The ticks that mark a status among its choices (`Accepted ✅`, `☑ Accepted`). */
const TICK = /^[✅✔☑✓]\uFE0F?\s*|\s*[✅✔☑✓]\uFE0F?$/u;

/** One choice of a list of statuses: its word, and how the author marked it, if at all. */
function choiceMark(text: string): { word: string; mark?: 'marked' | 'struck'; checkbox?: boolean } {
  const checkbox = /^\[([ xX])\]\s*(.*)$/.exec(text.trim());
  if (checkbox) return { word: checkbox[2]!, mark: checkbox[1] === ' ' ? undefined : 'marked', checkbox: true };
  const bold = /^(\*\*|__)(.+)\1$/.exec(text.trim());
  if (bold) return { word: bold[2]!.trim(), mark: 'marked' };
  const struck = /^~~(.+)~~$/.exec(text.trim());
  if (struck) return { word: struck[1]!.trim(), mark: 'struck' };
  if (TICK.test(text.trim())) return { word: text.trim().replace(TICK, ''), mark: 'marked' };
  return { word: text.trim() };
}

/** The words a status line may hold beside its status word, its dates and its relations, that say nothing more. */
const STATUS_LINE_WORDS = new Set([
  'on',
  'since',
  'am',
  'le',
  'el',
  'and',
  'by',
  'in',
  'part',
  'partially',
  'partly',
  'see',
]);

/**
 * Whether a status line holds prose beyond its status word, dates and relation clauses, which the
 * header shows: two words more or else (`Accepted (the daily budget is amended by …: now per week)`).
 */
export function saysMoreThanStatus(text: string): boolean {
  const words = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, ' ')
    // "this ADR is superseded by …" says no more than "superseded by …".
    .replace(
      new RegExp(
        String.raw`(?:\b(?:this|the)\s+(?:decision|adr|record|proposal)|\bit)${SUBJECT_RELATION.source}`,
        'gi',
      ),
      ' ',
    )
    .replace(new RegExp(`${RELATION_START}[^.;,()]*`, 'gi'), ' ')
    .replace(DATES, ' ')
    .replace(/\bADR[-\s#_]*\d+\b/gi, ' ')
    .replace(/[\p{P}\p{S}\p{N}]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => word && !STATUS_LINE_WORDS.has(word.toLowerCase()));
  return words.length > 2;
}

/** A status phrase that two words make, where the first alone says nothing (`In review`, `Last call`). */
const TWO_WORD_STATUS =
  /^(?:in\s+(?:review|progress|discussion)|under\s+(?:review|discussion|consideration)|last\s+call)\b/i;

/** `_Accepted_`, `*Accepted* (2021-03-01)`: the word without its emphasis, as a status line reads it. */
export function withoutEmphasis(line: string): string {
  return line.replace(/^([*_])(?![*_])(.+?)\1(?=\W|$)/, '$2');
}

/** Whether a line says a known status and nothing but its date or relations: `Accepted`, `Proposed — 2021-03-01`. */
export function isStatusLine(line: string): boolean {
  const plain = withoutEmphasis(line)
    .replace(/\*\*|__|`/g, '')
    .replace(/^(?:[\p{Extended_Pictographic}\uFE0F\u200D]|\s)+/u, '');
  const phrase = TWO_WORD_STATUS.exec(plain)?.[0] ?? /^\p{L}+/u.exec(plain)?.[0];
  if (!phrase) return false;
  const word = phrase
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
  const known = TWO_WORD_STATUS.test(phrase) || (!/^(?:in|under|last)$/.test(word) && statusOf(word) !== undefined);
  return known && AFTER_STATUS_WORD.test(plain.slice(phrase.length));
}

/**
 * The statuses a "Superseded by" says the decision has left: it was proposed or accepted (or said
 * in words docgen does not know), and is replaced now. A rejected or deprecated decision stays so.
 */
export const REPLACEABLE = new Set<AdrStatus>(['proposed', 'accepted', 'unknown']);

/** Status lines → the status, how it was written, and its supersede links. */
export function classifyStatus(written: Array<{ text: string; line: number }>): {
  status: AdrStatus;
  text: string;
  links: StatusLink[];
  /** A date on the line that gives the status (`Accepted on 2024-03-01`, `Akzeptiert am 07.08.2026`). */
  date?: { text: string; line: number };
  /** The word that gives the status as written, when it is not the status's name (`Approved`, `Akzeptiert`). */
  word?: string;
  /** The status line says another decision replaces a part of this one only: it stands, amended. */
  partly?: boolean;
  /** A history's latest entry, which gives the status, as the file writes it and where. */
  latest?: { text: string; line: number };
} {
  let status: AdrStatus | undefined;
  let date: { text: string; line: number } | undefined;
  let word: string | undefined;
  let partly = false;
  const links: StatusLink[] = [];
  // `~~Accepted~~ Superseded by [ADR 1](…)`: a status struck through is no longer the decision's.
  const lines = written
    .map(({ text, line }) => ({ text: text.replace(/~~[^~]+~~\s*/g, ''), line }))
    .filter(({ text }) => text.trim());
  const texts = lines.map(({ text }) => text.replace(/\*\*|__|`/g, '').trim());
  // The first status read is the decision's: a history's latest entry is read first.
  const ordered = latestEntryFirst(lines);
  for (const { text, line, ofPart } of relationSentencesApart(ordered)) {
    const written = text.replace(/\*\*|__|`/g, '').trim();
    // `✅ Accepted`, `🤔 Proposed` (ministryofjustice/cloud-platform): the word after the emoji is the status.
    let plain = written.replace(/^(?:[\p{Extended_Pictographic}\uFE0F\u200D]|\s)+/u, '');
    const relation = SUPERSEDED_BY.test(plain.normalize('NFKD').replace(/[\u0300-\u036f]/g, ''))
      ? 'supersededBy'
      : /^super[sc]edes\b/i.test(plain)
        ? 'supersedes'
        : /^amended\s+by\b/i.test(plain)
          ? 'amendedBy'
          : /^amends\b/i.test(plain)
            ? 'amends'
            : undefined;
    if (relation) {
      const targets = [...plain.matchAll(LINK_TARGETS)].map((m) => (m[1] ?? m[2])!);
      // "Amends" lines are prose more often than not ("Amends 2 sections of …"): only a link or
      // "ADR 10" names a decision there; a bare number does in a supersede line.
      const amend = relation === 'amends' || relation === 'amendedBy';
      const numbers = targets.length
        ? []
        : [...plain.replace(DATES, ' ').matchAll(/\bADR[-\s#]*0*(\d+)\b|(?:^|\s)#?0*(\d+)\b/gi)]
            .filter((m) => !amend || m[1] !== undefined)
            .map((m) => Number(m[1] ?? m[2]));
      // "Superseded by ADR 0010 for secret management", "Supersedes ADR 0006 (partially …)": one
      // part replaced, which is what an amendment is; the decision stands.
      const unlinked = plain.replace(/\[[^\]]*\]\([^)]*\)/g, ' ');
      // "the `enabled` flag is superseded by ADR 43": a part of it, named before the relation.
      const part =
        !amend && (!!ofPart || PART_ONLY.test(unlinked) || (relation === 'supersededBy' && /\bfor\b/i.test(unlinked)));
      if (part && relation === 'supersededBy') partly = true;
      const related = part ? (relation === 'supersededBy' ? 'amendedBy' : 'amends') : relation;
      // `Accepted` then `Superseded by [ADR 12](…)` (`Accepted, superseded by 0012`): the decision
      // was accepted, and is replaced now; the log shows where it stands, as adr-tools' `-s` leaves it.
      // Replaced by something that is no decision ("by the TF-state model"), it keeps its status.
      const named = targets.length + numbers.length > 0;
      if (related === 'supersededBy' && (!status || (REPLACEABLE.has(status) && named))) {
        status = 'superseded';
        word = writtenWord(plain);
      }
      for (const target of [...targets, ...numbers]) links.push({ relation: related, target, line });
      continue;
    }
    // `[Accepted](https://…/pull/1049)`, as Adyen's logs link the status to the pull request that
    // decided it: the link's text is the status.
    const statusLink = /^\[([^\]]+)\]\([^)]*\)/.exec(plain);
    if (statusLink && statusOf(statusLink[1]!.toLowerCase().match(/^[a-z]+/)?.[0] ?? ''))
      plain = statusLink[1]! + plain.slice(statusLink[0].length);
    const first = plain
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .match(/^[a-z]+/)?.[0];
    const known = status;
    if (!status && first)
      status = ADR_CLI_SUPERSEDED.test(plain) ? 'superseded' : (statusOf(first) ?? statusInBrackets(plain));
    if (!status && !first) status = statusInBrackets(plain) ?? cjkStatus(plain); // `採用 (Accepted)`, `採用済み`
    if (!status && first && !/^(amends|amended|clarifies|clarified|see|related)$/.test(first)) status = 'unknown';
    if (status && !known) word = writtenWord(plain);
    // The day the status was reached, on its own line (not a "Superseded by" line's, another decision's
    // day) or a line under it (`(2024-05-01)`, `Decided on 2024-05-01`); but a note written as a
    // history entry under the status (`2024-05-01 Benchmarked by the board`) is of another day.
    const day = status && !date && !(known && datedNote(plain.trim())) ? plain.match(DATES)?.[0] : undefined;
    if (day) date = { text: day, line };
  }
  // "Accepted", "ACCEPTED": the status's own name, shown as the status.
  const own = word && word.toLowerCase() !== status;
  return {
    status: status ?? 'unknown',
    // An unknown status is shown by its first words: a history's latest entry's (`on hold`).
    text:
      status === 'unknown' && ordered !== lines ? ordered.map(({ text }) => text.trim()).join('; ') : texts.join('; '),
    links,
    ...(date ? { date } : {}),
    ...(own && status !== 'unknown' ? { word } : {}),
    ...(partly ? { partly } : {}),
    ...(ordered !== lines ? { latest: written.find(({ line }) => line === ordered[0]!.line)! } : {}),
  };
}

/** A status as a warning quotes it: a history by its latest entry, then whole, as the file writes them. */
export function quotedStatus(record: Pick<AdrRecord, 'statusText' | 'statusHistory'>): string {
  const history = record.statusHistory;
  return history
    ? `"${history.latest}", the latest entry of its history "${history.entries}"`
    : `"${record.statusText || 'nothing'}"`;
}

/**
 * A line of a status history as a warning quotes it: as written, a table row by its cells
 * (`2024-01-02 Proposed`); undefined for a row that is no entry (the table's header and rule).
 */
export function quotedHistoryLine(text: string): string | undefined {
  if (!/^\s*\|/.test(text)) return text.trim();
  if (!historyEntry(text)) return undefined;
  return text
    .split('|')
    .map((cell) => cell.trim())
    .filter(Boolean)
    .join(' ');
}

/**
 * A status section kept as a history, a dated status a line (`- 2025-01-02 Proposed`, `- Accepted
 * on 2025-02-10`, `| 2026-03-01 | Deprecated |`), or two or more statuses a line each: the status
 * now is the latest entry, by date where every entry gives a year-first one, else the last line.
 * That entry is moved first, as it is the one the status is read from; the other lines, relations
 * included, follow as written (the page keeps the whole history).
 */
function latestEntryFirst(lines: Array<{ text: string; line: number }>): Array<{ text: string; line: number }> {
  const read = lines.flatMap((written) => {
    const entry = historyEntry(written.text);
    return entry ? [{ written, ...entry }] : [];
  });
  const entries = read.filter((entry) => !entry.unknown || unknownEntryIsStatus(entry, read));
  // One entry is read the same way when its word is not first: `2017-11-22 proposed`, as the adr
  // CLI's `adr new` writes a status, or the one row of a `| Status | Date |` table.
  const wordLater = entries.length === 1 && /^\s*(?:\||\d)/.test(entries[0]!.written.text);
  if (entries.length < 2 && !wordLater) return lines;
  const dated = entries.every((entry) => entry.day !== undefined);
  const latest = dated
    ? entries.reduce((latest, entry) => (entry.day! >= latest.day! ? entry : latest))
    : entries[entries.length - 1]!;
  return [{ text: latest.text, line: latest.written.line }, ...lines.filter((written) => written !== latest.written)];
}

/**
 * Whether a dated entry in words docgen does not know is a status of the history (`2024-05-01 on
 * hold` after `2024-02-10 accepted`, a two-column table's `| 2024-06-01 | Paused |`) rather than a
 * note of that day under the status (`2024-05-01 Reviewed by the architecture board`, `2024-03-01
 * Team sync held`): on a line of its own, a status is a word or two, among entries that are every
 * one a dated known status.
 */
function unknownEntryIsStatus(
  entry: { unknown?: boolean; tableRow?: boolean; text: string },
  entries: Array<{ unknown?: boolean; dated?: boolean }>,
): boolean {
  if (entry.tableRow) return true;
  const words = entry.text.replace(DATES, ' ').trim().split(/\s+/);
  return words.length <= 2 && entries.every((other) => other === entry || (!other.unknown && other.dated));
}

/** A part of a history entry that is its date alone. */
const ONLY_A_DATE = new RegExp(`^(?:${DATES.source})$`);

/** A day at the start of a line. */
const DATE_FIRST = new RegExp(`^(?:${DATES.source})`);

/** A line that starts with a day and goes on in words: a dated entry, not a day alone. */
function datedNote(line: string): boolean {
  const day = DATE_FIRST.exec(line);
  return day !== null && line.length > day[0].length && !ONLY_A_DATE.test(line);
}

/** A year-first date (`2025-01-02`, `2025/1/2`) as a key that sorts by day. */
const YEAR_FIRST = /\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\b/;

/**
 * One line of a status history: its status word first (`2025-01-02 Proposed` → `Proposed
 * 2025-01-02`, a table row's cells likewise), and its day when written year first; whether it is
 * dated, and in words docgen does not know (`2024-05-01 on hold`). Undefined for a line that starts
 * with no known status and no date, a relation line among them.
 */
function historyEntry(
  line: string,
): { text: string; day?: string; dated?: boolean; unknown?: boolean; tableRow?: boolean } | undefined {
  const tableRow = /^\s*\|/.test(line);
  const cells = tableRow ? line.split('|').map((cell) => cell.trim()) : [line.trim()];
  const parts = cells
    .flatMap((cell) => cell.split(new RegExp(`^(${DATES.source})\\s*[-–—:,]?\\s*`)))
    .map((part) => part?.replace(/\*\*|__|`/g, '').trim())
    .filter((part): part is string => !!part);
  // A dated entry in words docgen does not know (`2024-05-01 on hold`, a two-column table's `|
  // 2024-05-01 | On hold |`) is still the latest one when it comes last: the status is then that,
  // shown as written, not an older entry's. In a wider table, which column is the status is unsaid.
  const dated =
    parts.length === 2 && cells.filter(Boolean).length <= 2 && ONLY_A_DATE.test(parts[0]!) && /^\p{L}/u.test(parts[1]!);
  const known = parts.find((part) => wordStatus(part) !== undefined);
  const worded = known ?? (dated ? parts[1] : undefined);
  // "Superseded by …" is read as the relation it is, wherever it stands.
  if (!worded || RELATION_AT_START.test(worded)) return undefined;
  const text = [worded, ...parts.filter((part) => part !== worded)].join(' ');
  const day = YEAR_FIRST.exec(text);
  return {
    text,
    ...(day ? { day: isoDate(Number(day[1]), Number(day[2]), Number(day[3])) } : {}),
    ...(text.match(DATES) ? { dated: true } : {}),
    ...(known ? {} : { unknown: true, ...(tableRow ? { tableRow } : {}) }),
  };
}

/**
 * A supersede clause that replaces one part of a decision only: "partially", "partly", "in part";
 * a "Superseded by" also says so by what it is replaced "for" (`Superseded by ADR 0010 for secret
 * management`), where "Supersedes ADR 9 for staged conversion" names what ADR 9 was about.
 */
const PART_ONLY = /\b(?:partially|partly|in\s+part)\b/i;

/** The words a relation clause starts with. */
const RELATION_START = String.raw`(?:\*\*|__)?(?:super[sc]edes|(?:super[sc]eded|replaced|amended)\s+by|amends)\b`;
export const RELATION_AT_START = new RegExp(`^${RELATION_START}`, 'i');

/**
 * What may follow the status word of a status paragraph: nothing (or a stop), or a date after a
 * dash, colon, comma, stop, bracket or "on"/"since" (`Proposed — 2021-03-01`, `Accepted (2024-03-01)`),
 * or a relation clause after one (`Accepted, superseded by 0012`, `Accepted. Supersedes ADR 3`).
 */
const AFTER_STATUS_WORD = new RegExp(
  String.raw`^(?:[.!]?$|\s*(?:[-–—:,;.|/·(]|\s(?:on|since|am|le|el)\s)\s*(?:${DATES.source}|${RELATION_START}))`,
  'i',
);

/**
 * Where a status line's next relation starts: after a sentence (`Accepted on 2026-09-06. Supersedes
 * [ADR 0009](…)`), a comma or semicolon (`accepted, supersedes [28535 - …](…)`, Normation/rudder;
 * `Superseded by [5](…), amended by [7](…)`), a bracket (`Accepted (supersedes ADR-009)`) or an
 * "and" (`Superseded by [5](…) and amended by [7](…)`). A list after one relation word (`Supersedes
 * ADR-3, ADR-4`) is not split: no relation word follows its commas.
 */
const RELATION_CLAUSE = new RegExp(String.raw`(?:(?<=[.,;·])\s+|(?<=\()\s*|\s+and\s+)(?=${RELATION_START})`, 'i');

/**
 * A later clause of a status line that relates another decision is read as a line of its own,
 * with its own relation word; the status and its date stay the first clause's.
 */
function relationSentencesApart(
  lines: Array<{ text: string; line: number }>,
): Array<{ text: string; line: number; ofPart?: boolean }> {
  return lines.flatMap(({ text, line }) =>
    text.split(RELATION_CLAUSE).flatMap((clause) => {
      const parts = clause.split(SUBJECT_RELATION);
      return parts.map((part, index) => ({
        text: part,
        line,
        ...(index > 0 && !WHOLE_DECISION.test(parts[index - 1]!) ? { ofPart: true } : {}),
      }));
    }),
  );
}

/**
 * A relation said of a subject within a status line: "the daily budget is amended by [ADR-0036](…)",
 * "the `enabled` flag is superseded by [ADR-0043](…)". The clause it starts is read as a relation of
 * its own; what came before it names the subject.
 */
const SUBJECT_RELATION = new RegExp(
  String.raw`\s+(?:is|are|was|were|has\s+been|have\s+been)\s+(?=(?:super[sc]eded|replaced|amended)\s+by\b)`,
  'i',
);

/** A subject that is the decision itself ("this ADR is superseded by …"), not a part of it. */
const WHOLE_DECISION = /(?:^|\W)(?:(?:this|the)\s+(?:decision|adr|record|proposal)|it)\s*$/i;

/**
 * The status word a line starts with, as written (`Akzeptiert`, `採用`), with the word after an
 * `in`, `under` or `last` that is nothing alone (`In review`, `under discussion`, `Last Call`).
 */
function writtenWord(plain: string): string | undefined {
  return /^(?:(?:in|under|last)\s+)?[\p{L}\p{M}]+/iu.exec(plain.normalize('NFC'))?.[0];
}
