import { Router } from 'express';

export const notificationsRouter = Router();
const templates = new Map<string, { key: string; locale: string; subject: string; body: string }>();

notificationsRouter.get('/templates', (_req, res) => {
  res.json([...templates.values()]);
});

notificationsRouter.put('/templates/:templateKey', (req, res) => {
  templates.set(req.params.templateKey, { ...req.body, key: req.params.templateKey });
  res.json(templates.get(req.params.templateKey));
});

notificationsRouter.post('/deliveries', (req, res) => {
  res.status(202).json({ id: `dlv_${Date.now().toString(36)}`, status: 'queued', channel: req.body.channel ?? 'email' });
});

notificationsRouter.get('/deliveries/:deliveryId', (req, res) => {
  res.json({ id: req.params.deliveryId, status: 'delivered', channel: 'email' });
});

notificationsRouter.get('/customers/:customerId/preferences', (_req, res) => {
  res.json({ email: { transactional: true, marketing: false }, sms: { transactional: true, marketing: false } });
});

notificationsRouter.put('/customers/:customerId/preferences', (req, res) => {
  res.json(req.body);
});
