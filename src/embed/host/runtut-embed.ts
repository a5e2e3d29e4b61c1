import { openHostChannel, RuntutRequestError, type Listener } from './host-channel.ts';

/**
 * `src/embed/host/` — the script a provider's page loads from the Runtut server (`/embed.js`).
 * It defines `<runtut-player>` and `Runtut.embed()`, both of which put the player in an
 * `<iframe>` on the Runtut origin: the host page talks to it through messages only and can
 * never reach its `<video>` or storage. No dependencies; it loads nothing else.
 */
export interface EmbedOptions {
  course: string;
  /** The participant's launch token (HS256, signed by the provider's backend). */
  token?: string | undefined;
  lesson?: string | undefined;
  lang?: 'id' | 'en' | undefined;
  /** The Runtut server; defaults to the origin this script was loaded from. */
  server?: string | undefined;
  /** The frame's accessible name. */
  title?: string | undefined;
}

export interface RuntutPlayerHandle {
  readonly iframe: HTMLIFrameElement;
  /** Resolves with the `ready` payload (protocol version, events, methods). */
  readonly ready: Promise<unknown>;
  on(event: string, listener: Listener): () => void;
  getProgress(): Promise<unknown>;
  openLesson(lessonId: string): Promise<unknown>;
  setLanguage(language: 'id' | 'en'): Promise<unknown>;
  destroy(): void;
}

const scriptOrigin = (() => {
  const src = (document.currentScript as HTMLScriptElement | null)?.src;
  return src ? new URL(src).origin : window.location.origin;
})();

export function embed(element: HTMLElement, options: EmbedOptions): RuntutPlayerHandle {
  if (!options.course) throw new TypeError('Runtut.embed needs a course id');
  const server = new URL(options.server ?? scriptOrigin);
  const path = ['embed', options.course, options.lesson]
    .filter(Boolean)
    .map((p) => encodeURIComponent(p as string));
  // The token travels in the fragment: browsers never send it to a server or into logs.
  const fragment = new URLSearchParams();
  if (options.token) fragment.set('token', options.token);
  if (options.lang) fragment.set('lang', options.lang);
  const iframe = document.createElement('iframe');
  iframe.src = `${server.origin}/${path.join('/')}#${fragment.toString()}`;
  iframe.title = options.title ?? 'Runtut';
  iframe.allow = 'fullscreen; autoplay; picture-in-picture';
  iframe.allowFullscreen = true;
  iframe.referrerPolicy = 'origin';
  iframe.style.cssText = 'display:block;width:100%;border:0;height:480px;overflow:hidden';
  iframe.setAttribute('scrolling', 'no');
  element.replaceChildren(iframe);

  const channel = openHostChannel(iframe, server.origin);
  const ready = new Promise((resolve) => {
    const off = channel.on('ready', (data) => (off(), resolve(data)));
  });
  const call = (method: string, params?: Record<string, unknown>) =>
    ready.then(() => channel.call(method, params));
  return {
    iframe,
    ready,
    on: channel.on,
    getProgress: () => call('getProgress'),
    openLesson: (lessonId) => call('openLesson', { lessonId }),
    setLanguage: (language) => call('setLanguage', { language }),
    destroy() {
      channel.close();
      iframe.remove();
    },
  };
}

/** `<runtut-player course token lesson lang>`: the same embed as markup. */
class RuntutPlayerElement extends HTMLElement {
  static observedAttributes = ['lang', 'lesson'];
  player: RuntutPlayerHandle | undefined;

  connectedCallback(): void {
    if (this.player) return;
    const attr = (name: string) => this.getAttribute(name) ?? undefined;
    const lang = attr('lang');
    this.style.display ||= 'block';
    this.player = embed(this, {
      course: attr('course') ?? '',
      token: attr('token'),
      lesson: attr('lesson'),
      lang: lang === 'en' || lang === 'id' ? lang : undefined,
      server: attr('server'),
      title: attr('title'),
    });
    // The token has done its job in the frame's address: keep it out of the host's DOM.
    this.removeAttribute('token');
    this.dispatchEvent(new CustomEvent('runtut-connected', { detail: this.player }));
  }

  attributeChangedCallback(name: string, before: string | null, after: string | null): void {
    if (!this.player || before === after || !after) return;
    if (name === 'lang' && (after === 'id' || after === 'en'))
      void this.player.setLanguage(after).catch(() => undefined);
    if (name === 'lesson') void this.player.openLesson(after).catch(() => undefined);
  }

  disconnectedCallback(): void {
    this.player?.destroy();
    this.player = undefined;
  }
}

if (!customElements.get('runtut-player'))
  customElements.define('runtut-player', RuntutPlayerElement);

export { RuntutRequestError };
export const version = 1;
