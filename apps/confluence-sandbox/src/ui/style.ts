import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** highlight.js's GitHub theme, read from the installed package (no CDN). */
function highlightTheme(): string {
  try {
    return readFileSync(require.resolve('highlight.js/styles/github.css'), 'utf8');
  } catch {
    return '';
  }
}

/** The preview's stylesheet: Confluence's look, close enough to judge a published page. */
export const stylesheet = `
:root { --blue: #0052cc; --text: #172b4d; --subtle: #6b778c; --line: #dfe1e6; --bg: #f4f5f7; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.714 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Noto Sans", Ubuntu, "Helvetica Neue", sans-serif; color: var(--text); background: #fff; }
a { color: var(--blue); text-decoration: none; } a:hover { text-decoration: underline; }
header.top { background: var(--blue); color: #fff; padding: 0 20px; height: 48px; display: flex; align-items: center; gap: 16px; }
header.top a { color: #fff; font-weight: 600; } header.top .hint { opacity: .8; font-size: 12px; margin-left: auto; }
.shell { display: flex; min-height: calc(100vh - 48px); }
nav.sidebar { width: 300px; flex: none; background: var(--bg); border-right: 1px solid var(--line); padding: 16px 12px; overflow: auto; }
nav.sidebar h2 { font-size: 12px; text-transform: uppercase; color: var(--subtle); margin: 0 0 8px 6px; letter-spacing: .04em; }
nav.sidebar .space-name { font-weight: 600; font-size: 16px; margin: 0 0 12px 6px; display: block; color: var(--text); }
.tree, .tree ul { list-style: none; margin: 0; padding: 0; } .tree ul { padding-left: 14px; }
.tree a { display: block; padding: 3px 6px; border-radius: 3px; color: var(--text); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.tree a:hover { background: #ebecf0; text-decoration: none; } .tree a.current { background: #deebff; color: var(--blue); font-weight: 600; }
.tree details > summary { list-style: none; cursor: pointer; } .tree details > summary::-webkit-details-marker { display: none; }
.tree details > summary > a { display: inline-block; max-width: calc(100% - 16px); vertical-align: middle; }
.tree details > summary::before { content: "▸"; display: inline-block; width: 14px; color: var(--subtle); } .tree details[open] > summary::before { content: "▾"; }
.tree li.leaf { padding-left: 14px; }
main { flex: 1; min-width: 0; padding: 24px 40px 60px; max-width: 1100px; }
.breadcrumbs { font-size: 12px; color: var(--subtle); margin-bottom: 4px; } .breadcrumbs a { color: var(--subtle); }
h1.page-title { font-size: 28px; line-height: 1.25; margin: 0 0 6px; font-weight: 500; }
.byline { color: var(--subtle); font-size: 12px; margin-bottom: 24px; display: flex; gap: 12px; flex-wrap: wrap; }
.banner { background: #fffae6; border: 1px solid #ffe380; padding: 8px 12px; border-radius: 3px; margin-bottom: 16px; }
.wiki-content h1 { font-size: 24px; font-weight: 500; margin: 32px 0 0; } .wiki-content h2 { font-size: 20px; font-weight: 500; margin: 28px 0 0; }
.wiki-content h3 { font-size: 16px; font-weight: 600; margin: 24px 0 0; } .wiki-content h4, .wiki-content h5, .wiki-content h6 { font-size: 14px; font-weight: 600; margin: 20px 0 0; }
.wiki-content p { margin: 10px 0 0; } .wiki-content code { background: #f4f5f7; padding: 1px 4px; border-radius: 3px; font-size: 12px; }
.table-wrap { overflow-x: auto; margin: 12px 0; }
.wiki-content table { border-collapse: collapse; } .wiki-content th, .wiki-content td { border: 1px solid #c1c7d0; padding: 7px 10px; vertical-align: top; text-align: left; }
.wiki-content th { background: #f4f5f7; font-weight: 600; }
.code-block { border: 1px solid var(--line); border-radius: 3px; margin: 12px 0; background: #fafbfc; overflow: hidden; }
.code-title { background: #f4f5f7; border-bottom: 1px solid var(--line); padding: 4px 10px; font-weight: 600; font-size: 12px; }
.code-content { display: flex; } .code-block pre { margin: 0; padding: 8px 12px; overflow-x: auto; font: 12px/1.6 SFMono-Medium, "SF Mono", Menlo, Consolas, monospace; }
.code-block pre code { background: none; padding: 0; font-size: inherit; } .code-block .hljs { background: transparent; padding: 0; }
.code-gutter { color: var(--subtle); text-align: right; background: #f4f5f7; border-right: 1px solid var(--line); user-select: none; }
.panel { display: flex; gap: 10px; border-radius: 3px; padding: 10px 14px; margin: 12px 0; border: 1px solid; }
.panel-icon { font-weight: 700; width: 18px; text-align: center; } .panel-body { flex: 1; min-width: 0; } .panel-body > p:first-child { margin-top: 0; }
.panel-title { font-weight: 600; margin: 0 0 4px !important; }
.panel-info { background: #deebff; border-color: #b3d4ff; } .panel-info .panel-icon { color: #0052cc; }
.panel-tip { background: #e3fcef; border-color: #abf5d1; } .panel-tip .panel-icon { color: #00875a; }
.panel-note { background: #fffae6; border-color: #fff0b3; } .panel-note .panel-icon { color: #ff8b00; }
.panel-warning { background: #ffebe6; border-color: #ffbdad; } .panel-warning .panel-icon { color: #de350b; }
.panel-panel { background: #fff; border-color: var(--line); }
details.expand { margin: 10px 0; } details.expand > summary { cursor: pointer; color: var(--blue); }
details.expand > .expand-body { padding: 4px 0 0 18px; }
.status { display: inline-block; border-radius: 3px; padding: 0 4px; font-size: 11px; font-weight: 700; line-height: 16px; vertical-align: text-bottom; }
.status-grey { background: #dfe1e6; color: #42526e; } .status-red { background: #ffebe6; color: #bf2600; } .status-yellow { background: #fff0b3; color: #172b4d; }
.status-green { background: #e3fcef; color: #006644; } .status-blue { background: #deebff; color: #0747a6; } .status-purple { background: #eae6ff; color: #403294; }
.status-subtle { background: #fff; border: 1px solid currentColor; }
ul.task-list { list-style: none; padding-left: 4px; } li.task > ul.task-list { padding-left: 24px; } li.task { margin: 2px 0; } li.task-done > span { color: var(--subtle); text-decoration: line-through; }
img.confluence-image { max-width: 100%; height: auto; border: 1px solid var(--line); }
.missing-attachment, .unresolved-link { color: #de350b; }
.macro-placeholder { border: 1px dashed #c1c7d0; padding: 8px; color: var(--subtle); margin: 10px 0; }
.include { border-left: 2px solid #c1c7d0; padding-left: 10px; margin: 10px 0; } p.include-source { color: var(--subtle); font-size: 12px; margin: 0 0 4px; }
.widget { border: 1px solid var(--line); border-radius: 3px; padding: 8px; margin: 10px 0; }
nav.toc { border-left: 2px solid var(--line); padding-left: 10px; margin: 12px 0; } nav.toc ul { list-style: none; padding: 0; margin: 0; }
${[2, 3, 4, 5, 6].map((n) => `.toc-level-${n} { padding-left: ${(n - 1) * 14}px; }`).join(' ')}
.layout-section { display: grid; gap: 20px; } .layout-two_equal, .layout-two_left_sidebar, .layout-two_right_sidebar { grid-template-columns: 1fr 1fr; } .layout-three_equal { grid-template-columns: 1fr 1fr 1fr; }
section.meta { margin-top: 40px; border-top: 1px solid var(--line); padding-top: 12px; font-size: 13px; }
.labels a, .label { display: inline-block; background: #f4f5f7; border-radius: 3px; padding: 0 6px; margin-right: 4px; font-size: 12px; color: #42526e; }
table.list { border-collapse: collapse; width: 100%; } table.list th, table.list td { border-bottom: 1px solid var(--line); padding: 6px 8px; text-align: left; }
.diff { font: 12px/1.5 SFMono-Medium, Menlo, Consolas, monospace; border: 1px solid var(--line); border-radius: 3px; overflow-x: auto; }
.diff div { white-space: pre-wrap; padding: 0 8px; } .diff .add { background: #e3fcef; } .diff .del { background: #ffebe6; } .diff .ctx { color: var(--subtle); }
.diff ins { background: #abf2bc; text-decoration: none; } .diff del { background: #ffbdad; text-decoration: none; }
.diff .gap { background: #f4f5f7; color: var(--subtle); text-align: center; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(240px, 1fr)); gap: 16px; margin-top: 16px; }
.card { border: 1px solid var(--line); border-radius: 3px; padding: 16px; } .card h3 { margin: 0 0 4px; } .card .key { color: var(--subtle); font-size: 12px; }
form.compare { display: flex; gap: 8px; align-items: center; margin: 12px 0; }
${highlightTheme()}
`;
