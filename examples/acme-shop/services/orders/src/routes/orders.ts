import { Router } from 'express';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
export const ordersRouter = Router();

ordersRouter.get('/orders', async (req, res) => {
  const page = Number(req.query.page ?? 1);
  const items = await prisma.order.findMany({ where: { status: req.query.status as never }, orderBy: { placedAt: 'desc' }, skip: (page - 1) * 20, take: 20 });
  res.json({ items, total: items.length });
});

ordersRouter.get('/orders/:orderId', async (req, res) => {
  const order = await prisma.order.findUnique({ where: { id: req.params.orderId }, include: { lines: true, shipments: true } });
  if (!order) return res.status(404).end();
  res.json(order);
});

ordersRouter.post('/orders/:orderId/cancel', async (req, res) => {
  const shipped = await prisma.shipment.count({ where: { orderId: req.params.orderId } });
  if (shipped) return res.status(409).json({ type: 'about:blank', title: 'Already shipped', status: 409 });
  res.json(await prisma.order.update({ where: { id: req.params.orderId }, data: { status: 'cancelled' } }));
});

ordersRouter.get('/orders/:orderId/shipments', async (req, res) => {
  res.json(await prisma.shipment.findMany({ where: { orderId: req.params.orderId } }));
});

ordersRouter.post('/orders/:orderId/shipments', async (req, res) => {
  const { carrier, trackingNumber } = req.body as { carrier: string; trackingNumber: string };
  res.status(201).json(await prisma.shipment.create({ data: { orderId: req.params.orderId, carrier, trackingNumber } }));
});

ordersRouter.post('/orders/:orderId/returns', async (req, res) => {
  res.status(201).json(await prisma.return.create({ data: { orderId: req.params.orderId, reason: req.body.reason } }));
});

ordersRouter.get('/returns/:returnId', async (req, res) => {
  const found = await prisma.return.findUnique({ where: { id: req.params.returnId } });
  if (!found) return res.status(404).end();
  res.json(found);
});
