/**
 * Secrets never leave the process in text: every log line, error message and trace passes
 * through a Redactor that knows the token, the Basic header it produces and any Bearer value.
 */
export class Redactor {
  private readonly secrets: string[] = [];

  constructor(secrets: Array<string | undefined> = []) {
    for (const secret of secrets) this.add(secret);
  }

  add(secret: string | undefined): void {
    // Very short values would redact ordinary words; real tokens are long.
    if (!secret || secret.length < 6 || this.secrets.includes(secret)) return;
    this.secrets.push(secret);
    this.secrets.sort((a, b) => b.length - a.length);
  }

  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets) out = out.split(secret).join('***');
    // Belt and braces: any Authorization value that slipped into a string. A short plain word is
    // Atlassian's message ("Basic Authentication has been disabled"), not a credential: a capitalised word.
    return out.replace(/\b(Basic|Bearer)\s+([A-Za-z0-9+/=._~-]{8,})/g, (whole, scheme: string, value: string) =>
      /^[A-Z][a-z]{7,18}$/.test(value) ? whole : `${scheme} ***`,
    );
  }
}
