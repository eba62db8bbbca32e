import express from 'express';
import { paymentsRouter } from './routes/payments.js';

export const app = express();
app.use(express.json());
app.use('/payments/v1', paymentsRouter);

if (process.env.NODE_ENV !== 'test') app.listen(Number(process.env.PORT ?? 3003));
