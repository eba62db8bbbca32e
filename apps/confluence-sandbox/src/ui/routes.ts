import type { FastifyInstance } from 'fastify';
import type { SandboxContext } from '../context.js';

export function registerUi(app: FastifyInstance, ctx: SandboxContext): void {
  app.get('/', async (_request, reply) => {
    const spaces = ctx.store.listSpaces();
    return reply.type('text/html; charset=utf-8').send(`<!doctype html><title>docgen sandbox</title><ul>${spaces.map((s) => `<li>${s.key}</li>`).join('')}</ul>`);
  });
}
