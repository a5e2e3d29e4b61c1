import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every whole-request error the API answers, in English and Indonesian. */
const MESSAGES = {
  'token-missing': [
    'Send the token as "Authorization: Bearer <token>".',
    'Kirim token sebagai "Authorization: Bearer <token>".',
  ],
  'token-malformed': ['The token is not a well-formed JWT.', 'Token bukan JWT yang valid.'],
  'token-algorithm': ['Only HS256 tokens are accepted.', 'Hanya token HS256 yang diterima.'],
  'token-signature-invalid': [
    'The token signature does not match: the token was altered or signed with another secret.',
    'Tanda tangan token tidak cocok: token telah diubah atau ditandatangani dengan kunci lain.',
  ],
  'token-expired': [
    'The token has expired; open the course again from the provider.',
    'Token sudah kedaluwarsa; buka kembali kursus dari penyedia.',
  ],
  'token-not-yet-valid': [
    'The token is not valid yet (nbf is in the future).',
    'Token belum berlaku (nbf di masa depan).',
  ],
  'token-claims-invalid': [
    'The token needs a participant id in "sub" (1-128 characters), an "exp", and a string "course" if any.',
    'Token wajib memuat id peserta di "sub" (1-128 karakter), "exp", dan "course" berupa teks bila ada.',
  ],
  'demo-token-refused': [
    'Demo tokens are not accepted: this server runs in provider mode and needs a launch token.',
    'Token demo tidak diterima: server ini berjalan dalam mode penyedia dan memerlukan token peluncuran.',
  ],
  // Launch tokens of providers kept in the database (docs/providers.md).
  'token-key-unknown': [
    'The token names a key id ("kid") this server does not know.',
    'Token memuat id kunci ("kid") yang tidak dikenal server ini.',
  ],
  'token-key-retired': [
    'The secret that signed this token has been retired; ask the provider for a new launch.',
    'Kunci yang menandatangani token ini sudah dinonaktifkan; minta peluncuran baru dari penyedia.',
  ],
  'token-key-superseded': [
    'The token was signed after its secret was rotated (or has no "iat"): sign with the current secret.',
    'Token ditandatangani setelah kuncinya diganti (atau tanpa "iat"): tanda tangani dengan kunci terbaru.',
  ],
  'token-issuer-invalid': [
    'The token\'s "iss" does not name the provider of its key.',
    '"iss" pada token tidak sesuai dengan penyedia pemilik kuncinya.',
  ],
  'course-other-provider': [
    'This course belongs to another provider; this token or key cannot reach it.',
    'Kursus ini milik penyedia lain; token atau kunci ini tidak dapat mengaksesnya.',
  ],
  'session-unavailable': [
    'Sessions are issued only in demo mode; open the course from the provider.',
    'Sesi hanya diberikan dalam mode demo; buka kursus dari penyedia.',
  ],
  'clock-ticket-invalid': [
    'clockTicket is not a ticket this server issued; ask again without it.',
    'clockTicket bukan tiket dari server ini; minta lagi tanpa tiket.',
  ],
  'rate-limited': [
    'Too many requests; wait for the time in Retry-After and send again. Nothing was lost.',
    'Terlalu banyak permintaan; tunggu sesuai Retry-After lalu kirim lagi. Tidak ada yang hilang.',
  ],
  'request-timeout': [
    'The server took too long to answer; send again (events already stored are recognised).',
    'Server terlalu lama menjawab; kirim lagi (event yang sudah tersimpan akan dikenali).',
  ],
  'not-ready': [
    'The server is not ready (database unreachable or schema not migrated).',
    'Server belum siap (basis data tidak terjangkau atau skema belum dimigrasi).',
  ],
  'course-required': ['Give the course id: ?course=ID.', 'Sertakan id kursus: ?course=ID.'],
  'course-unknown': ['No such course on this server.', 'Kursus tidak ditemukan di server ini.'],
  'course-not-allowed': ['This token is for another course.', 'Token ini untuk kursus lain.'],
  'participant-not-allowed': [
    "A token can only read its own participant's data.",
    'Token hanya dapat membaca data pesertanya sendiri.',
  ],
  'malformed-json': ['The body is not valid JSON.', 'Isi permintaan bukan JSON yang valid.'],
  'invalid-batch': [
    'The body must be a JSON object {"events": [...]}.',
    'Isi permintaan harus objek JSON {"events": [...]}.',
  ],
  'batch-too-large': [
    'A batch holds at most 500 events.',
    'Satu batch berisi paling banyak 500 event.',
  ],
  'payload-too-large': [
    'The body is larger than the limit (256 KB for events).',
    'Isi permintaan melebihi batas (256 KB untuk event).',
  ],
  'api-key-invalid': [
    'Send the provider report key in the X-Api-Key header.',
    'Kirim kunci laporan penyedia di header X-Api-Key.',
  ],
  'reports-disabled': [
    'Reports are disabled: RUNTUT_REPORT_KEY is not configured.',
    'Laporan dinonaktifkan: RUNTUT_REPORT_KEY belum diatur.',
  ],
  'embed-origin-required': [
    'Send the embedding page\'s origin: {"course": ID, "origin": "https://…"}.',
    'Kirim origin halaman penyemat: {"course": ID, "origin": "https://…"}.',
  ],
  'embed-origin-not-allowed': [
    'This site is not allowed to embed the course: the provider has not listed its origin.',
    'Situs ini tidak diizinkan menyematkan kursus: penyedia belum mendaftarkan origin-nya.',
  ],
  'embed-provider-mismatch': [
    'The launch token belongs to another provider than the course.',
    'Token peluncuran milik penyedia lain, bukan penyedia kursus ini.',
  ],
  'bad-format': ['format must be json or csv.', 'format harus json atau csv.'],
  'too-many-attempts': [
    'Too many wrong report keys from this address; wait for Retry-After seconds.',
    'Terlalu banyak kunci laporan yang salah dari alamat ini; tunggu sesuai Retry-After (detik).',
  ],
  'key-required': [
    'Send the provider report key as JSON {"key": "..."}.',
    'Kirim kunci laporan penyedia sebagai JSON {"key": "..."}.',
  ],
  'console-signed-out': [
    'Not signed in to the console (or the session expired).',
    'Belum masuk ke konsol (atau sesi sudah berakhir).',
  ],
  'bad-query': [
    'A query parameter is invalid (sort, order, limit, cursor or q).',
    'Ada parameter kueri yang tidak valid (sort, order, limit, cursor atau q).',
  ],
  'participant-unknown': [
    'No such participant in this course.',
    'Peserta tidak ditemukan di kursus ini.',
  ],
  'database-unavailable': [
    'The database is unavailable; nothing was stored. Try again later.',
    'Basis data tidak tersedia; tidak ada yang disimpan. Coba lagi nanti.',
  ],
  'not-found': ['No such API endpoint.', 'Endpoint API tidak ditemukan.'],
  'internal-error': [
    'Unexpected server error; nothing was stored.',
    'Kesalahan server tak terduga; tidak ada yang disimpan.',
  ],
} as const satisfies Record<string, readonly [string, string]>;

export type ApiErrorCode = keyof typeof MESSAGES;

export function apiErrorBody(code: ApiErrorCode) {
  const [message, messageId] = MESSAGES[code];
  return { error: { code, message, message_id: messageId } };
}

export function apiError(c: Context, status: ContentfulStatusCode, code: ApiErrorCode): Response {
  return c.json(apiErrorBody(code), status);
}
