/** Texts of downloads and the Downloads view, Bahasa Indonesia first (own module: no collisions). */
import type { Language } from '../../domain/language.ts';

const id = {
  download: 'Unduh',
  /** The button's name starts with its visible text (WCAG 2.5.3), then says what and why. */
  downloadLabel: (visible: string, title: string) =>
    `${visible} — “${title}”, untuk ditonton tanpa sinyal`,
  deleteDownload: 'Hapus',
  deleteLabel: (title: string) => `Hapus unduhan “${title}”`,
  cancel: 'Batal',
  cancelLabel: (title: string) => `Batalkan unduhan “${title}”`,
  update: 'Perbarui',
  downloadAll: 'Unduh semua',
  downloadAllLabel: (size: string) => `Unduh semua pelajaran (${size})`,
  states: {
    none: '',
    queued: 'Menunggu giliran',
    downloading: 'Mengunduh',
    paused: 'Terhenti: menunggu sinyal, lanjut sendiri',
    complete: 'Tersimpan, bisa ditonton tanpa sinyal',
    error: 'Gagal diunduh',
    outdated: 'Ada versi baru; salinan lama tetap bisa ditonton',
  },
  progress: (done: string, total: string) => `${done} dari ${total}`,
  noSpace: (needed: string, left: string) =>
    `Ruang tidak cukup: perlu ${needed}, tersisa ${left}. Hapus unduhan lain atau kosongkan ruang, lalu coba lagi.`,
  noFiles: 'Pelajaran ini belum bisa diunduh: berkas kursusnya tidak menyebut berkas videonya.',
  integrityRetry: (file: string) =>
    `Berkas ${file} rusak atau berubah; dibuang dan diunduh ulang sekali.`,
  integrityFailed: (file: string) =>
    `Unduhan dihentikan: berkas ${file} tidak sama dengan yang dinyatakan kursus (ukuran atau SHA-256). Hubungi penyelenggara pelatihan.`,
  quotaFailed:
    'Ruang penyimpanan habis di tengah unduhan. Bagian yang belum selesai dihapus; progres belajar Anda tetap aman.',
  httpFailed: (file: string) => `Server tidak memberikan berkas ${file}. Coba lagi nanti.`,
  storageFailed: 'Unduhan tidak bisa disimpan di perangkat ini.',
  heading: 'Unduhan',
  empty: 'Belum ada pelajaran yang diunduh.',
  downloadedTotal: (size: string) => `Dipakai unduhan: ${size}`,
  spaceLeft: (size: string) => `Ruang tersisa: ${size}`,
  cacheSize: (size: string) => `Cadangan tontonan (yang sudah ditonton): ${size}`,
  clearCache: 'Kosongkan cadangan',
  deleteAll: 'Hapus semua unduhan',
  dataUsed: (today: string, month: string) =>
    `Data yang dipakai Runtut di perangkat ini: hari ini ${today}, bulan ini ${month}.`,
  persisted: 'Browser menjaga unduhan ini: tidak akan dihapus sendiri.',
  notPersisted:
    'Browser boleh menghapus unduhan bila ruang perangkat hampir habis. Memasang Runtut ke layar utama membuatnya lebih aman.',
  persistUnknown: 'Browser ini tidak memberi tahu apakah unduhan dijaga.',
  lockedNote: 'Pelajaran terkunci boleh diunduh, tetapi tetap terkunci: urutan tetap berlaku.',
  embeddedNote:
    'Kursus ini dibuka di dalam situs lain. Unduhan tersimpan untuk situs itu saja: buka kursus dari situs yang sama untuk menontonnya tanpa sinyal.',
};

export type DownloadMessages = typeof id;

const en: DownloadMessages = {
  download: 'Download',
  downloadLabel: (visible, title) => `${visible} — “${title}”, to watch without signal`,
  deleteDownload: 'Delete',
  deleteLabel: (title) => `Delete the download of “${title}”`,
  cancel: 'Cancel',
  cancelLabel: (title) => `Cancel downloading “${title}”`,
  update: 'Update',
  downloadAll: 'Download all',
  downloadAllLabel: (size) => `Download every lesson (${size})`,
  states: {
    none: '',
    queued: 'Waiting its turn',
    downloading: 'Downloading',
    paused: 'Paused: waiting for signal, resumes by itself',
    complete: 'Saved, plays without signal',
    error: 'Download failed',
    outdated: 'A new version exists; the old copy still plays',
  },
  progress: (done, total) => `${done} of ${total}`,
  noSpace: (needed, left) =>
    `Not enough space: needs ${needed}, ${left} left. Delete other downloads or free some space, then try again.`,
  noFiles: "This lesson can't be downloaded yet: its course file doesn't list its video files.",
  integrityRetry: (file) => `File ${file} was damaged or changed; discarded and fetched once more.`,
  integrityFailed: (file) =>
    `Download stopped: file ${file} is not what the course states (size or SHA-256). Contact the training provider.`,
  quotaFailed:
    'Storage ran out during the download. The unfinished part was removed; your learning progress is safe.',
  httpFailed: (file) => `The server did not deliver ${file}. Try again later.`,
  storageFailed: 'The download cannot be stored on this device.',
  heading: 'Downloads',
  empty: 'No lessons downloaded yet.',
  downloadedTotal: (size) => `Used by downloads: ${size}`,
  spaceLeft: (size) => `Space left: ${size}`,
  cacheSize: (size) => `Playback cache (what you watched): ${size}`,
  clearCache: 'Clear cache',
  deleteAll: 'Delete all downloads',
  dataUsed: (today, month) =>
    `Data Runtut used on this device: today ${today}, this month ${month}.`,
  persisted: 'The browser keeps these downloads: it will not delete them by itself.',
  notPersisted:
    'The browser may delete downloads when the device runs low on space. Installing Runtut to the home screen makes them safer.',
  persistUnknown: "This browser doesn't say whether downloads are kept.",
  lockedNote: 'Locked lessons may be downloaded, but they stay locked: the order still holds.',
  embeddedNote:
    'This course is open inside another site. Downloads are stored for that site only: open the course from the same site to watch without signal.',
};

export const DOWNLOAD_MESSAGES: Record<Language, DownloadMessages> = { id, en };

/** Sizes as people read them: "1,2 MB" / "1.2 MB". */
export function formatBytes(bytes: number, language: Language): string {
  const locale = language === 'id' ? 'id-ID' : 'en-GB';
  const mb = bytes / 1_000_000;
  if (mb >= 1000)
    return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(mb / 1000)} GB`;
  const digits = mb < 10 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(mb)} MB`;
}
