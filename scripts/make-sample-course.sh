#!/usr/bin/env bash
# Regenerates the sample course in public/courses/sample through the packaging tool: this
# script only makes synthetic source videos and SubRip captions, writes a course file, and runs
# `runtut course package` (HLS ladder + 240p MP4 per HLS lesson, posters, WebVTT, course.json
# with bytes and SHA-256 for every file) and `runtut course validate`. The output is committed,
# so only someone changing the sample needs ffmpeg (with libx264 and the DejaVu fonts).
#
# Every frame shows the lesson number, its title, and the media clock (mm:ss.d plus seconds and
# frame number), so a screenshot in an end-to-end test tells where playback really is; the rung
# playing shows as the picture's height (video.videoHeight). Each lesson has its own sine tone
# with a beep at every whole second. Lessons 1, 2, 4 and 5 are MP4 only; lesson 3 (tabungan) is
# HLS 240p + 360p with an MP4 fallback; lesson 6 (rencana, 2 min) is HLS 240p + 360p + 480p with
# an MP4 fallback.
#
# Re-running skips lessons whose sources come out byte-identical (the packager's build record);
# FORCE=1 re-encodes everything. Usage: scripts/make-sample-course.sh   (a few minutes)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/public/courses/sample"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

FONTS=/usr/share/fonts/truetype/dejavu
SANS="$FONTS/DejaVuSans.ttf"
SANS_BOLD="$FONTS/DejaVuSans-Bold.ttf"
MONO_BOLD="$FONTS/DejaVuSansMono-Bold.ttf"
FPS=25
LESSON_COUNT=6
# Sources are made at 480p, the top rung; the packager scales down.
SOURCE_W=854
SOURCE_H=480

for tool in ffmpeg ffprobe; do
  command -v "$tool" >/dev/null || { echo "needs $tool (apt-get install ffmpeg)" >&2; exit 1; }
done
[[ -f "$MONO_BOLD" ]] || { echo "needs $FONTS (apt-get install fonts-dejavu-core)" >&2; exit 1; }

# id|number|seconds|background|tone Hz|title (id)|title (en)
LESSONS=(
  "pengantar|1|8|0x1b5e20|330|Pengantar|Introduction"
  "anggaran|2|12|0x0d47a1|392|Menyusun Anggaran|Making a Budget"
  "tabungan|3|30|0x4a148c|440|Menabung untuk Usaha|Saving for Your Business"
  "pinjaman|4|40|0x8e2424|494|Pinjaman yang Sehat|Borrowing Wisely"
  "penutup|5|6|0x37474f|523|Penutup|Wrap-up"
  "rencana|6|120|0x004d40|587|Rencana Usaha Sederhana|A Simple Business Plan"
)

# The words on screen and the captions come from the same cues: start|end|Indonesian|English.
cues() {
  case "$1" in
    pengantar) cat <<'EOF'
0|4|Selamat datang di kursus literasi keuangan.|Welcome to the financial literacy course.
4|8|Ikuti pelajaran secara berurutan.|Follow the lessons in order.
EOF
      ;;
    anggaran) cat <<'EOF'
0|3|Anggaran adalah rencana uang usaha Anda.|A budget is your business's money plan.
3|6|Catat semua pemasukan setiap hari.|Record all income every day.
6|9|Catat juga semua pengeluaran.|Record every expense too.
9|12|Pisahkan uang usaha dan uang pribadi.|Keep business and personal money apart.
EOF
      ;;
    tabungan) cat <<'EOF'
0|5|Tabungan membuat usaha lebih tahan guncangan.|Savings help a business absorb shocks.
5|10|Sisihkan sebagian laba setiap minggu.|Set aside part of the profit every week.
10|15|Siapkan dana darurat untuk tiga bulan.|Build an emergency fund for three months.
15|20|Pakai rekening terpisah untuk tabungan.|Use a separate account for savings.
20|25|Sedikit tapi rutin lebih baik.|Small but regular is better.
25|30|Tinjau tabungan Anda setiap bulan.|Review your savings every month.
EOF
      ;;
    pinjaman) cat <<'EOF'
0|5|Pinjaman dapat membantu usaha tumbuh.|A loan can help a business grow.
5|10|Pinjamlah hanya untuk kebutuhan produktif.|Borrow only for productive needs.
10|15|Bandingkan bunga dan biaya beberapa lembaga.|Compare interest and fees across lenders.
15|20|Pastikan lembaganya diawasi OJK.|Make sure the lender is supervised by OJK.
20|25|Hitung cicilan sebelum menandatangani.|Work out the instalment before signing.
25|30|Cicilan sebaiknya di bawah 30% laba.|Keep instalments below 30% of profit.
30|35|Bayar cicilan tepat waktu.|Pay instalments on time.
35|40|Jangan berutang untuk menutup utang lain.|Never borrow to pay off another loan.
EOF
      ;;
    penutup) cat <<'EOF'
