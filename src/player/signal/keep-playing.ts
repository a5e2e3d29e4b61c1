import type videojs from 'video.js';
import type { NetworkState } from '../../domain/signal-recovery.ts';
import { claimMediaErrors } from './error-hook.ts';
import type { SignalLanguage } from './signal-messages.ts';
import { attachSignalNotice } from './signal-notice.ts';
import { createSignalRecovery } from './signal-recovery.ts';

type VideoJsPlayer = ReturnType<typeof videojs>;
type ResponseHook = (request: { aborted?: boolean; statusCode?: number }, error: unknown) => void;
interface VhsXhr {
  onResponse(hook: ResponseHook): void;
  offResponse(hook: ResponseHook): void;
}

const vhsXhr = (player: VideoJsPlayer) =>
  (player.tech(true) as unknown as { vhs?: { xhr?: VhsXhr } }).vhs?.xhr;

export interface KeepPlayingOptions {
  player: VideoJsPlayer;
  el: HTMLVideoElement;
  /** Carries `data-network-state`. */
  container: HTMLElement;
  probeUrl: string;
  language: SignalLanguage;
  now(): number;
  /** Reload the own source at the last trusted position (through the gate), playing if `resume`. */
  reload(resume: boolean): void;
  isDisposed(): boolean;
}

/**
 * Playback that survives the signal: media errors are taken over before video.js shows them,
 * the waiting state is shown over the picture and in `data-network-state`, and the lesson goes
 * on by itself when the server answers again.
 */
export function keepPlayingThroughSignalLoss(options: KeepPlayingOptions) {
  const { player, container } = options;
  const notice = attachSignalNotice(player.el() as HTMLElement, options.language);
  let lastCode: number | undefined;
  const recovery = createSignalRecovery({
    el: options.el,
    probeUrl: options.probeUrl,
    now: options.now,
    reload: options.reload,
    onChange(state: NetworkState, kind) {
      container.dataset.networkState = state;
      notice.show(kind);
    },
    giveUp: () => errors.showAnyway({ code: lastCode ?? 2 }),
  });
  const errors = claimMediaErrors(player, (code) => {
    if (options.isDisposed()) return false;
    lastCode = code;
    return recovery.claimError(code);
  });
  container.dataset.networkState = recovery.state();
  // VHS may retry a failed segment, or sit stuck on it without an error: either way it is a loss.
  const onResponse = (request: { aborted?: boolean; statusCode?: number }, error: unknown) => {
    if (request.aborted) return;
    if (error || request.statusCode === 0) recovery.requestFailed();
  };
  const hookVhs = () => vhsXhr(player)?.onResponse(onResponse);
  player.on('xhr-hooks-ready', hookVhs);

  return {
    setLanguage: (language: SignalLanguage) => notice.setLanguage(language),
    dispose() {
      player.off('xhr-hooks-ready', hookVhs);
      vhsXhr(player)?.offResponse(onResponse);
      recovery.dispose();
      errors.dispose();
      notice.dispose();
      delete container.dataset.networkState;
    },
  };
}
