/** User-facing text. Bahasa Indonesia is the default; English is a switch away. */
import type { Language } from '../../domain/language.ts';

export type { Language };

const id = {
  appName: 'Runtut',
  loadingCourse: 'Memuat kursus…',
  loadingPlayer: 'Memuat pemutar video…',
  outlineHeading: 'Daftar pelajaran',
  lessonLocked: 'Terkunci',
  lessonAvailable: 'Bisa ditonton',
  lessonCompleted: 'Selesai',
  lessonLockedHint: 'Selesaikan pelajaran sebelumnya untuk membuka pelajaran ini.',
  watchedShare: (percent: number) => `${percent}% ditonton`,
  lessonOf: (n: number, total: number) => `Pelajaran ${n} dari ${total}`,
  completedAt: (when: string) => `Selesai ${when}`,
  nextLesson: 'Lanjut ke pelajaran berikutnya',
  courseDone: 'Selamat! Semua pelajaran dalam kursus ini sudah selesai.',
  lockedRedirect: 'Pelajaran itu masih terkunci. Anda dibawa ke pelajaran yang bisa ditonton.',
  seekBlocked: 'Anda belum menonton bagian itu. Tonton dulu sampai ke sana.',
  rateBlocked: 'Kecepatan putar hanya bisa 0,5×, 0,75×, atau 1×.',
  speedToolDetected:
    'Ada alat pengubah kecepatan (mis. ekstensi browser) yang terus mempercepat video. Matikan alat itu agar pelajaran bisa berlanjut.',
  rulesNote:
    'Pelajaran harus ditonton berurutan, tidak bisa dilewati atau dipercepat. Anda boleh mundur untuk menonton ulang.',
  manifestErrorTitle: 'Kursus tidak dapat dibuka',
  manifestErrorIntro: 'Berkas kursus (course.json) bermasalah:',
  manifestFetchFailed: (status: string) => `Berkas kursus tidak dapat diambil (${status}).`,
  manifestNotJson: 'Berkas kursus bukan JSON yang valid.',
  courseNotFound: 'Kursus tidak ditemukan.',
  storageUnavailable:
    'Penyimpanan di perangkat ini tidak tersedia (mode penyamaran atau diblokir). Progres hanya tersimpan selama Anda online (dikirim ke server), tidak di perangkat; aturan tetap berlaku.',
  storageFull:
    'Penyimpanan perangkat penuh. Kosongkan ruang agar progres bisa tersimpan; aturan tetap berlaku.',
  mediaError: 'Video gagal dimuat. Periksa koneksi lalu coba lagi.',
  launchInvalid:
    'Tautan dari penyelenggara pelatihan tidak valid. Anda tetap bisa menonton, tetapi progres belum bisa dikirim. Buka lagi dari situs penyelenggara.',
  languageSwitch: 'English',
  languageSwitchLabel: 'Ganti bahasa ke English',
  skipToPlayer: 'Langsung ke pemutar',
};

export type Messages = typeof id;

const en: Messages = {
  appName: 'Runtut',
  loadingCourse: 'Loading course…',
  loadingPlayer: 'Loading the video player…',
  outlineHeading: 'Lessons',
  lessonLocked: 'Locked',
  lessonAvailable: 'Available',
  lessonCompleted: 'Completed',
  lessonLockedHint: 'Finish the previous lesson to unlock this one.',
  watchedShare: (percent) => `${percent}% watched`,
  lessonOf: (n, total) => `Lesson ${n} of ${total}`,
  completedAt: (when) => `Completed ${when}`,
  nextLesson: 'Go to the next lesson',
  courseDone: 'Congratulations! You have completed every lesson in this course.',
  lockedRedirect: 'That lesson is still locked. You were taken to the lesson you can watch.',
  seekBlocked: "You haven't watched that part yet. Keep watching to get there.",
  rateBlocked: 'Playback speed can only be 0.5×, 0.75× or 1×.',
  speedToolDetected:
    'A speed tool (such as a browser extension) keeps speeding the video up. Turn it off so the lesson can continue.',
  rulesNote:
    'Lessons must be watched in order and cannot be skipped or sped up. You may go back to re-watch.',
  manifestErrorTitle: 'The course cannot be opened',
  manifestErrorIntro: 'The course file (course.json) has problems:',
  manifestFetchFailed: (status) => `The course file could not be loaded (${status}).`,
  manifestNotJson: 'The course file is not valid JSON.',
  courseNotFound: 'Course not found.',
  storageUnavailable:
    'Storage on this device is unavailable (private mode or blocked). Progress is saved only while you are online (sent to the server), not on this device; the rules still apply.',
  storageFull:
    'Device storage is full. Free some space so progress can be saved; the rules still apply.',
  mediaError: 'The video failed to load. Check your connection and try again.',
  launchInvalid:
    "The training provider's link is not valid. You can still watch, but progress cannot be sent yet. Open the course again from the provider's site.",
  languageSwitch: 'Bahasa Indonesia',
  languageSwitchLabel: 'Switch language to Bahasa Indonesia',
  skipToPlayer: 'Skip to the player',
};

export const MESSAGES: Record<Language, Messages> = { id, en };

export function localeOf(language: Language): string {
  return language === 'id' ? 'id-ID' : 'en-GB';
}
