/**
 * The media element's own accessors, taken from the prototype when this module loads. The guards
 * override `currentTime`, `playbackRate` and friends on the element instance, so every read the
 * player makes for a decision goes through these instead: a script that redefines the instance
 * properties cannot feed the guards a false position, rate or source.
 */
const NAMES = [
  'currentTime',
  'playbackRate',
  'defaultPlaybackRate',
  'srcObject',
  'seeking',
  'paused',
  'ended',
  'duration',
  'currentSrc',
  'src',
] as const;
type NativeName = (typeof NAMES)[number];

const descriptors = Object.fromEntries(
  NAMES.map((name) => {
    const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, name);
    if (!descriptor?.get) throw new Error(`HTMLMediaElement.${name} has no getter`);
    return [name, descriptor];
  }),
) as Record<NativeName, PropertyDescriptor>;

const read = (name: NativeName, el: HTMLMediaElement): unknown => descriptors[name].get?.call(el);
const write = (name: NativeName, el: HTMLMediaElement, value: unknown): void => {
  descriptors[name].set?.call(el, value);
};

export const nativeMedia = {
  position: (el: HTMLMediaElement) => Number(read('currentTime', el)),
  setPosition: (el: HTMLMediaElement, seconds: number) => write('currentTime', el, seconds),
  rate: (el: HTMLMediaElement) => Number(read('playbackRate', el)),
  setRate: (el: HTMLMediaElement, rate: number) => write('playbackRate', el, rate),
  defaultRate: (el: HTMLMediaElement) => Number(read('defaultPlaybackRate', el)),
  setDefaultRate: (el: HTMLMediaElement, rate: number) => write('defaultPlaybackRate', el, rate),
  srcObject: (el: HTMLMediaElement) => read('srcObject', el) as MediaProvider | null,
  clearSrcObject: (el: HTMLMediaElement) => write('srcObject', el, null),
  seeking: (el: HTMLMediaElement) => Boolean(read('seeking', el)),
  paused: (el: HTMLMediaElement) => Boolean(read('paused', el)),
  ended: (el: HTMLMediaElement) => Boolean(read('ended', el)),
  duration: (el: HTMLMediaElement) => Number(read('duration', el)),
  currentSrc: (el: HTMLMediaElement) => String(read('currentSrc', el)),
  src: (el: HTMLMediaElement) => String(read('src', el)),
};
