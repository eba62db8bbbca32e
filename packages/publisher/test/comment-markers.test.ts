import { describe, expect, it } from '@jest/globals';
import { checkStorageXhtml } from '@docgen/confluence-sandbox';
import { toStorage } from '@docgen/markdown-storage';
import {
  carryCommentMarkers,
  parseStorageTree,
  serializeStorage,
  transferCommentMarkers,
  withoutCommentMarkers,
} from '../src/comment-markers.js';

const marker = (ref: string, text: string) =>
  `<ac:inline-comment-marker ac:ref="${ref}">${text}</ac:inline-comment-marker>`;
const REF_A = '1e304c45-ee68-4685-9a4e-5285bd22f811';
const REF_B = 'e8e647e6-b612-4123-b1bb-3f5fd6d89c10';

describe('parseStorageTree', () => {
  it('gives back exactly what it read: entities, CDATA, macros, comments, unclosed and stray tags', () => {
    const storage =
      '<h2>Retries &amp; limits</h2><p>Use&nbsp;the <strong>retry</strong> budget<br>.</p>' +
      '<ac:structured-macro ac:name="code" ac:schema-version="1"><ac:parameter ac:name="language">ts</ac:parameter>' +
      '<ac:plain-text-body><![CDATA[const a = 1 < 2 && "x";]]></ac:plain-text-body></ac:structured-macro>' +
      '<!-- a comment --><ul><li>one<li>two</ul></span><p>tail';
    expect(serializeStorage(parseStorageTree(storage))).toBe(storage);
  });
});

