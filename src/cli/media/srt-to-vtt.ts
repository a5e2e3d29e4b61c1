/**
 * SubRip to WebVTT: a `WEBVTT` header, `,` → `.` in cue timings, numbering kept as cue ids.
 * Throws with the line number when a cue's timing line is not SRT.
 */
const TIMING =
  /^(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})\s*-->\s*(\d{1,2}):(\d{2}):(\d{2})[,.](\d{1,3})(.*)$/;

function stamp(h: string, m: string, s: string, ms: string): string {
  return `${h.padStart(2, '0')}:${m}:${s}.${ms.padEnd(3, '0')}`;
}

export function srtToVtt(srt: string): string {
  const lines = srt.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const out = ['WEBVTT', ''];
  let index = 0;
  while (index < lines.length) {
    while (index < lines.length && lines[index]?.trim() === '') index += 1;
    if (index >= lines.length) break;
    let id: string | undefined;
    if (!lines[index]?.includes('-->')) id = lines[index++]?.trim();
    const timing = TIMING.exec(lines[index]?.trim() ?? '');
    if (!timing) throw new Error(`line ${index + 1}: expected "00:00:01,000 --> 00:00:02,000"`);
    const [, h1 = '', m1 = '', s1 = '', ms1 = '', h2 = '', m2 = '', s2 = '', ms2 = ''] = timing;
    index += 1;
    if (id) out.push(id);
    out.push(`${stamp(h1, m1, s1, ms1)} --> ${stamp(h2, m2, s2, ms2)}`);
    while (index < lines.length && lines[index]?.trim() !== '') {
      // "-->" inside cue text would end the cue early in WebVTT.
      out.push((lines[index++] ?? '').replace(/-->/g, '->'));
    }
    out.push('');
  }
  return `${out.join('\n').trimEnd()}\n`;
}

/** A WebVTT file starts with the "WEBVTT" signature (after an optional BOM). */
export function isWebVtt(text: string): boolean {
  return /^\uFEFF?WEBVTT(?:[ \t\r\n]|$)/.test(text);
}
