#!/usr/bin/env bash
# Regenerates the sample course in public/courses/sample: course.json, MP4 lessons, one HLS
# lesson with a low-bandwidth ladder, WebVTT captions and posters. The output is committed, so
# only someone changing the sample needs ffmpeg (with libx264 and the DejaVu fonts).
#
# Every frame shows the lesson number, its title, the media clock (mm:ss.d plus seconds and
# frame number) and how it was delivered (MP4 360p, HLS 240p, HLS 360p), so a screenshot in an
# end-to-end test tells where playback really is and which rendition played. Each lesson has
# its own sine tone with a beep at every whole second. Keyframes come every second (25 frames)
# so seeks land precisely; HLS segments are 2 s.
#
# Output is deterministic for a given ffmpeg build: single-threaded x264, bitexact muxing, no
# metadata. Usage: scripts/make-sample-course.sh   (takes about a minute)
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OUT="$ROOT/public/courses/sample"
MEDIA="$OUT/media"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

FONTS=/usr/share/fonts/truetype/dejavu
SANS="$FONTS/DejaVuSans.ttf"
SANS_BOLD="$FONTS/DejaVuSans-Bold.ttf"
MONO_BOLD="$FONTS/DejaVuSansMono-Bold.ttf"
FPS=25
HLS_SEGMENT_SECONDS=2
LESSON_COUNT=5

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
  local lesson=$1 w=$2 h=$3 delivery=$4
  local id number seconds title_id title_en
  id=$(field "$lesson" 1); number=$(field "$lesson" 2); seconds=$(field "$lesson" 3)
  title_id=$(field "$lesson" 6); title_en=$(field "$lesson" 7)
  s() { echo $(($1 * h / 360)); }

  local clock seconds_frame heading title subtitle label
  # mm:ss.d of the media time; the epsilon keeps 1.0 from printing as 0.9.
  clock=$(text_file clock '%{eif:floor((t+0.0001)/60):d:2}:%{eif:mod(floor(t+0.0001),60):d:2}.%{eif:mod(floor((t+0.0001)*10),10):d}')
  seconds_frame=$(text_file "seconds-frame" 't = %{eif:floor(t+0.0001):d}.%{eif:mod(floor(t*100+0.5),100):d:2} s   frame %{n}')
  heading=$(text_file "$id-heading" "Pelajaran $number dari $LESSON_COUNT · Lesson $number of $LESSON_COUNT")
  title=$(text_file "$id-title" "$title_id")
  subtitle=$(text_file "$id-subtitle" "$title_en")
  label=$(text_file "label-${delivery// /-}" "$delivery")

  local f="[0:v]"
  f+="drawtext=fontfile=$SANS:textfile=$heading:expansion=none:fontsize=$(s 18):fontcolor=white@0.85:x=$(s 16):y=$(s 14),"
  f+="drawtext=fontfile=$SANS_BOLD:textfile=$label:expansion=none:fontsize=$(s 18):fontcolor=yellow:x=w-tw-$(s 16):y=$(s 14),"
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

# Synthetic inputs: background, tone with a beep each second, progress-bar strip.
lavfi_inputs() {
  local lesson=$1 w=$2 h=$3 seconds color tone
  seconds=$(field "$lesson" 3); color=$(field "$lesson" 4); tone=$(field "$lesson" 5)
  echo -f lavfi -i "color=c=$color:s=${w}x$h:r=$FPS:d=$seconds" \
    -f lavfi -i "sine=frequency=$tone:beep_factor=2:sample_rate=48000:duration=$seconds" \
    -f lavfi -i "color=c=0xffc107:s=${w}x$((h / 60)):r=$FPS:d=$seconds"
}

# Shared encoder settings: H.264 Main 3.0, a keyframe every second, AAC-LC mono.
X264=(-c:v libx264 -threads 1 -profile:v main -level:v 3.0 -pix_fmt yuv420p
  -g "$FPS" -keyint_min "$FPS" -sc_threshold 0 -bf 2)
BITEXACT=(-map_metadata -1 -fflags +bitexact -flags:v +bitexact -flags:a +bitexact)

encode_mp4() {
  local lesson=$1 out=$2
  # shellcheck disable=SC2046  # lavfi_inputs prints separate words on purpose
  ffmpeg -hide_banner -loglevel error -y $(lavfi_inputs "$lesson" 640 360) \
    -filter_complex "$(video_filter "$lesson" 640 360 'MP4 360p')" -map '[v]' -map 1:a \
    "${X264[@]}" -preset veryslow -crf 30 -maxrate 400k -bufsize 800k \
    -c:a aac -b:a 48k -ac 1 "${BITEXACT[@]}" -movflags +faststart "$out"
}

