import { resolve } from 'node:path';
import { Flags } from '@oclif/core';
import { DocgenError } from '@docgen/core';
import { DocgenCommand } from '../../docgen-command.js';
import { nearestSandboxFolder } from '../../publish-flags.js';
import { recordRunningSandbox } from '../../running-sandbox.js';

export interface SandboxStartInfo {
  ok: true;
  event: 'started' | 'stopped';
  url: string;
  dataDir: string;
  testMode: boolean;
  spaces: string[];
  users: Array<{ email: string; token: string }>;
}

export default class SandboxStart extends DocgenCommand {
  static override summary = 'Run the embedded Confluence-compatible sandbox with its preview UI';
  static override description = `Serves Confluence Cloud REST paths under /wiki (v2 and v1) and Data Center paths under /rest/api on one port, persisted in SQLite under --data (default: the folder publishing uses, .docgen/sandbox beside the nearest docgen config, or its confluence.sandboxDir), with a preview UI at /. Runs until Ctrl-C.

With no --config it has one space, DEV, and one user, dev@example.com with API token sandbox-token. --test-mode adds /__sandbox/faults, /__sandbox/requests and /__sandbox/reset.`;

  static override examples = [
    '<%= config.bin %> sandbox start',
    '<%= config.bin %> sandbox start --port 8090 --data .docgen/sandbox',
    '<%= config.bin %> sandbox start --port 0 --test-mode --json',
    '<%= config.bin %> sandbox start --config sandbox.json',
  ];

  static override flags = {
    port: Flags.integer({
      summary: 'Port to listen on (0 picks a free one)',
      default: 8090,
      min: 0,
      max: 65535,
      helpValue: '<n>',
    }),
    // No default here: without --data it is the folder `--publish` writes to, found from the nearest config.
    data: Flags.string({
      summary: 'Folder for the SQLite database (default: .docgen/sandbox beside the docgen config)',
      helpValue: '<dir>',
    }),
    'test-mode': Flags.boolean({
      summary: 'Enable fault injection, the request log and reset under /__sandbox',
      default: false,
    }),
    config: Flags.string({ summary: 'JSON or YAML file with spaces, users and permissions', helpValue: '<file>' }),
    host: Flags.string({
      summary: 'Interface to bind (plain http: keep it on loopback)',
      default: '127.0.0.1',
      helpValue: '<host>',
    }),
  };

  async run(): Promise<SandboxStartInfo> {
    const { flags } = await this.parse(SandboxStart);
    const { startSandbox, SandboxConfigError } = await import('@docgen/confluence-sandbox');
    const dataDir = flags.data ? resolve(flags.data) : await nearestSandboxFolder(process.cwd());
    // Made here, one folder at a time: the sandbox's recursive mkdir never returns where no
    // folder can be made (/proc); this fails fast, as DG_FILE_SYSTEM naming the folder.
    const { makeFolder } = await import('@docgen/core');
    await makeFolder(dataDir);
    let sandbox;
    try {
      sandbox = await startSandbox({
        port: flags.port,
        host: flags.host,
        dataDir,
        testMode: flags['test-mode'],
        configFile: flags.config ? resolve(flags.config) : undefined,
      });
    } catch (error) {
      throw this.explain(error, flags.port, SandboxConfigError);
    }
    const info: SandboxStartInfo = {
      ok: true,
      event: 'started',
      url: sandbox.url,
      dataDir,
      testMode: flags['test-mode'],
      spaces: sandbox.config.spaces.map((s) => s.key),
      users: sandbox.config.users.map((u) => ({ email: u.email, token: u.token })),
    };
    if (!['127.0.0.1', 'localhost', '::1'].includes(flags.host)) {
      this.warn(
        `listening on ${flags.host}: the preview UI has no login, so anyone who can reach this port can read every page`,
      );
    }
    // Listening for Ctrl-C before saying "started": a tool that stops the sandbox as soon as it has
    // read the URL could otherwise kill it before the handler was there (exit without closing).
    const stopped = waitForSignal();
    const forget = recordRunningSandbox(dataDir, sandbox.url); // a publish into this folder points here
    if (this.jsonEnabled()) {
      // One JSON line now (tools read the URL from it), one more when stopped.
      this.logJson(info);
    } else {
      this.printBanner(info);
    }
    await stopped;
    forget();
    await sandbox.close();
    if (!this.jsonEnabled()) this.log('sandbox stopped');
    return { ...info, event: 'stopped' };
  }

  /**
   * With --json this command prints a stream of events, one JSON document a line (started, then
   * stopped or an error): oclif printed the last one over many lines, which a tool reading lines
   * (`while read`, `readline`) took for many broken documents.
   */
  override logJson(json: unknown): void {
    process.stdout.write(`${JSON.stringify(json)}\n`);
  }

  private printBanner(info: SandboxStartInfo): void {
    this.log(`docgen sandbox running at ${info.url}`);
    this.log(`  preview:    ${info.url}/`);
    this.log(`  Cloud API:  ${info.url}/wiki/api/v2  and  ${info.url}/wiki/rest/api`);
    this.log(`  DC API:     ${info.url}/rest/api`);
    this.log(`  spaces:     ${info.spaces.join(', ')}`);
    for (const user of info.users) this.log(`  user:       ${user.email}  token: ${user.token}`);
    this.log(`  data:       ${info.dataDir}`);
    if (info.testMode) this.log(`  test mode:  ${info.url}/__sandbox/faults, /__sandbox/requests, /__sandbox/reset`);
    this.log('Press Ctrl-C to stop.');
  }

  private explain(error: unknown, port: number, ConfigError: new (...args: never[]) => Error): Error {
    const err = error as NodeJS.ErrnoException & { file?: string; line?: number; reason?: string };
    if (error instanceof ConfigError) {
      return new DocgenError({
        code: 'DG_SANDBOX_CONFIG',
        // The location names the file: the message need not say it again.
        message: err.file && err.reason ? err.reason : err.message,
        location: err.file ? { file: err.file, line: err.line } : undefined,
        hint: 'fix the sandbox config (its format: the "Config file" section of @docgen/confluence-sandbox\'s README), or start without --config',
      });
    }
    if (err.code === 'EADDRINUSE') {
      return new DocgenError({
        code: 'DG_SANDBOX_PORT_IN_USE',
        message: `Port ${port} is already in use`,
        hint: 'stop the other process, choose another --port, or pass --port 0 for a free one',
      });
    }
    if (err.code === 'EACCES') {
      return new DocgenError({
        code: 'DG_SANDBOX_PORT_DENIED',
        message: `Not allowed to listen on port ${port}`,
        hint: 'use a port above 1024',
      });
    }
    return err;
  }
}

function waitForSignal(): Promise<void> {
  return new Promise((resolvePromise) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolvePromise();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
