/**
 * The demo provider's course page: what a training provider's own site does to show a course —
 * one `<script>` from the Runtut server, one `<runtut-player>` with a token its backend signed —
 * plus a log of every event the page hears (also sent to the backend, which prints it).
 */
export interface ProviderPageOptions {
  runtutUrl: string;
  course: string;
  token: string;
  participant: string;
  lesson?: string | undefined;
  lang?: string | undefined;
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function providerPageHtml(o: ProviderPageOptions): string {
  const attrs = [
    `course="${escape(o.course)}"`,
    `token="${escape(o.token)}"`,
    o.lesson ? `lesson="${escape(o.lesson)}"` : '',
    `lang="${escape(o.lang ?? 'id')}"`,
    'title="Pemutar pelatihan Runtut"',
  ].join(' ');
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Pelatihan Contoh — Lembaga Demo</title>
<style>
  body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: #1d2a36; background: #f4f1ea; }
  header { background: #7a2e0e; color: #fff; padding: 12px 16px; }
  header b { font-size: 1.1rem; }
  main { max-width: 1100px; margin: 0 auto; padding: 12px; }
  .card { background: #fff; border-radius: 8px; padding: 8px; box-shadow: 0 1px 3px #0002; }
  .tools { display: flex; flex-wrap: wrap; gap: 8px; margin: 12px 0; }
  button { min-height: 44px; padding: 0 14px; font: inherit; border-radius: 6px; border: 1px solid #7a2e0e; background: #fff; color: #7a2e0e; }
  #events { font: 13px/1.4 ui-monospace, monospace; max-height: 220px; overflow: auto; background: #1d2a36; color: #d7f5d0; padding: 8px 8px 8px 32px; border-radius: 6px; }
</style>
</head>
<body>
<header><b>Lembaga Demo</b> · Pelatihan Contoh · peserta <span id="participant">${escape(o.participant)}</span></header>
<main>
  <h1>Kelola Keuangan Pribadi</h1>
  <div class="card"><runtut-player id="player" ${attrs}></runtut-player></div>
  <div class="tools">
    <button type="button" id="get-progress">getProgress</button>
    <button type="button" id="open-next">openLesson (berikutnya)</button>
    <button type="button" id="lang-en">English</button>
    <button type="button" id="lang-id">Bahasa Indonesia</button>
  </div>
  <h2>Event dari pemutar</h2>
  <ol id="events" aria-live="polite"></ol>
</main>
<script src="${escape(o.runtutUrl)}/embed.js"></script>
<script type="module">
  const element = document.getElementById('player');
  const player = element.player;
  const list = document.getElementById('events');
  window.runtutEvents = [];
  const log = (name, data) => {
    window.runtutEvents.push({ name, data, at: performance.now() });
    const item = document.createElement('li');
    item.textContent = name + ' ' + JSON.stringify(data);
    list.append(item);
    list.scrollTop = list.scrollHeight;
    fetch('/log', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name, data }) }).catch(() => {});
  };
  for (const name of ['ready', 'lessonstarted', 'progress', 'lessoncompleted', 'coursecompleted', 'syncstatechange', 'error'])
    player.on(name, (data) => log(name, data));
  const answer = (name) => (value) => log(name, value);
  const refused = (name) => (error) => log(name + ' refused', { code: error.code, message: error.message });
  document.getElementById('get-progress').onclick = () => player.getProgress().then(answer('getProgress'), refused('getProgress'));
  document.getElementById('open-next').onclick = async () => {
    const progress = await player.getProgress();
    const index = progress.lessons.findIndex((l) => l.lessonId === progress.openLessonId);
    const next = progress.lessons[index + 1];
    if (next) player.openLesson(next.lessonId).then(answer('openLesson'), refused('openLesson'));
  };
  document.getElementById('lang-en').onclick = () => player.setLanguage('en');
  document.getElementById('lang-id').onclick = () => player.setLanguage('id');
  window.runtutPlayer = player;
</script>
</body>
</html>`;
}