describe('carryCommentMarkers', () => {
  it('keeps a marker on text that survives an update, in the same place', () => {
    const live = `<h2>Limits</h2><p>Requests over ${marker(REF_A, 'the rate limit')} get a 429.</p>`;
    const next = '<h2>Limits</h2><p>Requests over the rate limit get a 429 and a Retry-After header.</p>';
    const { body, kept, lost } = carryCommentMarkers(live, next);
    expect(body).toBe(
      `<h2>Limits</h2><p>Requests over ${marker(REF_A, 'the rate limit')} get a 429 and a Retry-After header.</p>`,
    );
    expect(kept).toEqual([{ ref: REF_A, text: 'the rate limit' }]);
    expect(lost).toEqual([]);
  });

  it('follows text moved to another section of the page', () => {
    const live = `<h2>Intro</h2><p>Tokens ${marker(REF_A, 'expire after an hour')}.</p><h2>Auth</h2><p>Send a token.</p>`;
    const next = '<h2>Intro</h2><p>Welcome.</p><h2>Auth</h2><p>Send a token. Tokens expire after an hour.</p>';
    const { body, lost } = carryCommentMarkers(live, next);
    expect(body).toBe(
      `<h2>Intro</h2><p>Welcome.</p><h2>Auth</h2><p>Send a token. Tokens ${marker(REF_A, 'expire after an hour')}.</p>`,
    );
    expect(lost).toEqual([]);
  });

  it('reports a marker whose text is gone and writes the new body as it is', () => {
    const live = `<p>The ${marker(REF_A, 'legacy endpoint')} is deprecated.</p>`;
    const next = '<p>The endpoint was removed in v2.</p>';
    expect(carryCommentMarkers(live, next)).toEqual({
      body: next,
      kept: [],
      lost: [{ ref: REF_A, text: 'legacy endpoint' }],
    });
  });

  it('re-marks a highlight spanning inline markup run by run, as Confluence stores it', () => {
    const live = `<p>Use ${marker(REF_A, 'the ')}<strong>${marker(REF_A, 'retry')}</strong>${marker(REF_A, ' budget')} wisely.</p>`;
    const next = toStorage('Always use the **retry** budget wisely.');
    const { body, kept } = carryCommentMarkers(live, next);
    expect(kept).toEqual([{ ref: REF_A, text: 'the retry budget' }]);
    expect(body).toContain(
      `${marker(REF_A, 'the ')}<strong>${marker(REF_A, 'retry')}</strong>${marker(REF_A, ' budget')}`,
    );
  });

  it('picks, of text occurring twice, the occurrence in the same section', () => {
    const live = `<h2>Create</h2><p>Returns 201.</p><h2>Update</h2><p>Returns ${marker(REF_A, '201')}.</p>`;
    const next =
      '<h2>Overview</h2><p>Returns 201 or 200.</p><h2>Create</h2><p>Returns 201.</p><h2>Update</h2><p>Returns 201.</p>';
    const { body } = carryCommentMarkers(live, next);
    expect(body).toBe(
      `<h2>Overview</h2><p>Returns 201 or 200.</p><h2>Create</h2><p>Returns 201.</p><h2>Update</h2><p>Returns ${marker(REF_A, '201')}.</p>`,
    );
  });

  it('picks, of text occurring twice in one section, the one whose surrounding words match', () => {
    const live = `<p>Set the timeout.</p><p>Then raise ${marker(REF_A, 'the timeout')} for uploads.</p>`;
    const next = '<p>Set the timeout first.</p><p>Then raise the timeout for uploads.</p>';
    expect(carryCommentMarkers(live, next).body).toBe(
      `<p>Set the timeout first.</p><p>Then raise ${marker(REF_A, 'the timeout')} for uploads.</p>`,
    );
  });

  it('never wraps a macro parameter or a code body: text only there is lost', () => {
    const live = `<p>Call ${marker(REF_A, 'fetchPets')} to list.</p>`;
    const next =
      '<ac:structured-macro ac:name="code"><ac:parameter ac:name="title">fetchPets</ac:parameter>' +
      '<ac:plain-text-body><![CDATA[fetchPets()]]></ac:plain-text-body></ac:structured-macro>';
    expect(carryCommentMarkers(live, next)).toEqual({
      body: next,
      kept: [],
      lost: [{ ref: REF_A, text: 'fetchPets' }],
    });
  });

  it('matches across Confluence’s typographic quotes, entities and whitespace', () => {
    const live = `<p>Say ${marker(REF_A, '“don’t&nbsp;retry”')} on 400.</p>`;
    const next = '<p>Say "don\'t retry" on 400 &amp; 422.</p>';
    const { body, lost } = carryCommentMarkers(live, next);
    expect(lost).toEqual([]);
    expect(body).toBe(`<p>Say ${marker(REF_A, '"don\'t retry"')} on 400 &amp; 422.</p>`);
  });

  it('keeps two comments in one text run, and text with entities whole', () => {
    const live = `<p>${marker(REF_A, 'A &amp; B')} then ${marker(REF_B, 'C')}.</p>`;
    const next = '<p>First A &amp; B then C.</p>';
    expect(carryCommentMarkers(live, next).body).toBe(
      `<p>First ${marker(REF_A, 'A &amp; B')} then ${marker(REF_B, 'C')}.</p>`,
    );
  });

  it('changes nothing when the live body has no marker', () => {
    const next = '<p>x</p>';
    expect(carryCommentMarkers('<p>y</p>', next)).toEqual({ body: next, kept: [], lost: [] });
  });

  it('leaves the tree it was given as it was (tree in, tree out)', () => {
    const next = parseStorageTree('<p>keep me</p>');
    const before = serializeStorage(next);
    const { tree } = transferCommentMarkers(parseStorageTree(`<p>${marker(REF_A, 'keep')} me</p>`), next);
    expect(serializeStorage(next)).toBe(before);
    expect(serializeStorage(tree)).toBe(`<p>${marker(REF_A, 'keep')} me</p>`);
  });
});

/**
 * A highlight is carried only to a place that is credibly the same: the same paragraph, or a long,
 * distinctive text (four words, 20 characters) anywhere on the page, or else its neighbours — up to
 * three words either side, within its sentence — agreeing: half of them under the same heading,
 * two thirds (and at least two) under another. A short, common word never follows to unrelated text.
 */
