import express from 'express';
import { customersRouter } from './routes/customers.js';
import { sessionsRouter } from './routes/sessions.js';

export const app = express();
app.use(express.json());
app.use(express.urlencoded({ extended: false }));
app.use('/accounts/v4', customersRouter);
app.use('/accounts/v4', sessionsRouter);

if (process.env.NODE_ENV !== 'test') app.listen(Number(process.env.PORT ?? 3004));
