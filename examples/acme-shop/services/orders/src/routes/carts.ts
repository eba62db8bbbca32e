import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { checkout } from '../checkout.js';

const prisma = new PrismaClient();
export const cartsRouter = Router();
const inThirtyDays = () => new Date(Date.now() + 30 * 24 * 3600 * 1000);

cartsRouter.post('/carts', async (_req, res) => {
  res.status(201).json(await prisma.cart.create({ data: { expiresAt: inThirtyDays() }, include: { items: true } }));
});

cartsRouter.get('/carts/:cartId', async (req, res) => {
  const cart = await prisma.cart.findUnique({ where: { id: req.params.cartId }, include: { items: true } });
  if (!cart) return res.status(404).end();
  res.json(cart);
});

cartsRouter.post('/carts/:cartId/items', async (req, res) => {
  const { productId, quantity } = req.body as { productId: string; quantity: number };
  await prisma.cartItem.create({ data: { cartId: req.params.cartId, productId, quantity } });
  res.json(await prisma.cart.findUnique({ where: { id: req.params.cartId }, include: { items: true } }));
});

cartsRouter.delete('/carts/:cartId/items/:itemId', async (req, res) => {
  await prisma.cartItem.delete({ where: { id: req.params.itemId } });
  res.json(await prisma.cart.findUnique({ where: { id: req.params.cartId }, include: { items: true } }));
});

cartsRouter.post('/carts/:cartId/checkout', async (req, res) => {
  const order = await checkout(req.params.cartId, req.body, String(req.headers['idempotency-key']));
  res.status(201).json(order);
});
