/**
 * Raw HTML that embeds another document: `<iframe src>`, `<embed src>`, `<object data>`. Storage
 * has no frame of its own. A video of YouTube or Vimeo, the players the Widget Connector knows on
 * Cloud and Data Center alike, is that macro (`widget`), on its watch page; anything else (a Loom
 * or CodePen frame, a map, a PDF) is a link to what the frame showed, so the reader can still open it.
 */
import type { Nodes } from 'mdast';
import type { State } from '../state.js';
import { type XNode, text } from '../xml.js';
import { buildLink, pixels } from './links.js';
import { widgetMacro } from './macros.js';

export function embedded(
  source: string | undefined,
  attributes: Record<string, string>,
  state: State,
  node: Nodes,
  tag: string,
): XNode[] {
  // `//www.youtube.com/embed/…`, as old embed snippets write it: the page is read over HTTPS.
  const url = source?.trim().replace(/^\/\//, 'https://');
  if (!url) {
    state.warn(`<${tag}> without a source left out: there is nothing to link to`, node);
    return [];
  }
  const video = videoPage(url);
  if (video) return [widgetMacro(video, { width: pixels(attributes.width), height: pixels(attributes.height) })];
  return buildLink(state, url, attributes.title, [text(url)], node);
}

const YOUTUBE_HOSTS = /^(?:www\.|m\.)?youtube(?:-nocookie)?\.com$/;
const VIDEO_ID = /^[\w-]{6,20}$/;

/** The watch page of a YouTube or Vimeo player URL (what the Widget Connector takes), else undefined. */
export function videoPage(source: string): string | undefined {
  let url: URL;
  try {
    url = new URL(source);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  const path = url.pathname.split('/').filter(Boolean);
  let youtube: string | undefined;
  if (YOUTUBE_HOSTS.test(host)) {
    if (path[0] === 'embed' && path.length === 2) youtube = path[1];
    else if (path[0] === 'watch' && path.length === 1) youtube = url.searchParams.get('v') ?? undefined;
  } else if (host === 'youtu.be' && path.length === 1) youtube = path[0];
  if (youtube && VIDEO_ID.test(youtube) && youtube !== 'videoseries') {
    const start = /^(\d{1,6})s?$/.exec(url.searchParams.get('start') ?? url.searchParams.get('t') ?? '')?.[1];
    return `https://www.youtube.com/watch?v=${youtube}${start ? `&t=${start}s` : ''}`;
  }
  const vimeo =
    host === 'player.vimeo.com' && path[0] === 'video' && path.length === 2
      ? path[1]
      : /^(?:www\.)?vimeo\.com$/.test(host) && path.length === 1
        ? path[0]
        : undefined;
  if (vimeo && /^\d{1,12}$/.test(vimeo)) return `https://vimeo.com/${vimeo}`;
  return undefined;
}
