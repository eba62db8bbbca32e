import express from 'express';
import { cartsRouter } from './routes/carts.js';
import { ordersRouter } from './routes/orders.js';

export const app = express();
app.use(express.json());
app.use('/orders/v2', cartsRouter);
app.use('/orders/v2', ordersRouter);

if (process.env.NODE_ENV !== 'test') app.listen(Number(process.env.PORT ?? 3002));
