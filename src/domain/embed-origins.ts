/**
 * Which pages may embed the player and talk to it: the origins a provider configured. An origin
 * is compared in its serialized form (`scheme://host[:port]`, lower case, no path), so
 * `https://Kursus.example/` and `https://kursus.example` are one origin, and
 * `https://kursus.example.evil.test` is not.
 */
export function normalizeOrigin(value: string): string | undefined {
  const match = /^(https?):\/\/([a-z0-9.-]+|\[[0-9a-f:.]+\])(?::(\d{1,5}))?\/?$/i.exec(
    value.trim(),
  );
  if (!match) return undefined;
  const [, scheme, host, port] = match;
  if (!scheme || !host) return undefined;
  const lowerScheme = scheme.toLowerCase();
  const defaultPort = lowerScheme === 'https' ? '443' : '80';
  const portPart = port && port !== defaultPort ? `:${Number(port)}` : '';
  return `${lowerScheme}://${host.toLowerCase()}${portPart}`;
}

export function isOriginAllowed(origin: string, allowed: readonly string[]): boolean {
  const given = normalizeOrigin(origin);
  if (!given) return false;
  return allowed.some((entry) => normalizeOrigin(entry) === given);
}

/** `frame-ancestors` sources for a provider: its origins, or `'none'` when it has none. */
export function frameAncestorsOf(allowed: readonly string[]): string[] {
  const origins = [
    ...new Set(allowed.map(normalizeOrigin).filter((o): o is string => o !== undefined)),
  ];
  return origins.length > 0 ? origins : ["'none'"];
}

export interface MessageSender {
  origin: string;
  /** Whether `event.source` is the frame's own parent window (not a sibling or a popup). */
  fromParent: boolean;
}

/** The frame listens to its parent only, and only on an origin the provider allows. */
export function acceptsHostMessage(sender: MessageSender, allowed: readonly string[]): boolean {
  return sender.fromParent && isOriginAllowed(sender.origin, allowed);
}