describe('carryCommentMarkers: a short highlight keeps to its context', () => {
  const live = `<h2>Auth</h2><p>Each ${marker(REF_A, 'token')} expires after an hour.</p><h2>Errors</h2><p>Send a new token on 401.</p>`;

  it('follows its section when the section moves, and its paragraph when that moves under another heading', () => {
    const moved = '<h2>Errors</h2><p>Send a new token on 401.</p><h2>Auth</h2><p>Each token expires after an hour.</p>';
    expect(carryCommentMarkers(live, moved)).toMatchObject({
      body: `<h2>Errors</h2><p>Send a new token on 401.</p><h2>Auth</h2><p>Each ${marker(REF_A, 'token')} expires after an hour.</p>`,
      lost: [],
    });
    const rehomed =
      '<h2>Sessions</h2><p>Each token expires after an hour.</p><h2>Errors</h2><p>Send a new token on 401.</p>';
    expect(carryCommentMarkers(live, rehomed).body).toBe(
      `<h2>Sessions</h2><p>Each ${marker(REF_A, 'token')} expires after an hour.</p><h2>Errors</h2><p>Send a new token on 401.</p>`,
    );
  });

  it('is reported, not moved onto the same word elsewhere, when its section was deleted', () => {
    const next = '<h2>Errors</h2><p>Send a new token on 401.</p>';
    expect(carryCommentMarkers(live, next)).toEqual({ body: next, kept: [], lost: [{ ref: REF_A, text: 'token' }] });
  });

  it('stays when the sentence around it is edited but the heading and most neighbours hold; is reported when they do not', () => {
    const edited =
      '<h2>Auth</h2><p>Each token now expires after one hour.</p><h2>Errors</h2><p>Send a new token on 401.</p>';
    expect(carryCommentMarkers(live, edited).body).toBe(
      `<h2>Auth</h2><p>Each ${marker(REF_A, 'token')} now expires after one hour.</p><h2>Errors</h2><p>Send a new token on 401.</p>`,
    );
    const rewritten = '<h2>Auth</h2><p>Rotate the token weekly.</p><h2>Errors</h2><p>Send a new token on 401.</p>';
    expect(carryCommentMarkers(live, rewritten)).toMatchObject({ body: rewritten, lost: [{ ref: REF_A }] });
  });

  it('of a word twice in one section, stays on the one it was on, and is reported rather than moved to the other', () => {
    const twice = `<h2>Auth</h2><p>Send the token in a header. Refresh the ${marker(REF_A, 'token')} daily.</p>`;
    const edited = '<h2>Auth</h2><p>Send the token in the Authorization header. Refresh the token daily.</p>';
    expect(carryCommentMarkers(twice, edited).body).toBe(
      `<h2>Auth</h2><p>Send the token in the Authorization header. Refresh the ${marker(REF_A, 'token')} daily.</p>`,
    );
    const secondGone = '<h2>Auth</h2><p>Send the token in a header.</p>';
    expect(carryCommentMarkers(twice, secondGone)).toMatchObject({ body: secondGone, lost: [{ ref: REF_A }] });
  });

  it('lets a long, distinctive highlight follow its text anywhere on the page', () => {
    const distinctive = `<h2>Auth</h2><p>Note: tokens ${marker(REF_A, 'expire after an hour of inactivity')}.</p>`;
    const next = '<h2>Sessions</h2><p>All sessions end and tokens expire after an hour of inactivity, too.</p>';
    expect(carryCommentMarkers(distinctive, next)).toMatchObject({
      body: `<h2>Sessions</h2><p>All sessions end and tokens ${marker(REF_A, 'expire after an hour of inactivity')}, too.</p>`,
      lost: [],
    });
  });
});

/**
 * A selection across blocks: Confluence writes one marker per block, all with the same `ac:ref`
 * (e.g. `<p><marker>Backup actions</marker></p><p><marker>Kept in backup data storage.</marker></p>`).
 * It is one comment: carried when every piece is placed in consecutive blocks in the same order,
 * reported as a whole otherwise — never left half-marked.
 */