# One HLS rung: constant-bitrate video (x264 NAL HRD with filler) so the measured bitrate is
# the bitrate a slow connection really has to carry.
encode_hls_rung() {
  local lesson=$1 dir=$2 w=$3 h=$4 video_kbps=$5 audio_kbps=$6 name
  name=$(basename "$dir")
  mkdir -p "$dir"
  # shellcheck disable=SC2046
  ffmpeg -hide_banner -loglevel error -y $(lavfi_inputs "$lesson" "$w" "$h") \
    -filter_complex "$(video_filter "$lesson" "$w" "$h" "HLS $name")" -map '[v]' -map 1:a \
    "${X264[@]}" -preset slow -b:v "${video_kbps}k" -minrate "${video_kbps}k" \
    -maxrate "${video_kbps}k" -bufsize "$((video_kbps * 2))k" -x264-params nal-hrd=cbr:force-cfr=1 \
    -c:a aac -b:a "${audio_kbps}k" -ac 1 "${BITEXACT[@]}" \
    -f hls -hls_time "$HLS_SEGMENT_SECONDS" -hls_playlist_type vod -hls_segment_type mpegts \
    -hls_flags independent_segments -hls_segment_filename "$dir/seg-%03d.ts" "$dir/index.m3u8"
}

# BANDWIDTH is the peak segment bitrate (RFC 8216 §4.3.4.2), AVERAGE-BANDWIDTH the mean.
stream_inf() {
  local dir=$1 resolution=$2 codecs=$3
  awk -v dir="$dir" -v res="$resolution" -v codecs="$codecs" -v fps="$FPS" '
    /^#EXTINF:/ { sub(/^#EXTINF:/, ""); sub(/,.*/, ""); duration = $0 + 0; next }
    /^seg-/ {
      cmd = "stat -c %s \"" dir "/" $0 "\""; cmd | getline bytes; close(cmd)
      bits = bytes * 8; rate = bits / duration
      if (rate > peak) peak = rate
      total_bits += bits; total_seconds += duration
    }
    END {
      printf "#EXT-X-STREAM-INF:BANDWIDTH=%d,AVERAGE-BANDWIDTH=%d,RESOLUTION=%s,CODECS=\"%s\",FRAME-RATE=%.3f\n",
        peak + 0.999, total_bits / total_seconds + 0.999, res, codecs, fps
    }' "$dir/index.m3u8"
}

# RFC 6381 codec string from the stream's own SPS: avc1.PPCCLL (profile, constraint flags, level).
avc_codec() {
  ffmpeg -hide_banner -i "$1" -map 0:v:0 -c copy -frames:v 1 -bsf:v trace_headers -f null - 2>&1 |
    awk '/ profile_idc / && !p { p = $NF }
      /constraint_set[0-5]_flag/ && n < 6 { c += $NF * 2 ^ (7 - n); n++ }
      / level_idc / && !l { l = $NF }
      END { printf "avc1.%02x%02x%02x", p, c, l }'
}

make_hls() {
  local lesson=$1 dir=$2
  encode_hls_rung "$lesson" "$dir/240p" 426 240 110 32
  encode_hls_rung "$lesson" "$dir/360p" 640 360 305 48
  local codecs
  codecs="$(avc_codec "$dir/240p/seg-000.ts"),mp4a.40.2"
  {
    echo '#EXTM3U'
    echo '#EXT-X-VERSION:3'
    echo '#EXT-X-INDEPENDENT-SEGMENTS'
    # The lowest rung first: players start with the first listed variant.
    stream_inf "$dir/240p" 426x240 "$codecs"
    echo '240p/index.m3u8'
    stream_inf "$dir/360p" 640x360 "$codecs"
    echo '360p/index.m3u8'
  } >"$dir/master.m3u8"
}

vtt_time() { printf '00:%02d:%02d.000' $(($1 / 60)) $(($1 % 60)); }

write_vtt() {
  local id=$1 column=$2 out=$3 n=0 line
  {
    echo 'WEBVTT'
    while IFS= read -r line; do
      n=$((n + 1))
      printf '\n%s-%d\n%s --> %s\n%s\n' "$id" "$n" \
        "$(vtt_time "$(field "$line" 1)")" "$(vtt_time "$(field "$line" 2)")" "$(field "$line" "$column")"
    done < <(cues "$id")
  } >"$out"
}

