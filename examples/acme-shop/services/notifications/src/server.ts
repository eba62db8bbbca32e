import express from 'express';
import { notificationsRouter } from './routes/notifications.js';

export const app = express();
app.use(express.json());
app.use('/notifications/v1', notificationsRouter);

if (process.env.NODE_ENV !== 'test') app.listen(Number(process.env.PORT ?? 3005));
