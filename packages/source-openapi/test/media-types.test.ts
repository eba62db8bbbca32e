import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';
import { operationSections, requestBody } from './support/rendered.js';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'media-types');

const sections = (file: string) => operationSections(fixtures, file);

describe('a JSON media type written in other case, or with parameters', () => {
  it("(Mastercard's `application/JSON`) is sent by curl as compact JSON", async () => {
    const section = (await sections('billpay.yaml')).get('POST /isRoutingValid')!;
    expect(section).toContain(
      `-H 'Accept: application/JSON' \\\n  -d '{"BillPayAccountValidation":{"RppsId":"99887761","BillerId":"9998887771"}}'`,
    );
  });

  it('(`Application/Json; charset=UTF-8`) reads an example written as JSON text as JSON', async () => {
    const section = (await sections('billpay.yaml')).get('POST /payments')!;
    expect(requestBody(section)).toContain(
      '```json\n{\n  "BillPayAccountValidation": {\n    "RppsId": "99887761",\n    "BillerId": "9998887771"\n  }\n}\n```',
    );
    expect(section).toContain(`-d '{"BillPayAccountValidation":{"RppsId":"99887761","BillerId":"9998887771"}}'`);
  });
});

describe('`application/form-data`, which names no registered media type', () => {
  it("(Mastodon's follow) is the multipart form it means: shown as its parts, sent as -F fields", async () => {
    const section = (await sections('mastodon-follow.yaml')).get('POST /api/v1/accounts/{id}/follow')!;
    const body = requestBody(section);
    expect(body).not.toContain('```json');
    expect(body).toContain('| `notify` | `text/plain` | `false` |');
    expect(section).toContain(
      "-H 'Content-Type: multipart/form-data' \\\n  -H 'Accept: application/json' \\\n  -F 'notify=false' \\\n  -F 'reblogs=true'",
    );
  });
});

describe('a YAML body', () => {
  // A JSON spec (as InfluxDB's is): the YAML writer is loaded for its YAML bodies all the same.
  it("(InfluxDB's template export) shows its example as YAML, and curl sends YAML", async () => {
    const section = (await sections('influx-templates.json')).get('POST /templates/export')!;
    expect(requestBody(section)).toContain('```yaml\nstackID: 0a1b2c3d4e5f6a7b\norgIDs:\n  - 9f8e7d6c5b4a3f2e\n```');
    expect(section).toContain("-H 'Content-Type: application/x-yaml' \\\n");
    expect(section).toContain("--data-raw 'stackID: 0a1b2c3d4e5f6a7b\norgIDs:\n  - 9f8e7d6c5b4a3f2e'");
  });

  it('is shown as YAML as a response too, beside the same schema as JSON', async () => {
    const responses = (await sections('influx-templates.json'))
      .get('POST /templates/export')!
      .split('### Responses')[1]!;
    expect(responses).toContain('```json\n{\n  "apiVersion": "influxdata.com/v2alpha1",');
    expect(responses).toContain(
      '```yaml\napiVersion: influxdata.com/v2alpha1\nkind: Bucket\nmetadata:\n  name: my-bucket\n```',
    );
  });
});

describe('an XML body', () => {
  it('whose own example is data and whose schema names no root element shows no JSON, and says why', async () => {
    const section = (await sections('obs-status.yaml')).get('GET /architectures/{architecture_name}')!;
    const responses = section.split('### Responses')[1]!;
    expect(responses).not.toContain('```json');
    expect(responses).toContain('No example: XML needs a name for the root element');
    // Each of several named examples alike (OBS's 401).
    expect(responses).not.toContain('authentication_required');
  });

  it('whose own example is data and whose schema names no root element is not sent as JSON by curl', async () => {
    const section = (await sections('obs-status.yaml')).get('POST /person')!;
    expect(requestBody(section)).toContain('No example: XML needs a name for the root element');
    expect(section).toContain("-H 'Content-Type: application/xml'");
    expect(section).not.toContain('janedoe@example.com');
  });

  it('with no schema, whose own example is data, shows no JSON and says why; curl sends no JSON as XML', async () => {
    const section = (await sections('xml-no-schema.yaml')).get('POST /invoices')!;
    const [request, responses] = [requestBody(section), section.split('### Responses')[1]!];
    for (const body of [request, responses]) {
      expect(body).not.toContain('```json');
      expect(body).toContain('No example: this XML body has no schema to name its elements');
    }
    expect(section).toContain("-H 'Content-Type: application/xml'");
    expect(section).not.toContain('C-1001');
  });
});
