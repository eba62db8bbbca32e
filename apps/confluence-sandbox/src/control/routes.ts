import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';
import { FaultRuleError, type FaultRule } from './faults.js';

/**
 * Test-mode control surface under `/__sandbox`: fault rules, the request log and a reset.
 * Registered only when the sandbox runs with `testMode: true`; otherwise these paths 404.
 */
export function registerControl(app: FastifyInstance, ctx: SandboxContext, reseed: () => void): void {
  app.get('/__sandbox/faults', async () => ({ rules: ctx.faults.list() }));

  app.post('/__sandbox/faults', async (request, reply) => {
    const body = request.body as FaultRule | FaultRule[] | { rules?: FaultRule[] } | undefined;
    const rules = Array.isArray(body)
      ? body
      : body && 'rules' in body && Array.isArray(body.rules)
        ? body.rules
        : body
          ? [body as FaultRule]
          : [];
    try {
      const added = ctx.faults.add(rules);
      return reply.code(201).send({ added, rules: ctx.faults.list() });
    } catch (error) {
      if (error instanceof FaultRuleError) return reply.code(400).send({ message: error.message });
      throw error;
    }
  });

  app.delete('/__sandbox/faults', async (_request, reply) => {
    ctx.faults.clear();
    return reply.code(204).send();
  });

  app.delete<{ Params: { id: string } }>('/__sandbox/faults/:id', async (request, reply) => {
    if (!ctx.faults.remove(request.params.id))
      return reply.code(404).send({ message: `No fault rule ${request.params.id}` });
    return reply.code(204).send();
  });

  app.get('/__sandbox/requests', async (request) => {
    const since = Number((request.query as { since?: string }).since ?? 0);
    return { requests: ctx.log.since(Number.isFinite(since) ? since : 0) };
  });

  app.delete('/__sandbox/requests', async (_request, reply) => {
    ctx.log.clear();
    return reply.code(204).send();
  });

  app.post('/__sandbox/reset', async (_request, reply) => {
    ctx.faults.clear();
    ctx.log.clear();
    ctx.store.reset();
    reseed();
    return reply.code(204).send();
  });
}
