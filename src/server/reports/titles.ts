import type { LocalizedText } from '../../domain/course-manifest.ts';

/** Reports carry the Indonesian title: the programme's language of record. */
export const titleOf = (title: LocalizedText) => (typeof title === 'string' ? title : title.id);
