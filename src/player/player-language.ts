/**
 * Indonesian names for the video.js controls, keyed by the English strings video.js localizes,
 * so every control is announced and labelled in the participant's language. Only what our
 * control bar, menus, caption settings and error display show is listed.
 */
export const VIDEO_JS_INDONESIAN: Readonly<Record<string, string>> = {
  'Video Player': 'Pemutar video',
  'Play Video': 'Putar video',
  Play: 'Putar',
  Pause: 'Jeda',
  Replay: 'Putar ulang',
  'Current Time': 'Waktu saat ini',
  Duration: 'Durasi',
  'Remaining Time': 'Sisa waktu',
  Loaded: 'Dimuat',
  Progress: 'Kemajuan',
  'Progress Bar': 'Bilah kemajuan',
  'progress bar timing: currentTime={1} duration={2}': '{1} dari {2}',
  Fullscreen: 'Layar penuh',
  'Non-Fullscreen': 'Keluar dari layar penuh',
  'Exit Fullscreen': 'Keluar dari layar penuh',
  Mute: 'Bisukan',
  Unmute: 'Bunyikan',
  'Volume Level': 'Tingkat volume',
  'Playback Rate': 'Kecepatan putar',
  // Outside English video.js names its captions menu "Subtitles"; in Indonesian both are "Teks".
  Captions: 'Teks',
  'captions off': 'Teks mati',
  Subtitles: 'Teks',
  'subtitles off': 'Teks mati',
  'captions and subtitles off': 'Teks mati',
  'captions settings': 'Pengaturan teks',
  'subtitles settings': 'Pengaturan teks',
  ', opens captions settings dialog': ', membuka dialog pengaturan teks',
  ', opens subtitles settings dialog': ', membuka dialog pengaturan teks',
  ', selected': ', dipilih',
  'Audio Track': 'Trek audio',
  Chapters: 'Bab',
  Descriptions: 'Deskripsi',
  'descriptions off': 'Deskripsi mati',
  'Picture-in-Picture': 'Gambar dalam gambar',
  'Exit Picture-in-Picture': 'Keluar dari gambar dalam gambar',
  '{1} is loading.': '{1} sedang dimuat.',
  Close: 'Tutup',
  'Close Modal Dialog': 'Tutup dialog',
  'Modal Window': 'Jendela dialog',
  'This is a modal window': 'Ini jendela dialog',
  'This modal can be closed by pressing the Escape key or activating the close button.':
    'Dialog ini dapat ditutup dengan tombol Escape atau tombol tutup.',
  'Caption Settings Dialog': 'Dialog pengaturan teks',
  'Beginning of dialog window. Escape will cancel and close the window.':
    'Awal jendela dialog. Escape membatalkan dan menutup jendela.',
  'End of dialog window.': 'Akhir jendela dialog.',
  Text: 'Teks',
  Background: 'Latar',
  Window: 'Jendela',
  'Text Background': 'Latar teks',
  'Caption Area Background': 'Latar area teks',
  Color: 'Warna',
  Opacity: 'Keburaman',
  Transparent: 'Transparan',
  'Semi-Transparent': 'Semi-transparan',
  Opaque: 'Pekat',
  White: 'Putih',
  Black: 'Hitam',
  Red: 'Merah',
  Green: 'Hijau',
  Blue: 'Biru',
  Yellow: 'Kuning',
  Magenta: 'Magenta',
  Cyan: 'Sian',
  'Font Size': 'Ukuran huruf',
  'Font Family': 'Jenis huruf',
  'Text Edge Style': 'Gaya tepi teks',
  None: 'Tidak ada',
  Reset: 'Atur ulang',
  'restore all settings to the default values': 'kembalikan semua pengaturan ke bawaan',
  Done: 'Selesai',
  'No content': 'Tidak ada konten',
  'You aborted the media playback': 'Pemutaran media dibatalkan',
  'A network error caused the media download to fail part-way.':
    'Gangguan jaringan menghentikan unduhan video di tengah jalan.',
  'The media could not be loaded, either because the server or network failed or because the format is not supported.':
    'Video tidak dapat dimuat: server atau jaringan bermasalah, atau formatnya tidak didukung.',
  'The media playback was aborted due to a corruption problem or because the media used features your browser did not support.':
    'Pemutaran dihentikan karena berkas rusak atau memakai fitur yang tidak didukung peramban Anda.',
  'No compatible source was found for this media.':
    'Tidak ada sumber video yang cocok untuk peramban ini.',
};

export interface PlayerMessage {
  id: string;
  en: string;
}

/** What the UI tells the participant when the media fails, by HTML5 MediaError code. */
export function mediaErrorMessage(code: number | undefined): PlayerMessage {
  switch (code) {
    case 2:
      return {
        id: 'Jaringan terputus saat memuat video. Periksa koneksi lalu coba lagi.',
        en: 'The network failed while loading the video. Check your connection and try again.',
      };
    case 3:
      return {
        id: 'Video tidak dapat diputar di perangkat ini (berkas rusak atau tidak didukung).',
        en: 'The video cannot be played on this device (damaged or unsupported file).',
      };
    case 4:
      return {
        id: 'Video tidak dapat dimuat: server tidak menjawab atau formatnya tidak didukung.',
        en: 'The video could not be loaded: the server did not answer or the format is not supported.',
      };
    default:
      return { id: 'Pemutaran video terhenti.', en: 'Video playback stopped.' };
  }
}

export const HLS_ENGINE_FAILED: PlayerMessage = {
  id: 'Pemutar HLS gagal dimuat; video cadangan dipakai bila ada.',
  en: 'The HLS engine failed to load; the fallback video is used if there is one.',
};

export const SOURCE_TAMPERING: PlayerMessage = {
  id: 'Sumber video terus diganti dari luar pemutar. Muat ulang halaman.',
  en: 'The video source keeps being replaced from outside the player. Reload the page.',
};
