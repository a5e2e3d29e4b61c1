import type { Language } from '../../domain/language.ts';

/** Texts of the embedded player's own refusals (Bahasa Indonesia first, English available). */
export const EMBED_MESSAGES = {
  id: {
    refusedTitle: 'Pemutar tidak dapat dimulai',
    notFramed:
      'Halaman ini untuk disematkan di situs penyedia pelatihan. Buka kursus dari situs penyedia Anda.',
    originNotAllowed: (origin: string) =>
      `Situs ${origin} tidak diizinkan menampilkan kursus ini. Buka kursus dari situs resmi penyedia.`,
    tokenRefused:
      'Tautan peluncuran tidak berlaku (kedaluwarsa atau salah). Buka kembali kursus dari situs penyedia.',
    courseUnknown: 'Kursus tidak ditemukan.',
    checkFailed: 'Izin penyematan tidak dapat diperiksa (tidak ada koneksi). Coba lagi nanti.',
  },
  en: {
    refusedTitle: 'The player cannot start',
    notFramed:
      "This page is meant to be embedded in a training provider's site. Open the course from your provider's site.",
    originNotAllowed: (origin: string) =>
      `The site ${origin} is not allowed to show this course. Open the course from the provider's own site.`,
    tokenRefused:
      "The launch link is not valid (expired or wrong). Open the course again from the provider's site.",
    courseUnknown: 'Course not found.',
    checkFailed: 'Embedding could not be checked (no connection). Try again later.',
  },
} satisfies Record<Language, Record<string, string | ((origin: string) => string)>>;
