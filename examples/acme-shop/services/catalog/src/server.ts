import express from 'express';
import { productsRouter } from './routes/products.js';
import { categoriesRouter } from './routes/categories.js';
import { reviewsRouter } from './routes/reviews.js';

export const app = express();
app.use(express.json());
app.use('/catalog/v3', productsRouter);
app.use('/catalog/v3', categoriesRouter);
app.use('/catalog/v3', reviewsRouter);

if (process.env.NODE_ENV !== 'test') app.listen(Number(process.env.PORT ?? 3001));