0|3|Selamat, kursus Anda selesai!|Congratulations, you finished the course!
3|6|Catat, menabung, dan pinjam dengan bijak.|Record, save and borrow wisely.
EOF
      ;;
    rencana) cat <<'EOF'
0|10|Tambahan: rencana usaha sederhana.|Extra: a simple business plan.
10|20|Tulis apa yang Anda jual dan kepada siapa.|Write down what you sell, and to whom.
20|30|Hitung modal yang Anda perlukan.|Work out the capital you need.
30|40|Perkirakan penjualan setiap bulan.|Estimate your sales for each month.
40|50|Kurangi biaya untuk melihat laba.|Subtract the costs to see the profit.
50|60|Tentukan harga yang menutup biaya.|Set a price that covers your costs.
60|70|Cari tahu harga pesaing Anda.|Find out what your competitors charge.
70|80|Rencanakan cara menarik pembeli.|Plan how to attract buyers.
80|90|Tetapkan target yang bisa diukur.|Set targets you can measure.
90|100|Periksa rencana setiap tiga bulan.|Review the plan every three months.
100|110|Ubah rencana bila keadaan berubah.|Change the plan when things change.
110|120|Rencana yang baik membuat usaha terarah.|A good plan keeps a business on course.
EOF
      ;;
  esac
}

field() { cut -d'|' -f"$2" <<<"$1"; }

# drawtext reads text from files so that %, ' and : in the words need no filtergraph escaping.
text_file() {
  local name=$1 content=$2
  printf '%s' "$content" >"$WORK/$name.txt"
  echo "$WORK/$name.txt"
}

# The video filter for one lesson at height h (sizes are designed at 360 and scaled).
video_filter() {
  local lesson=$1 h=$2
  local id number seconds title_id title_en
  id=$(field "$lesson" 1); number=$(field "$lesson" 2); seconds=$(field "$lesson" 3)
  title_id=$(field "$lesson" 6); title_en=$(field "$lesson" 7)
  s() { echo $(($1 * h / 360)); }

  local clock seconds_frame heading title subtitle
  # mm:ss.d of the media time; the epsilon keeps 1.0 from printing as 0.9.
  clock=$(text_file clock '%{eif:floor((t+0.0001)/60):d:2}:%{eif:mod(floor(t+0.0001),60):d:2}.%{eif:mod(floor((t+0.0001)*10),10):d}')
  seconds_frame=$(text_file "seconds-frame" 't = %{eif:floor(t+0.0001):d}.%{eif:mod(floor(t*100+0.5),100):d:2} s   frame %{n}')
  heading=$(text_file "$id-heading" "Pelajaran $number dari $LESSON_COUNT · Lesson $number of $LESSON_COUNT")
  title=$(text_file "$id-title" "$title_id")
  subtitle=$(text_file "$id-subtitle" "$title_en")

  local f="[0:v]"
  f+="drawtext=fontfile=$SANS:textfile=$heading:expansion=none:fontsize=$(s 18):fontcolor=white@0.85:x=$(s 16):y=$(s 14),"
  f+="drawtext=fontfile=$SANS_BOLD:textfile=$title:expansion=none:fontsize=$(s 40):fontcolor=white:x=(w-tw)/2:y=$(s 56),"
  f+="drawtext=fontfile=$SANS:textfile=$subtitle:expansion=none:fontsize=$(s 20):fontcolor=white@0.8:x=(w-tw)/2:y=$(s 106),"
  f+="drawtext=fontfile=$MONO_BOLD:textfile=$clock:expansion=normal:fontsize=$(s 72):fontcolor=white:box=1:boxcolor=black@0.35:boxborderw=$(s 8):x=(w-tw)/2:y=$(s 148),"
  f+="drawtext=fontfile=$MONO_BOLD:textfile=$seconds_frame:expansion=normal:fontsize=$(s 14):fontcolor=white@0.8:x=(w-tw)/2:y=$(s 236),"
  local n=0 start end words
  while IFS='|' read -r start end words _; do
    n=$((n + 1))
    words=$(text_file "$id-cue-$n" "$words")
    f+="drawtext=fontfile=$SANS_BOLD:textfile=$words:expansion=none:fontsize=$(s 20):fontcolor=white:x=(w-tw)/2:y=$(s 274):enable='between(t,$start,$end-0.001)',"
  done < <(cues "$id")
  # A progress bar along the bottom edge, full at the end of the lesson.
  f+="null[text];[text][2:v]overlay=x=-w+w*(t+1/$FPS)/$seconds:y=H-h:eval=frame:shortest=1[v]"
  echo "$f"
}

