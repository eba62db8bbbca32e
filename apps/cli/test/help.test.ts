import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot, runCli } from '@docgen/test-support';

describe('docgen --help', () => {
  it('lists the api command', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^\s+api\s+Render an API reference/m);
    expect(result.stdout).toMatch(/^\s+schema\s+Render a Prisma schema/m);
    expect(result.stdout).toMatch(/^\s+adr\s+Render architecture decision records/m);
    expect(result.stdout).toMatch(/^\s+runbook\s+Render service metadata/m);
  });

  it('documents the api flags', async () => {
    const result = await runCli(['api', '--help']);
    expect(result.code).toBe(0);
    for (const flag of [
      '--openapi=<file>',
      '--routes=<file>',
      '--out=<dir>',
      '--config=<file>',
      '--[no-]storage',
      '--json',
    ])
      expect(result.stdout).toContain(flag);
  });

  it('says what --routes reads (the frameworks of the routes source) and that it works without --openapi', async () => {
    const { stdout } = await runCli(['api', '--help']);
    const text = stdout.replace(/\s+/g, ' ');
    for (const framework of [
      'Express',
      'inversify-express-utils',
      'routing-controllers',
      'NestJS',
      'Fastify',
      'Koa',
      'Hono',
    ])
      expect(text).toContain(framework);
    expect(text).toContain('--routes alone renders the routes page only');
    expect(stdout).toMatch(/^\s+\$ docgen api --routes src\/main\.ts$/m);
  });
});

describe('a generator command’s --help', () => {
  it('lists its own flags first, and the publish flags (used with --publish) in a group of their own', async () => {
    const { stdout } = await runCli(['api', '--help']);
    const sections = stdout.split(/^(?=[A-Z][A-Z -]+\n)/m);
    const flags = sections.find((section) => section.startsWith('FLAGS\n'))!;
    const publish = sections.find((section) => section.startsWith('PUBLISH FLAGS\n'))!;
    for (const flag of ['--openapi=<file>', '--out=<dir>', '--publish', '--strict']) expect(flags).toContain(flag);
    expect(flags).not.toContain('--confluence-url');
    for (const flag of ['--confluence-url', '--dry-run', '--prune']) expect(publish).toContain(flag);
    expect(stdout.indexOf('PUBLISH FLAGS')).toBeGreaterThan(stdout.indexOf('\nFLAGS'));
  });
});

describe('every command’s --help', () => {
  it('shows at least one example', async () => {
    for (const command of [['confluence', 'get'], ['confluence', 'spaces'], ['confluence', 'check'], ['publish']]) {
      const result = await runCli([...command, '--help']);
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^EXAMPLES\\n\\s+\\$ docgen ${command.join(' ')}`, 'm'));
    }
  });

  it('of a generator says --out is replaced on each run, and names no converter to install (it is built in)', async () => {
    for (const command of ['api', 'schema', 'adr', 'runbook', 'generate']) {
      const { code, stdout } = await runCli([command, '--help']);
      expect(code).toBe(0);
      expect(stdout.replace(/\s+/g, ' ')).toContain(
        '--out=<dir> Output folder, replaced on each run: a new one, or one docgen wrote',
      );
      expect(stdout).not.toContain('converter installed');
    }
  });
});

describe('docgen --version', () => {
  it('answers --json with a JSON document, as every other --json does (it printed the plain line)', async () => {
    const plain = await runCli(['--version']);
    expect(plain.code).toBe(0);
    const version = JSON.parse(readFileSync(join(repoRoot, 'apps', 'cli', 'package.json'), 'utf8')).version;
    expect(plain.stdout.trim()).toBe(
      `@docgen/cli/${version} ${process.platform}-${process.arch} node-${process.version}`,
    );
    for (const argv of [
      ['--version', '--json'],
      ['--json', '--version'],
    ]) {
      const result = await runCli(argv);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        name: '@docgen/cli',
        version,
        node: process.version,
        platform: process.platform,
        arch: process.arch,
      });
    }
  });
});
