import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { psp } from '../psp.js';

const prisma = new PrismaClient();
export const paymentsRouter = Router();

paymentsRouter.post('/payments', async (req, res) => {
  const authorization = await psp.authorize(req.body, String(req.headers['idempotency-key']));
  const payment = await prisma.payment.create({
    data: { id: authorization.id, orderId: req.body.orderId, status: authorization.approved ? 'authorized' : 'declined', amount: req.body.amount.amount, currency: req.body.amount.currency, pspReference: authorization.reference, declineCode: authorization.declineCode },
  });
  res.status(authorization.approved ? 201 : 402).json(payment);
});

paymentsRouter.get('/payments/:paymentId', async (req, res) => {
  res.json(await prisma.payment.findUniqueOrThrow({ where: { id: req.params.paymentId } }));
});

paymentsRouter.post('/payments/:paymentId/capture', async (req, res) => {
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: req.params.paymentId } });
  if (payment.status !== 'authorized') return res.status(409).end();
  const amount = req.body?.amount?.amount ?? payment.amount;
  await psp.capture(payment.pspReference, amount);
  res.json(await prisma.payment.update({ where: { id: payment.id }, data: { status: 'captured', capturedAmount: amount } }));
});

paymentsRouter.post('/refunds', async (req, res) => {
  const payment = await prisma.payment.findUniqueOrThrow({ where: { id: req.body.paymentId } });
  const refund = await psp.refund(payment.pspReference, req.body.amount?.amount ?? payment.capturedAmount);
  res.status(201).json(await prisma.refund.create({ data: { id: refund.id, paymentId: payment.id, amount: refund.amount } }));
});

paymentsRouter.get('/refunds/:refundId', async (req, res) => {
  res.json(await prisma.refund.findUniqueOrThrow({ where: { id: req.params.refundId } }));
});

paymentsRouter.get('/customers/:customerId/payment-methods', async (req, res) => {
  res.json(await prisma.paymentMethod.findMany({ where: { customerId: req.params.customerId }, orderBy: { isDefault: 'desc' } }));
});

paymentsRouter.post('/customers/:customerId/payment-methods', async (req, res) => {
  const method = await psp.describeToken(req.body.pspToken);
  res.status(201).json(await prisma.paymentMethod.create({ data: { id: method.id, customerId: req.params.customerId, type: method.type, pspToken: req.body.pspToken, summary: method.summary, isDefault: !!req.body.makeDefault } }));
});

paymentsRouter.delete('/payment-methods/:paymentMethodId', async (req, res) => {
  await prisma.paymentMethod.delete({ where: { id: req.params.paymentMethodId } });
  res.status(204).end();
});