# One synthetic source: background, tone with a beep each second, progress-bar strip; encoded
# near-losslessly (it is only the packager's input and is not kept).
make_source() {
  local lesson=$1 out=$2 seconds color tone
  seconds=$(field "$lesson" 3); color=$(field "$lesson" 4); tone=$(field "$lesson" 5)
  ffmpeg -hide_banner -loglevel error -y \
    -f lavfi -i "color=c=$color:s=${SOURCE_W}x$SOURCE_H:r=$FPS:d=$seconds" \
    -f lavfi -i "sine=frequency=$tone:beep_factor=2:sample_rate=48000:duration=$seconds" \
    -f lavfi -i "color=c=0xffc107:s=${SOURCE_W}x$((SOURCE_H / 60)):r=$FPS:d=$seconds" \
    -filter_complex "$(video_filter "$lesson" "$SOURCE_H")" -map '[v]' -map 1:a \
    -c:v libx264 -threads 1 -preset veryfast -crf 16 -pix_fmt yuv420p -c:a pcm_s16le \
    -map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact "$out"
}

srt_time() { printf '00:%02d:%02d,000' $(($1 / 60)) $(($1 % 60)); }

# SubRip on purpose: the packager converts it to WebVTT.
write_srt() {
  local id=$1 column=$2 out=$3 n=0 line
  while IFS= read -r line; do
    n=$((n + 1))
    printf '%d\n%s --> %s\n%s\n\n' "$n" \
      "$(srt_time "$(field "$line" 1)")" "$(srt_time "$(field "$line" 2)")" "$(field "$line" "$column")"
  done < <(cues "$id") >"$out"
}

for lesson in "${LESSONS[@]}"; do
  id=$(field "$lesson" 1)
  echo "source $id" >&2
  make_source "$lesson" "$WORK/$id.mkv"
done
for id in anggaran tabungan pinjaman rencana; do write_srt "$id" 3 "$WORK/$id.id.srt"; done
for id in pinjaman rencana; do write_srt "$id" 4 "$WORK/$id.en.srt"; done

id_caption() { printf '      - { file: %s.id.srt, lang: id, label: Bahasa Indonesia, default: true }\n' "$1"; }
en_caption() { printf '      - { file: %s.en.srt, lang: en, label: English }\n' "$1"; }
lesson_yaml() {
  local lesson=$1 extra=$2 captions=$3 id
  id=$(field "$lesson" 1)
  printf '  - id: %s\n    title: { id: "%s", en: "%s" }\n    video: %s.mkv\n    posterAt: 0\n%s' \
    "$id" "$(field "$lesson" 6)" "$(field "$lesson" 7)" "$id" "$extra"
  if [[ -n $captions ]]; then printf '    captions:\n%s' "$captions"; fi
}

# The poster is frame 0, so it shows the same clock as a player that has not started.
{
  cat <<'EOF'
id: sample
title:
  id: Literasi Keuangan untuk Usaha Mikro
  en: Financial Literacy for Micro Businesses
provider: Runtut (contoh / sample)
pauseWhenHidden: true
lessons:
EOF
  lesson_yaml "${LESSONS[0]}" $'    delivery: mp4\n' ''
  lesson_yaml "${LESSONS[1]}" $'    delivery: mp4\n' "$(id_caption anggaran)"$'\n'
  lesson_yaml "${LESSONS[2]}" $'    rungs: [240, 360]\n' "$(id_caption tabungan)"$'\n'
  lesson_yaml "${LESSONS[3]}" $'    delivery: mp4\n' "$(id_caption pinjaman)"$'\n'"$(en_caption pinjaman)"$'\n'
  lesson_yaml "${LESSONS[4]}" $'    delivery: mp4\n' ''
  lesson_yaml "${LESSONS[5]}" $'    rungs: [240, 360, 480]\n' "$(id_caption rencana)"$'\n'"$(en_caption rencana)"$'\n'
} >"$WORK/course.yaml"

cd "$ROOT"
node src/cli/bin.mjs course package "$WORK/course.yaml" --out "$OUT" ${FORCE:+--force}
node src/cli/bin.mjs course validate "$OUT"
du -sh "$OUT" >&2
