import type { NextFunction, Request, Response } from 'express';

/** Staff calls carry a JWT from the accounts service. */
export function requireStaff(req: Request, res: Response, next: NextFunction): void {
  if (!req.headers.authorization?.startsWith('Bearer ')) {
    res.status(401).json({ type: 'about:blank', title: 'Unauthorized', status: 401 });
    return;
  }
  next();
}

/** Customers come with the storefront session cookie. */
export function requireCustomerOrStaff(req: Request, res: Response, next: NextFunction): void {
  if (req.headers.cookie?.includes('acme_session=')) {
    res.locals.customerId = 'from-session';
    return next();
  }
  requireStaff(req, res, next);
}