# Seconds as the browser reports them: the container duration, to 0.01 s.
media_seconds() {
  ffprobe -v error -show_entries format=duration -of csv=p=0 "$1" | awk '{ printf "%.2f", $1 }'
}

hls_seconds() {
  awk -F'[:,]' '/^#EXTINF:/ { total += $2 } END { printf "%.2f", total }' "$1"
}

rm -rf "$MEDIA"
mkdir -p "$MEDIA/posters" "$OUT/captions"

for lesson in "${LESSONS[@]}"; do
  id=$(field "$lesson" 1)
  echo "lesson $id" >&2
  encode_mp4 "$lesson" "$MEDIA/$id.mp4"
  # The poster is frame 0, so it shows the same clock as a player that has not started.
  ffmpeg -hide_banner -loglevel error -y -i "$MEDIA/$id.mp4" -frames:v 1 -q:v 6 \
    "${BITEXACT[@]}" "$MEDIA/posters/$id.jpg"
done
make_hls "${LESSONS[2]}" "$MEDIA/tabungan"

for id in anggaran tabungan pinjaman; do write_vtt "$id" 3 "$OUT/captions/$id.id.vtt"; done
write_vtt pinjaman 4 "$OUT/captions/pinjaman.en.vtt"

# The manifest. durationSeconds is what the media reports, so completion rules match playback.
seconds_of() { media_seconds "$MEDIA/$1.mp4"; }
hls_tabungan=$(hls_seconds "$MEDIA/tabungan/240p/index.m3u8")
mp4_tabungan=$(seconds_of tabungan)
awk -v a="$hls_tabungan" -v b="$mp4_tabungan" 'BEGIN { d = a - b; exit (d > 0.1 || d < -0.1) }' ||
  { echo "HLS ($hls_tabungan s) and MP4 ($mp4_tabungan s) of tabungan differ" >&2; exit 1; }

lesson_json() {
  local lesson=$1 sources=$2 captions=$3 id
  id=$(field "$lesson" 1)
  cat <<EOF
    {
      "id": "$id",
      "title": { "id": "$(field "$lesson" 6)", "en": "$(field "$lesson" 7)" },
      "durationSeconds": $(seconds_of "$id"),
      "poster": "media/posters/$id.jpg",
      "sources": [$sources
      ],
      "captions": [$captions]
    }
EOF
}
mp4_source() { printf '\n        { "src": "media/%s.mp4", "type": "video/mp4" }' "$1"; }
hls_source() { printf '\n        { "src": "media/%s/master.m3u8", "type": "application/x-mpegURL" },' "$1"; }
caption() {
  printf '\n        { "src": "captions/%s.%s.vtt", "srclang": "%s", "label": "%s"%s }' \
    "$1" "$2" "$2" "$3" "$4"
}
id_captions() { caption "$1" id 'Bahasa Indonesia' ', "default": true'; printf '\n      '; }

{
  cat <<'EOF'
{
  "schemaVersion": 1,
  "id": "sample",
  "title": {
    "id": "Literasi Keuangan untuk Usaha Mikro",
    "en": "Financial Literacy for Micro Businesses"
  },
  "provider": "Runtut (contoh / sample)",
  "pauseWhenHidden": true,
  "lessons": [
EOF
  lesson_json "${LESSONS[0]}" "$(mp4_source pengantar)" ''
  echo ','
  lesson_json "${LESSONS[1]}" "$(mp4_source anggaran)" "$(id_captions anggaran)"
  echo ','
  lesson_json "${LESSONS[2]}" "$(hls_source tabungan)$(mp4_source tabungan)" "$(id_captions tabungan)"
  echo ','
  lesson_json "${LESSONS[3]}" "$(mp4_source pinjaman)" \
    "$(caption pinjaman id 'Bahasa Indonesia' ', "default": true'),$(caption pinjaman en English '')
      "
  echo ','
  lesson_json "${LESSONS[4]}" "$(mp4_source penutup)" ''
  printf '  ]\n}\n'
} >"$WORK/course.json"
# Node (which the project needs anyway) checks the JSON and lays it out.
node -e 'const fs = require("fs"); const [from, to] = process.argv.slice(1);
  fs.writeFileSync(to, JSON.stringify(JSON.parse(fs.readFileSync(from, "utf8")), null, 2) + "\n")' \
  "$WORK/course.json" "$OUT/course.json"

du -sh "$OUT" >&2
