import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { verifyPassword } from '../passwords.js';

const prisma = new PrismaClient();
export const sessionsRouter = Router();

sessionsRouter.post('/sessions', async (req, res) => {
  const customer = await prisma.customer.findUnique({ where: { email: req.body.email } });
  if (!customer || !(await verifyPassword(req.body.password, customer.passwordHash))) return res.status(401).end();
  res.cookie('acme_session', customer.id, { httpOnly: true, secure: true, sameSite: 'lax' }).status(204).end();
});

sessionsRouter.delete('/sessions/current', (_req, res) => {
  res.clearCookie('acme_session').status(204).end();
});

sessionsRouter.get('/api-keys', (_req, res) => {
  res.json([]);
});

sessionsRouter.post('/api-keys', (req, res) => {
  res.status(201).json({ id: 'key_1', name: req.body.name, prefix: 'ak_live_3f', scopes: req.body.scopes, secret: 'shown-once' });
});

sessionsRouter.delete('/api-keys/:keyId', (_req, res) => {
  res.status(204).end();
});
