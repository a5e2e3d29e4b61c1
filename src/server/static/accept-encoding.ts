/** The encodings the server can send a text asset in, best first. */
export type ContentCoding = 'br' | 'gzip' | 'identity';

const PREFERENCE: readonly ContentCoding[] = ['br', 'gzip', 'identity'];

/**
 * Picks the coding for an `Accept-Encoding` header (RFC 9110 §12.5.3): the highest q-value
 * wins, brotli before gzip on a tie, `*` stands for any coding not named, `q=0` refuses one
 * (identity too, though we still send identity then rather than a 406: a page that loads beats
 * a correct refusal). No header means identity.
 */
export function chooseEncoding(header: string | undefined): ContentCoding {
  if (!header) return 'identity';
  const named = new Map<string, number>();
  for (const part of header.split(',')) {
    const [rawName = '', ...params] = part.toLowerCase().split(';');
    const name = rawName.trim();
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    const value = q === undefined ? 1 : Number(q);
    named.set(name === 'x-gzip' ? 'gzip' : name, Number.isFinite(value) ? value : 0);
  }
  const star = named.get('*');
  const weight = (coding: ContentCoding) =>
    named.get(coding) ?? (coding === 'identity' ? (star ?? 0.001) : (star ?? 0));
  let best: ContentCoding = 'identity';
  let bestWeight = 0;
  for (const coding of PREFERENCE) {
    const w = weight(coding);
    if (w > bestWeight) {
      best = coding;
      bestWeight = w;
    }
  }
  return best;
}
