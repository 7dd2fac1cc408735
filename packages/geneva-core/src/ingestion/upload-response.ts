/** Reads the gateway's success body (`{"ticket": "..."}`). */
export function parseTicket(body: string): string | undefined {
  if (!body) return undefined;
  try {
    const json = JSON.parse(body) as { ticket?: unknown } | null;
    const ticket = json?.ticket;
    return typeof ticket === 'string' && ticket !== '' ? ticket : undefined;
  } catch {
    return undefined;
  }
}
