/** The payment service provider's client (its SDK in production; a stub in local development). */
export const psp = {
  async authorize(_body: unknown, _idempotencyKey: string) {
    return { id: `pay_${Date.now().toString(36)}`, approved: true, reference: 'psp_ref', declineCode: null as string | null };
  },
  async capture(_reference: string, _amount: number) {},
  async refund(_reference: string, amount: number) {
    return { id: `re_${Date.now().toString(36)}`, amount };
  },
  async describeToken(token: string) {
    return { id: `pm_${token.slice(-6)}`, type: 'card', summary: { brand: 'visa', last4: '4242' } };
  },
};
