import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { z } from 'zod';
import { requireStaff } from '../auth.js';

const prisma = new PrismaClient();
export const productsRouter = Router();

const ProductInput = z.object({
  sku: z.string().regex(/^[A-Z]{3}-\d{3,}$/),
  name: z.string().max(200),
  description: z.string().nullable().optional(),
  price: z.object({ amount: z.number().int(), currency: z.string().length(3) }),
  categorySlug: z.string().optional(),
  attributes: z.record(z.string()).optional(),
});

productsRouter.get('/products', async (req, res) => {
  const page = Number(req.query.page ?? 1);
  const pageSize = Math.min(Number(req.query.pageSize ?? 20), 100);
  const where = { status: (req.query.status as 'draft' | 'active' | 'archived') ?? 'active', categorySlug: req.query.category as string | undefined };
  const [items, total] = await Promise.all([
    prisma.product.findMany({ where, skip: (page - 1) * pageSize, take: pageSize }),
    prisma.product.count({ where }),
  ]);
  res.json({ items, page, total });
});

productsRouter.post('/products', requireStaff, async (req, res) => {
  const input = ProductInput.parse(req.body);
  const product = await prisma.product.create({
    data: { sku: input.sku, name: input.name, description: input.description, priceAmount: input.price.amount, priceCurrency: input.price.currency, categorySlug: input.categorySlug, attributes: input.attributes ?? {} },
  });
  res.status(201).location(`/catalog/v3/products/${product.id}`).json(product);
});

productsRouter.get('/products/:productId', async (req, res) => {
  const product = await prisma.product.findUnique({ where: { id: req.params.productId } });
  if (!product) return res.status(404).json({ type: 'about:blank', title: 'Not found', status: 404 });
  res.json(product);
});

productsRouter.patch('/products/:productId', requireStaff, async (req, res) => {
  const product = await prisma.product.update({ where: { id: req.params.productId }, data: req.body });
  res.json(product);
});

productsRouter.delete('/products/:productId', requireStaff, async (req, res) => {
  await prisma.product.update({ where: { id: req.params.productId }, data: { status: 'archived', archivedAt: new Date() } });
  res.status(204).end();
});

productsRouter.get('/products/:productId/inventory', requireStaff, async (req, res) => {
  res.json(await prisma.inventoryLevel.findMany({ where: { productId: req.params.productId } }));
});

productsRouter.put('/products/:productId/inventory', requireStaff, async (req, res) => {
  const { warehouse, onHand } = req.body as { warehouse: string; onHand: number };
  const level = await prisma.inventoryLevel.upsert({
    where: { productId_warehouse: { productId: req.params.productId, warehouse } },
    create: { productId: req.params.productId, warehouse, onHand },
    update: { onHand },
  });
  res.json(level);
});

productsRouter.get('/search', async (req, res) => {
  const q = String(req.query.q ?? '');
  const hits = await prisma.product.findMany({ where: { name: { contains: q, mode: 'insensitive' } }, take: Number(req.query.pageSize ?? 20) });
  res.json({ hits: hits.map((product) => ({ product, score: 1, highlights: [] })), total: hits.length });
});