describe('carryCommentMarkers: a highlight spanning blocks', () => {
  const live = `<h2>Backups</h2><p>Alpha beta ${marker(REF_A, 'gamma delta')}</p><p>${marker(REF_A, 'epsilon zeta')} eta.</p><p>Omega.</p>`;

  it('is carried when its pieces are still in consecutive blocks, in order', () => {
    const next = '<h2>Backups</h2><p>First, alpha beta gamma delta</p><p>epsilon zeta eta theta.</p><p>Omega.</p>';
    expect(carryCommentMarkers(live, next)).toEqual({
      body: `<h2>Backups</h2><p>First, alpha beta ${marker(REF_A, 'gamma delta')}</p><p>${marker(REF_A, 'epsilon zeta')} eta theta.</p><p>Omega.</p>`,
      kept: [{ ref: REF_A, text: 'gamma delta epsilon zeta' }],
      lost: [],
    });
  });

  it('is carried from a list item into the next, and across paragraphs in a cell as Confluence Server wrote them', () => {
    const list = `<ul><li>one ${marker(REF_A, 'two')}</li><li>${marker(REF_A, 'three')} four</li></ul>`;
    expect(carryCommentMarkers(list, '<ul><li>zero</li><li>one two</li><li>three four</li></ul>').body).toBe(
      `<ul><li>zero</li><li>one ${marker(REF_A, 'two')}</li><li>${marker(REF_A, 'three')} four</li></ul>`,
    );
    const cell = `<table><tbody><tr><td><div class="content-wrapper"><p>${marker(REF_B, ' Backup actions ')}</p><p>${marker(REF_B, ' Kept in backup data storage. ')}</p></div></td></tr></tbody></table>`;
    const next =
      '<table><tbody><tr><td><p>Backup actions</p><p>Kept in backup data storage.</p></td></tr></tbody></table>';
    expect(carryCommentMarkers(cell, next)).toMatchObject({
      body: `<table><tbody><tr><td><p>${marker(REF_B, 'Backup actions')}</p><p>${marker(REF_B, 'Kept in backup data storage.')}</p></td></tr></tbody></table>`,
      lost: [],
    });
  });

  it.each([
    ['a piece’s text is gone', '<h2>Backups</h2><p>Alpha beta gamma delta</p><p>Eta.</p><p>Omega.</p>'],
    [
      'a block now stands between its pieces',
      '<h2>Backups</h2><p>Alpha beta gamma delta</p><p>New.</p><p>epsilon zeta eta.</p>',
    ],
    ['its pieces swapped places', '<h2>Backups</h2><p>epsilon zeta eta.</p><p>Alpha beta gamma delta</p>'],
  ])('is reported once, and no piece kept, when %s', (_how, next) => {
    expect(carryCommentMarkers(live, next)).toEqual({
      body: next,
      kept: [],
      lost: [{ ref: REF_A, text: 'gamma delta epsilon zeta' }],
    });
  });
});

/**
 * Where Confluence's editors put a marker, and what docgen's new body may hold there. Each case:
 * the body written is well-formed storage, and unwrapping its markers gives back the new body
 * exactly (no text lost, doubled or moved into a tag).
 */
