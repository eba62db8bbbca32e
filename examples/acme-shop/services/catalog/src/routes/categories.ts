import { Router } from 'express';
import { PrismaClient } from '@prisma/client';
import { requireStaff } from '../auth.js';

const prisma = new PrismaClient();
export const categoriesRouter = Router();

categoriesRouter.get('/categories', async (_req, res) => {
  res.json(await prisma.category.findMany({ where: { parentSlug: null }, include: { children: true } }));
});

categoriesRouter.post('/categories', requireStaff, async (req, res) => {
  res.status(201).json(await prisma.category.create({ data: req.body }));
});

categoriesRouter.get('/categories/:slug', async (req, res) => {
  const category = await prisma.category.findUnique({ where: { slug: req.params.slug }, include: { parent: true, children: true } });
  if (!category) return res.status(404).end();
  res.json(category);
});
