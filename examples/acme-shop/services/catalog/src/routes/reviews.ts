import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { requireCustomerOrStaff, requireStaff } from '../auth.js';

const prisma = new PrismaClient();
export const reviewsRouter = Router();

reviewsRouter.get('/products/:productId/reviews', async (req, res) => {
  const page = Number(req.query.page ?? 1);
  res.json(await prisma.review.findMany({ where: { productId: req.params.productId, state: 'published' }, orderBy: { publishedAt: 'desc' }, skip: (page - 1) * 20, take: 20 }));
});

reviewsRouter.post('/products/:productId/reviews', requireCustomerOrStaff, async (req, res) => {
  await prisma.review.create({ data: { ...req.body, productId: req.params.productId, customerId: res.locals.customerId } });
  res.status(202).end();
});

/** @deprecated moderation replaces deletion */
reviewsRouter.delete('/reviews/:reviewId', requireStaff, async (req, res) => {
  await prisma.review.delete({ where: { id: req.params.reviewId } });
  res.status(204).end();
});
