import { OUTBOX_BOUND } from '../../domain/outbox-bound.ts';

type Room = 'low' | 'full';

const count = (n: number, locale: string) => n.toLocaleString(locale);

/**
 * What a participant offline for a long time is told, before and when the outbox reaches its
 * bound. Nothing is dropped at the bound (progress of one lesson is merged), but the server then
 * sees less detail, so they are asked to connect first.
 */
export const OUTBOX_ROOM_MESSAGES: Record<
  'id' | 'en',
  Record<Room, (pending: number) => string>
> = {
  id: {
    low: (n) =>
      `Sudah lama tidak tersambung: ${count(n, 'id-ID')} catatan menunggu dikirim. Sambungkan ke internet sebentar agar progres terkirim. Mulai ${count(OUTBOX_BOUND, 'id-ID')} catatan, catatan per pelajaran digabung — tidak ada yang dihapus.`,
    full: (n) =>
      `${count(n, 'id-ID')} catatan menunggu dikirim: catatan baru kini digabung per pelajaran agar ruang di perangkat cukup. Tidak ada progres yang hilang; sambungkan ke internet agar terkirim.`,
  },
  en: {
    low: (n) =>
      `Offline for a long time: ${count(n, 'en-GB')} records are waiting to be sent. Connect to the internet briefly so your progress is sent. From ${count(OUTBOX_BOUND, 'en-GB')} records on, records of each lesson are merged — nothing is deleted.`,
    full: (n) =>
      `${count(n, 'en-GB')} records are waiting to be sent: new ones are now merged per lesson so the device does not run out of room. No progress is lost; connect to the internet to send it.`,
  },
};
