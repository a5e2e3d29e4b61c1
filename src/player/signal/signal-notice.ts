import { SIGNAL_MESSAGES, type SignalLanguage } from './signal-messages.ts';

/** What the notice over the picture shows: nothing, a calm wait, a slow load, or a small badge. */
export type SignalNoticeKind = 'none' | 'waiting' | 'buffering' | 'offline-playing';

export interface SignalNotice {
  show(kind: SignalNoticeKind): void;
  setLanguage(language: SignalLanguage): void;
  dispose(): void;
}

/**
 * The waiting state over the video: a status region (announced politely, once per change) that
 * says the signal is gone and that the lesson goes on by itself. Written only when it changes.
 */
export function attachSignalNotice(root: HTMLElement, language: SignalLanguage): SignalNotice {
  const box = document.createElement('div');
  box.className = 'runtut-signal-wait';
  box.setAttribute('role', 'status');
  box.setAttribute('aria-live', 'polite');
  box.dataset.kind = 'none';
  box.hidden = true;
  root.append(box);
  let kind: SignalNoticeKind = 'none';
  let lang = language;

  function render(): void {
    const t = SIGNAL_MESSAGES[lang];
    box.dataset.kind = kind;
    box.hidden = kind === 'none';
    box.replaceChildren();
    if (kind === 'none') return;
    const title = document.createElement('strong');
    title.textContent =
      kind === 'waiting' ? t.waiting : kind === 'buffering' ? t.buffering : t.offlinePlaying;
    box.append(title);
    if (kind === 'waiting') {
      const hint = document.createElement('span');
      hint.textContent = t.waitingHint;
      box.append(hint);
    }
  }

  return {
    show(next) {
      if (next === kind) return;
      kind = next;
      render();
    },
    setLanguage(next) {
      lang = next;
      render();
    },
    dispose: () => box.remove(),
  };
}
