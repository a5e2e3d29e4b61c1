/** What the player says about the signal and data saver, in the participant's language. */
export const SIGNAL_MESSAGES = {
  id: {
    waiting: 'Menunggu sinyal…',
    waitingHint: 'Video lanjut sendiri saat sinyal kembali. Kemajuan Anda aman.',
    buffering: 'Memuat video… (sinyal lemah)',
    offlinePlaying: 'Tanpa sinyal · memutar bagian yang sudah dimuat',
    quality: 'Kualitas video',
    saver: 'hemat data',
  },
  en: {
    waiting: 'Waiting for signal…',
    waitingHint: 'The video goes on by itself when the signal returns. Your progress is safe.',
    buffering: 'Loading video… (weak signal)',
    offlinePlaying: 'No signal · playing what is already loaded',
    quality: 'Video quality',
    saver: 'data saver',
  },
} as const;

export type SignalLanguage = keyof typeof SIGNAL_MESSAGES;
