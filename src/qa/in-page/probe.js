// Runtut QA probe. The QA runner installs this file as an init script, so it runs in every page
// before the page's own scripts. It is plain JavaScript read as text (never bundled or
// transpiled): Playwright sends it to the browser as it is. It observes the page through the
// QA contract (data-* attributes, IndexedDB `runtut`, the progress API) and carries out the
// attacker's moves the scripts ask for. It never changes how the product behaves, except that
// it records which Media Session handlers the page installs so a script can call them.
(() => {
  if (window.__runtutQa) return;

  const media = HTMLMediaElement.prototype;
  const nativeGet = (name, el) => Object.getOwnPropertyDescriptor(media, name).get.call(el);
  const nativeSet = (name, el, value) =>
    Object.getOwnPropertyDescriptor(media, name).set.call(el, value);

  /** Every notice the notice bar showed, in order (a notice stays on screen only 4 s). */
  const notices = [];
  function recordNotice() {
    for (const bar of document.querySelectorAll('.notice-bar[data-notice]')) {
      const key = bar.getAttribute('data-notice');
      const last = notices[notices.length - 1];
      if (key && (!last || last.key !== key || !last.visible)) notices.push({ key, visible: true });
      if (!key && last) last.visible = false;
    }
  }
  new MutationObserver(recordNotice).observe(document, {
    subtree: true,
    childList: true,
    attributes: true,
    attributeFilter: ['data-notice'],
  });

  /** Media Session handlers as the page installs them: what a lock screen or PiP window calls. */
  const mediaSessionHandlers = {};
  if (navigator.mediaSession) {
    const session = navigator.mediaSession;
    const install = session.setActionHandler.bind(session);
    session.setActionHandler = (action, handler) => {
      mediaSessionHandlers[action] = handler;
      return install(action, handler);
    };
  }

  const video = () => document.querySelector('video');
  const playerOf = () => document.querySelector('.video-js')?.player ?? video()?.player;
  const numberAttr = (selector, name) => {
    const value = document.querySelector(selector)?.getAttribute(name);
    return value === null || value === undefined || value === '' ? null : Number(value);
  };

  function state() {
    const el = video();
    return {
      url: location.href,
      courseId:
        document.querySelector('.app[data-course-id]')?.getAttribute('data-course-id') ?? null,
      videoCount: document.querySelectorAll('video').length,
      position: el ? nativeGet('currentTime', el) : null,
      rate: el ? nativeGet('playbackRate', el) : null,
      defaultRate: el ? nativeGet('defaultPlaybackRate', el) : null,
      paused: el ? nativeGet('paused', el) : null,
      ended: el ? nativeGet('ended', el) : null,
      dataPosition: numberAttr('[data-position]', 'data-position'),
      dataFrontier: numberAttr('[data-frontier]', 'data-frontier'),
      openLesson:
        document
          .querySelector('li[data-lesson-id][aria-current="step"]')
          ?.getAttribute('data-lesson-id') ?? null,
      lessonStates: Object.fromEntries(
        [...document.querySelectorAll('li[data-lesson-id]')].map((li) => [
          li.getAttribute('data-lesson-id'),
          li.getAttribute('data-lesson-state'),
        ]),
      ),
      syncState:
        document.querySelector('[data-sync-state]')?.getAttribute('data-sync-state') ?? null,
      notice:
        document.querySelector('.notice-bar[data-notice]')?.getAttribute('data-notice') || null,
      playerReady: Boolean(el && document.querySelector('[data-position]')),
    };
  }

  function seek(to, via) {
    const el = video();
    if (!el) throw new Error('no <video> on the page');
    if (via === 'native') nativeSet('currentTime', el, to);
    else if (via === 'videojs') {
      const player = playerOf();
      if (!player) throw new Error('no video.js player on the page');
      player.currentTime(to);
    } else if (via === 'fastSeek') {
      if (typeof el.fastSeek !== 'function') return 'fastSeek() does not exist in this browser';
      el.fastSeek(to);
    } else el.currentTime = to;
    return `position right after: ${nativeGet('currentTime', el).toFixed(2)}`;
  }

  function rate(to, via) {
    const el = video();
    if (!el) throw new Error('no <video> on the page');
    if (via === 'native') nativeSet('playbackRate', el, to);
    else if (via === 'nativeDefault') nativeSet('defaultPlaybackRate', el, to);
    else if (via === 'default') el.defaultPlaybackRate = to;
    else if (via === 'videojs') {
      const player = playerOf();
      if (!player) throw new Error('no video.js player on the page');
      player.playbackRate(to);
    } else el.playbackRate = to;
    return `rate right after: ${nativeGet('playbackRate', el)}, default ${nativeGet('defaultPlaybackRate', el)}`;
  }

  async function play() {
    const player = playerOf();
    if (player) await player.play();
    else await video()?.play();
  }

  function pause() {
    const player = playerOf();
    if (player) player.pause();
    else video()?.pause();
  }

  /** Pauses when the media reaches `target` (checked every 20 ms in the page, not over the wire). */
  let pauseTimer;
  // May be set before playback starts (a press can take seconds to land on a loaded machine):
  // a pause ends the watch only once the media has been seen playing.
  function pauseAt(target) {
    clearInterval(pauseTimer);
    let seenPlaying = false;
    pauseTimer = setInterval(() => {
      const el = video();
      if (el && !nativeGet('paused', el)) seenPlaying = true;
      if (
        !el ||
        nativeGet('currentTime', el) >= target ||
        nativeGet('ended', el) ||
        (seenPlaying && nativeGet('paused', el))
      ) {
        clearInterval(pauseTimer);
        if (el && !nativeGet('paused', el)) pause();
      }
    }, 20);
  }

  function callMediaSession(action, details) {
    const handler = mediaSessionHandlers[action];
    if (!handler)
      return `the page installed no "${action}" handler: the browser offers no such control`;
    handler({ action, ...details });
    return `called the page's "${action}" handler`;
  }

  // IndexedDB `runtut`, read and written with the raw API (the page's Dexie is not reachable).
  function request(req) {
    return new Promise((resolve, reject) => {
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  function openDb() {
    return new Promise((resolve, reject) => {
      const req = indexedDB.open('runtut');
      req.onupgradeneeded = () => req.transaction.abort();
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(new Error('IndexedDB "runtut" does not exist yet'));
    });
  }
  async function withStore(name, mode, work) {
    const db = await openDb();
    try {
      const tx = db.transaction(name, mode);
      const done = new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
        tx.onabort = () => reject(tx.error);
      });
      const result = await work(tx.objectStore(name));
      await done;
      return result;
    } finally {
      db.close();
    }
  }
  async function meta(key) {
    const row = await withStore('meta', 'readonly', (store) => request(store.get(key)));
    return row ? row.value : undefined;
  }
  async function identity() {
    const value = await meta('identity');
    return { identity: value ?? null, deviceId: (await meta('deviceId')) ?? null };
  }

  async function editProgress(courseId, lessonId, set) {
    const { identity: who } = await identity();
    if (!who) throw new Error('no identity in IndexedDB yet');
    const key = [who.participantId, courseId, lessonId];
    return withStore('progress', 'readwrite', async (store) => {
      const row = (await request(store.get(key))) ?? {
        participantId: who.participantId,
        courseId,
        lessonId,
        segments: [],
        frontier: 0,
        position: 0,
        completedAt: null,
      };
      const changes = { ...set };
      if (changes.completedAt === 'now') changes.completedAt = new Date().toISOString();
      const next = { ...row, ...changes, updatedAt: new Date().toISOString() };
      await request(store.put(next));
      return next;
    });
  }

  function matches(row, participantId, filter) {
    if (row.participantId !== participantId) return false;
    if (filter.delivery && filter.delivery !== 'any' && row.delivery !== filter.delivery)
      return false;
    if (filter.lessonId && row.event.lessonId !== filter.lessonId) return false;
    if (filter.type && row.event.type !== filter.type) return false;
    if (filter.courseId && row.event.courseId !== filter.courseId) return false;
    return true;
  }

  async function storedEvents(filter) {
    const { identity: who } = await identity();
    if (!who) return [];
    const rows = await withStore('events', 'readonly', (store) => request(store.getAll()));
    return rows.filter((row) => matches(row, who.participantId, filter)).map((row) => row.event);
  }

  async function editEvents(filter, set) {
    const { identity: who } = await identity();
    if (!who) throw new Error('no identity in IndexedDB yet');
    return withStore('events', 'readwrite', async (store) => {
      const rows = await request(store.getAll());
      const chosen = rows.filter((row) => matches(row, who.participantId, filter));
      for (const row of chosen)
        await request(store.put({ ...row, event: { ...row.event, ...set } }));
      return chosen.length;
    });
  }

  async function outbox() {
    const { identity: who } = await identity();
    if (!who) return { pending: 0, invalid: 0, delivered: 0 };
    const rows = await withStore('events', 'readonly', (store) => request(store.getAll()));
    const counts = { pending: 0, invalid: 0, delivered: 0 };
    for (const row of rows) if (row.participantId === who.participantId) counts[row.delivery] += 1;
    return counts;
  }

  async function pageFetch(method, url, headers, body) {
    const response = await fetch(url, {
      method,
      headers,
      ...(body === undefined || body === null
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    const text = await response.text();
    let json;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    return { status: response.status, body: json ?? text };
  }

  /** Where on screen a share of the seek bar is, for mouse and touch input. */
  function seekBarPoint(share) {
    const bar = document.querySelector('.vjs-progress-holder');
    if (!bar) throw new Error('no .vjs-progress-holder on the page');
    const box = bar.getBoundingClientRect();
    return { x: box.left + box.width * share, y: box.top + box.height / 2, width: box.width };
  }

  window.__runtutQa = {
    state,
    notices: () => notices.map((notice) => notice.key),
    seek,
    rate,
    play,
    pause,
    pauseAt,
    callMediaSession,
    identity,
    editProgress,
    storedEvents,
    editEvents,
    outbox,
    pageFetch,
    seekBarPoint,
  };
})();
