import type { AddressInfo } from 'node:net';
import { defaultConfig, loadSandboxConfig, toUsers, validateSandboxConfig, type SandboxConfig } from './config.js';
import type { SandboxContext } from './context.js';
import { FaultInjector } from './control/faults.js';
import { RequestLog } from './control/request-log.js';
import { buildServer } from './server.js';
import { Store } from './store/store.js';

export type { SandboxConfig, SandboxSpaceConfig, SandboxUserConfig, SpacePermission } from './config.js';
export { defaultConfig, loadSandboxConfig, validateSandboxConfig, SandboxConfigError } from './config.js';
export type { FaultRule, ActiveFaultRule } from './control/faults.js';
export type { LoggedRequest } from './control/request-log.js';
export { checkStorageXhtml } from './xhtml.js';
export { parseCql, CqlError } from './cql/parse.js';

/** Where `docgen sandbox start` (and a publish with no Confluence URL) keeps the sandbox, relative to the cwd. */
export const DEFAULT_SANDBOX_DIR = '.docgen/sandbox';

/** The preview UI path of a page, relative to `Sandbox.url`. */
export const previewPath = (pageId: string | number): string => `/ui/pages/${pageId}`;

export interface SandboxOptions {
  /** Port to listen on; 0 (default) picks a free one. */
  port?: number;
  /** Interface to bind; default 127.0.0.1 (the sandbox has no TLS and is meant for this machine). */
  host?: string;
  /** Folder for `sandbox.db`; undefined keeps everything in memory. */
  dataDir?: string;
  /** Enables `/__sandbox/*` (faults, request log, reset). */
  testMode?: boolean;
  /** Spaces, users and their permissions; defaults to space DEV and dev@example.com / sandbox-token. */
  config?: SandboxConfig;
  /** A JSON file with the same shape as `config` (used when `config` is not given). */
  configFile?: string;
  /**
   * Serve as a Data Center whose context path is this (`/wiki`, as some self-hosted sites have): its
   * REST API (`/rest/api`) under it, and no Cloud API (`/wiki/api/v2` answers 404).
   */
  dataCenterContextPath?: string;
}

export interface Sandbox {
  /** Origin of the server, e.g. `http://127.0.0.1:43121`; Cloud APIs live under `/wiki`. */
  url: string;
  port: number;
  /** The configuration in force (spaces and users), to print or to build credentials from. */
  config: SandboxConfig;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const config = options.config
    ? validateSandboxConfig(options.config)
    : options.configFile
      ? loadSandboxConfig(options.configFile)
      : defaultConfig;
  const users = toUsers(config);
  const store = new Store(options.dataDir);
  const testMode = options.testMode === true;
  const ctx: SandboxContext = {
    store,
    users,
    config,
    testMode,
    faults: new FaultInjector(),
    log: new RequestLog(),
    dataCenterContextPath: options.dataCenterContextPath,
  };
  const seed = () => {
    store.seed(config, users);
    if (testMode && config.faults?.length) ctx.faults.add(config.faults);
  };
  seed();
  const app = await buildServer(ctx, seed);
  const host = options.host ?? '127.0.0.1';
  try {
    await app.listen({ port: options.port ?? 0, host });
  } catch (error) {
    store.close();
    throw error;
  }
  const port = (app.server.address() as AddressInfo).port;
  const printableHost = host.includes(':') ? `[${host}]` : host === '0.0.0.0' ? '127.0.0.1' : host;
  let closed = false;
  return {
    url: `http://${printableHost}:${port}`,
    port,
    config,
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
      store.close();
    },
  };
}
