// The ~1 MB realistic Markdown page the markdown-storage bench converts (API-reference-like:
// headings, aligned tables, code with `]]>`, panels, lozenges, alerts, task lists, links, footnotes).
const methods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
const resources = ['pets', 'stores', 'orders', 'users', 'invoices', 'shipments', 'webhooks', 'tokens'];

function endpoint(i) {
  const method = methods[i % methods.length];
  const resource = resources[i % resources.length];
  const path = `/v1/${resource}/{${resource.slice(0, -1)}Id}/items/${i}`;
  return `## ${method} ${path}

${method === 'DELETE' ? ':status[Deprecated]{colour=Red}' : ':status[Stable]{colour=Green}'} Returns the **${resource}** item \`${i}\` for the caller. See [the ${resource} guide](./${resource}.md#overview), the [RFC 9110](https://www.rfc-editor.org/rfc/rfc9110 "HTTP Semantics") semantics, and <https://example.com/docs/${resource}>.
Requests are rate-limited[^limits]; use _exponential backoff_ with jitter.<br>Idempotent: ${method === 'POST' ? 'no' : 'yes'}.

:::info[Authentication]
Send a bearer token with the \`${resource}:read\` scope. Tokens expire after **1 hour**.
:::

### Parameters

| Name | In | Type | Required | Description |
|:-----|:--:|:-----|:--------:|------------:|
| \`${resource.slice(0, -1)}Id\` | path | \`string\` | yes | Identifier of the ${resource.slice(0, -1)} (UUID v4). |
| \`limit\` | query | \`integer\` | no | Page size, 1–250 (default 25). |
| \`cursor\` | query | \`string\` | no | Opaque cursor from \`_links.next\`. |
| \`expand\` | query | \`string[]\` | no | Related objects to include: \`owner\`, \`tags\`. |
| \`X-Request-Id\` | header | \`string\` | no | Echoed back for tracing & support \\| logs. |

### Example request

\`\`\`bash
curl -sS -X ${method} "https://api.example.com${path.replace(/[{}]/g, '')}?limit=25" \\
  -H "Authorization: Bearer $TOKEN" -H 'Accept: application/json'
\`\`\`

### Response 200

\`\`\`json
{
  "id": "${i.toString(16).padStart(8, '0')}-4a2b-4c3d-9e8f-0123456789ab",
  "name": "Item ${i} <b>not html</b> ]]> still text",
  "tags": ["alpha", "beta", "gamma"],
  "owner": { "id": ${i * 7}, "email": "owner${i}@example.com" },
  "_links": { "self": "/v1/${resource}/${i}", "next": null }
}
\`\`\`

> [!NOTE]
> Fields not listed in the schema may appear; ignore them.

- [x] documented in OpenAPI
- [ ] covered by contract tests
  - [ ] happy path
  - [x] error envelope

1. Validate the input.
2. Load the ${resource.slice(0, -1)}; on a miss answer \`404\` with \`{"code":"NOT_FOUND"}\`.
3. Return it, with *ETag* and ~~Last-Modified~~ headers.

`;
}

export function buildDocument(bytes) {
  const parts = ['# API reference\n\n::toc{maxLevel=3}\n\n'];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i += 1) {
    const part = endpoint(i);
    parts.push(part);
    size += Buffer.byteLength(part);
  }
  parts.push('\n[^limits]: 100 requests per minute per token; 429 carries `Retry-After`.\n');
  return parts.join('');
}
