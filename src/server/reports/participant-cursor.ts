import { z } from 'zod';

/**
 * Keyset pagination for the participants table: the cursor is the sort key of the last row
 * shown (base64url JSON), so page 1,000 costs what page 1 costs and rows arriving meanwhile
 * neither repeat nor go missing. Opaque to clients.
 */
export type ParticipantSort = 'activity' | 'progress';
export type SortOrder = 'asc' | 'desc';

const activityKey = z.tuple([z.iso.datetime(), z.string()]);
const progressKey = z.tuple([z.number().int(), z.number(), z.string()]);

export type SortKey = z.infer<typeof activityKey> | z.infer<typeof progressKey>;

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string, sort: ParticipantSort): SortKey | undefined {
  try {
    const raw: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const parsed = (sort === 'activity' ? activityKey : progressKey).safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface ParticipantQuery {
  sort: ParticipantSort;
  order: SortOrder;
  /** Participant id prefix; '' for all. */
  q: string;
  limit: number;
  after: SortKey | undefined;
}

export const MAX_PAGE = 1000;
export const MAX_CSV_PAGE = 10_000;

const querySchema = z.object({
  sort: z.enum(['activity', 'progress']).default('activity'),
  order: z.enum(['asc', 'desc']).default('desc'),
  q: z.string().max(128).default(''),
  limit: z.coerce.number().int().min(1).default(50),
  cursor: z.string().max(1024).optional(),
});

/** The query string of GET …/participants, or undefined when any parameter is invalid. */
export function parseParticipantQuery(
  input: Record<string, string>,
  maxLimit: number,
): ParticipantQuery | undefined {
  const parsed = querySchema.safeParse(input);
  if (!parsed.success || parsed.data.limit > maxLimit) return undefined;
  const { cursor, ...rest } = parsed.data;
  const after = cursor ? decodeCursor(cursor, rest.sort) : undefined;
  if (cursor && !after) return undefined;
  return { ...rest, q: rest.q.trim(), after };
}
