/**
 * A YAML parse error as safe text: the reason and `line N, column M`, without the code frame the
 * `yaml` package appends (it quotes the source line, which may hold a secret such as a password).
 */
export function yamlErrorText(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const first = (message.split('\n')[0] ?? '').replace(/:\s*$/, '');
  const pos = (err as { linePos?: Array<{ line: number; col: number }> }).linePos?.[0];
  if (pos && !/ at line \d+/.test(first)) return `${first} at line ${pos.line}, column ${pos.col}`;
  return first;
}
