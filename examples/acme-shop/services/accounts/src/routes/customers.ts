import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { hashPassword } from '../passwords.js';

const prisma = new PrismaClient();
export const customersRouter = Router();

customersRouter.post('/customers', async (req, res) => {
  const { email, password, firstName, lastName, marketingOptIn } = req.body;
  if (await prisma.customer.findUnique({ where: { email } })) return res.status(409).end();
  const customer = await prisma.customer.create({ data: { email, passwordHash: await hashPassword(password), firstName, lastName, marketingOptIn } });
  res.status(201).json(customer);
});

customersRouter.get('/customers/me', async (_req, res) => {
  res.json(await prisma.customer.findUniqueOrThrow({ where: { id: res.locals.customerId } }));
});

customersRouter.get('/customers/:customerId', async (req, res) => {
  const customer = await prisma.customer.findUnique({ where: { id: req.params.customerId } });
  if (!customer) return res.status(404).end();
  res.json(customer);
});

customersRouter.patch('/customers/:customerId', async (req, res) => {
  res.json(await prisma.customer.update({ where: { id: req.params.customerId }, data: req.body }));
});

customersRouter.delete('/customers/:customerId', async (_req, res) => {
  // erasure runs in the nightly GDPR job
  res.status(202).end();
});

customersRouter.get('/customers/:customerId/addresses', async (req, res) => {
  res.json(await prisma.address.findMany({ where: { customerId: req.params.customerId } }));
});

customersRouter.post('/customers/:customerId/addresses', async (req, res) => {
  res.status(201).json(await prisma.address.create({ data: { ...req.body, customerId: req.params.customerId } }));
});

customersRouter.delete('/customers/:customerId/addresses/:addressId', async (req, res) => {
  await prisma.address.delete({ where: { id: req.params.addressId } });
  res.status(204).end();
});