describe('carryCommentMarkers on the storage shapes Confluence writes', () => {
  const carried = (live: string, next: string) => {
    const result = carryCommentMarkers(live, next);
    expect(() => checkStorageXhtml(result.body)).not.toThrow();
    expect(withoutCommentMarkers(result.body)).toBe(next);
    return result;
  };
  const task = (body: string, status = 'incomplete') =>
    `<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>${status}</ac:task-status><ac:task-body>${body}</ac:task-body></ac:task></ac:task-list>`;
  const panel = (title: string, body: string) =>
    `<ac:structured-macro ac:name="expand" ac:schema-version="1"><ac:parameter ac:name="title">${title}</ac:parameter><ac:rich-text-body>${body}</ac:rich-text-body></ac:structured-macro>`;

  it.each([
    [
      'table header and data cells with paragraphs inside',
      `<table><tbody><tr><th><p>${marker(REF_A, 'Name')}</p></th><td><p>The ${marker(REF_B, 'pet id')}</p></td></tr></tbody></table>`,
      '<table><tbody><tr><th><p>Name</p></th><td><p>The pet id, a UUID</p></td></tr></tbody></table>',
      `<table><tbody><tr><th><p>${marker(REF_A, 'Name')}</p></th><td><p>The ${marker(REF_B, 'pet id')}, a UUID</p></td></tr></tbody></table>`,
    ],
    [
      'a list item',
      `<ul><li>${marker(REF_A, 'first')}</li><li>second</li></ul>`,
      '<ul><li>first step</li><li>second</li></ul>',
      `<ul><li>${marker(REF_A, 'first')} step</li><li>second</li></ul>`,
    ],
    [
      'a task body, not its id or status',
      task(marker(REF_A, 'ship it')),
      task('ship it now', 'complete'),
      task(`${marker(REF_A, 'ship it')} now`, 'complete'),
    ],
    [
      'a heading',
      `<h2>${marker(REF_A, 'Rate limits')}</h2><p>About rate limits.</p>`,
      '<h2>Rate limits</h2><p>About rate limits.</p>',
      `<h2>${marker(REF_A, 'Rate limits')}</h2><p>About rate limits.</p>`,
    ],
    [
      'a link body, inside the link',
      `<p>See ${marker(REF_A, 'Pets')} API</p>`,
      '<p>See <ac:link><ri:page ri:content-title="Pets" /><ac:link-body>Pets</ac:link-body></ac:link> API</p>',
      `<p>See <ac:link><ri:page ri:content-title="Pets" /><ac:link-body>${marker(REF_A, 'Pets')}</ac:link-body></ac:link> API</p>`,
    ],
    [
      'an <a href> text, never its attribute',
      `<p>See ${marker(REF_A, 'Pets')}</p>`,
      '<p>See <a href="https://example.com/Pets">Pets</a></p>',
      `<p>See <a href="https://example.com/Pets">${marker(REF_A, 'Pets')}</a></p>`,
    ],
    [
      'inline code text',
      `<p>Pass ${marker(REF_A, 'petId')}</p>`,
      '<p>Pass <code>petId</code>.</p>',
      `<p>Pass <code>${marker(REF_A, 'petId')}</code>.</p>`,
    ],
    [
      'an expand macro’s rich-text body, not its title parameter',
      panel('More', `<p>${marker(REF_A, 'hidden')}</p>`),
      panel('hidden', '<p>hidden text</p>'),
      panel('hidden', `<p>${marker(REF_A, 'hidden')} text</p>`),
    ],
    [
      'runs either side of an emoticon',
      `<p>${marker(REF_A, 'ok ')}<ac:emoticon ac:name="smile" />${marker(REF_A, ' go')}</p>`,
      '<p>ok <ac:emoticon ac:name="smile" /> go</p>',
      `<p>${marker(REF_A, 'ok ')}<ac:emoticon ac:name="smile" />${marker(REF_A, ' go')}</p>`,
    ],
    [
      'entities kept whole',
      `<p>${marker(REF_A, 'a &lt; b &amp;&amp; c')}</p>`,
      '<p>if a &lt; b &amp;&amp; c</p>',
      `<p>if ${marker(REF_A, 'a &lt; b &amp;&amp; c')}</p>`,
    ],
    [
      'CJK and emoji',
      `<p>说明 ${marker(REF_A, '宠物 🐶 标识')} 。</p>`,
      '<p>说明：宠物 🐶 标识 。</p>',
      `<p>说明：${marker(REF_A, '宠物 🐶 标识')} 。</p>`,
    ],
    [
      'text now partly bold',
      `<p>the ${marker(REF_A, 'retry budget')} counts</p>`,
      '<p>the <strong>retry</strong> budget counts</p>',
      `<p>the <strong>${marker(REF_A, 'retry')}</strong>${marker(REF_A, ' budget')} counts</p>`,
    ],
    [
      'typographic quotes and a line break in the new body',
      `<p>Say ${marker(REF_A, '"don\'t retry" budget')}</p>`,
      '<p>Say “don’t retry”\n  budget</p>',
      `<p>Say ${marker(REF_A, '“don’t retry”\n  budget')}</p>`,
    ],
    [
      'two markers adjacent',
      `<p>${marker(REF_A, 'foo')}${marker(REF_B, 'bar')}</p>`,
      '<p>foobar</p>',
      `<p>${marker(REF_A, 'foo')}${marker(REF_B, 'bar')}</p>`,
    ],
    [
      'a comment on words inside another comment’s highlight: they nest again',
      `<p>${marker(REF_A, `the ${marker(REF_B, 'retry')} budget`)}</p><p>No retry.</p>`,
      '<p>Mind the retry budget.</p><p>No retry.</p>',
      `<p>Mind ${marker(REF_A, `the ${marker(REF_B, 'retry')} budget`)}.</p><p>No retry.</p>`,
    ],
    [
      'two comments on the very same words',
      `<p>${marker(REF_A, marker(REF_B, 'retry'))} once</p>`,
      '<p>retry once, retry twice</p>',
      `<p>${marker(REF_A, marker(REF_B, 'retry'))} once, retry twice</p>`,
    ],
  ])('%s', (_shape, live, next, expected) => {
    const { body, lost } = carried(live, next);
    expect(body).toBe(expected);
    expect(lost).toEqual([]);
  });

  it.each([
    [
      'a link’s plain-text body (CDATA)',
      '<p>See <ac:link><ri:page ri:content-title="Pets" /><ac:plain-text-link-body><![CDATA[Pets]]></ac:plain-text-link-body></ac:link></p>',
    ],
    [
      'a status macro',
      '<p><ac:structured-macro ac:name="status"><ac:parameter ac:name="title">Pets</ac:parameter></ac:structured-macro></p>',
    ],
    [
      'a code macro',
      '<ac:structured-macro ac:name="code"><ac:plain-text-body><![CDATA[Pets]]></ac:plain-text-body></ac:structured-macro>',
    ],
  ])('never marks text in %s: the comment is reported', (_shape, next) => {
    const { body, lost } = carried(`<p>${marker(REF_A, 'Pets')}</p>`, next);
    expect(body).toBe(next);
    expect(lost).toEqual([{ ref: REF_A, text: 'Pets' }]);
  });

  it('never moves a highlight of whole words onto part of a word: a comment on "id" whose text is gone is reported', () => {
    const live = `<h2>Legacy</h2><p>The ${marker(REF_A, 'id')} field is gone.</p>`;
    const next = '<h2>Auth</h2><p>Provide a valid token.</p>';
    expect(carried(live, next)).toEqual({ body: next, kept: [], lost: [{ ref: REF_A, text: 'id' }] });
    expect(carried(live, '<h2>Legacy</h2><p>Valid: the id field.</p>').body).toBe(
      `<h2>Legacy</h2><p>Valid: the ${marker(REF_A, 'id')} field.</p>`,
    );
  });

  it('keeps a highlight that was part of a word (or of CJK text, which has no spaces) on the same part', () => {
    expect(carried(`<p>re${marker(REF_A, 'try')}able</p>`, '<p>Be retryable.</p>').body).toBe(
      `<p>Be re${marker(REF_A, 'try')}able.</p>`,
    );
    expect(carried(`<p>说明${marker(REF_A, '宠物')}标识</p>`, '<p>说明：宠物标识</p>').body).toBe(
      `<p>说明：${marker(REF_A, '宠物')}标识</p>`,
    );
  });

  it('reads a Cloud editor-only node’s markers once, not again from its fallback copy', () => {
    const live =
      `<ac:adf-extension><ac:adf-node type="panel"><ac:adf-content><p>${marker(REF_A, 'note')}</p></ac:adf-content></ac:adf-node>` +
      `<ac:adf-fallback><div><p>${marker(REF_A, 'note')}</p></div></ac:adf-fallback></ac:adf-extension>`;
    const next = '<p>A note.</p><p>Another note.</p>';
    expect(carried(live, next)).toEqual({
      body: `<p>A ${marker(REF_A, 'note')}.</p><p>Another note.</p>`,
      kept: [{ ref: REF_A, text: 'note' }],
      lost: [],
    });
  });

  it.each([
    ['empty', `<p>x${marker(REF_A, '')}y</p>`],
    ['self-closing', `<p>x<ac:inline-comment-marker ac:ref="${REF_A}" />y</p>`],
    ['blank', `<p>x${marker(REF_A, '&nbsp;')}y</p>`],
  ])(
    'reports a comment whose marker is %s (its text deleted in the editor) rather than dropping it unsaid',
    (_how, live) => {
      expect(carried(live, '<p>x y</p>')).toEqual({ body: '<p>x y</p>', kept: [], lost: [{ ref: REF_A, text: '' }] });
    },
  );
});

describe('withoutCommentMarkers', () => {
  it('gives back the body as it was before readers commented, byte for byte', () => {
    const before = '<p>Use the <strong>retry</strong> budget &amp; <code>x</code>.</p>';
    const commented = `<p>Use ${marker(REF_A, 'the ')}<strong>${marker(REF_A, 'retry')}</strong>${marker(REF_A, ' budget')} &amp; <code>${marker(REF_B, 'x')}</code>.</p>`;
    expect(withoutCommentMarkers(commented)).toBe(before);
    expect(withoutCommentMarkers(before)).toBe(before);
  });
});
