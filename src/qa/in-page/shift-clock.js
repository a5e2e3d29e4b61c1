// Runtut QA: a device clock set hours ahead or behind. Installed by the QA runner (as an init
// script and into open pages) only once a script shifts the clock. Only `Date` moves, by
// `globalThis.__runtutQaClockOffsetMs`, read at every call; `performance.now()`, timers and
// media keep real time, as on a device whose owner changed the clock in the settings. Plain
// JavaScript read as text, never bundled.
(() => {
  if (globalThis.__runtutQaShiftedDate) return;
  const RealDate = Date;
  const offset = () => Number(globalThis.__runtutQaClockOffsetMs) || 0;
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset());
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset();
    }
  }
  // `Date()` called without `new` returns a string of the (shifted) current time.
  globalThis.Date = new Proxy(ShiftedDate, { apply: () => new ShiftedDate().toString() });
  globalThis.__runtutQaShiftedDate = true;
})();
