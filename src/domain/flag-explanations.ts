import type { CreditFlag } from './pace-check.ts';

/**
 * Every credit flag in plain words, for a provider answering "I watched it all": what the
 * server did not credit, and why. Consistent with docs/server-checks.md (the limits table).
 */
export interface FlagExplanation {
  id: string;
  en: string;
}

export const FLAG_EXPLANATIONS: Record<CreditFlag, FlagExplanation> = {
  'pace:too-fast': {
    id: 'Perangkat mengaku memutar lebih banyak video daripada waktu yang berlalu (lebih cepat dari 1× ditambah toleransi 5% dan 2 detik). Kelebihannya tidak dihitung; bagian itu harus ditonton ulang.',
    en: 'The device claimed more video than the time that passed allows (faster than 1× plus 5% and 2 s). The excess was not credited; that part has to be watched again.',
  },
  'pace:segments-exceed-played': {
    id: 'Bagian yang dilaporkan bertambah lebih banyak daripada yang perangkat katakan telah diputar. Selisihnya tidak dihitung.',
    en: 'The reported segments grew by more than the device said it played. The difference was not credited.',
  },
  'pace:exceeds-wall-clock': {
    id: 'Total tontonan peserta melebihi waktu sejak server pertama kali mengenal peserta ini. Kelebihannya tidak dihitung (misalnya diputar offline sebelum tautan dibuka).',
    en: 'The participant’s total watching exceeded the time since the server first knew this participant. The excess was not credited (for example, played offline before the launch).',
  },
  'overlap:other-device': {
    id: 'Menit yang sama juga diputar di perangkat lain. Menit itu hanya dihitung sekali, untuk perangkat yang dilaporkan lebih dulu.',
    en: 'The same minutes were also played on another device. They were credited once, to the device reported first.',
  },
  'overlap:other-lesson': {
    id: 'Pada menit yang sama perangkat ini juga memutar pelajaran lain. Menit itu hanya dihitung sekali.',
    en: 'In the same minutes this device also played another lesson. Those minutes were credited once.',
  },
  'completion:unconfirmed': {
    id: 'Perangkat melaporkan pelajaran selesai, tetapi bagian yang dihitung server belum cukup. Pelajaran belum dianggap selesai.',
    en: 'The device reported the lesson finished, but the server’s credited part was not enough. The lesson was not counted as complete.',
  },
  'order:earlier-incomplete': {
    id: 'Pelajaran ini sudah cukup ditonton, tetapi pelajaran sebelumnya belum selesai. Pelajaran ini selesai begitu pelajaran sebelumnya selesai.',
    en: 'This lesson was watched enough, but an earlier lesson was not complete yet. It completes as soon as the earlier one does.',
  },
};

/** Explanation of a stored flag; flags this build does not know are shown by name. */
export function explainFlag(flag: string, language: 'id' | 'en'): string {
  const known = (FLAG_EXPLANATIONS as Record<string, FlagExplanation | undefined>)[flag];
  return known ? known[language] : flag;
}
