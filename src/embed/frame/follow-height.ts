/**
 * Reports the content's height whenever it changes, so the host sizes the frame (no scrollbars).
 * It measures the app root, not the document: a document is at least as tall as its frame, so
 * measuring it would let the frame only ever grow.
 */
export function followContentHeight(root: HTMLElement, report: (height: number) => void): void {
  let last = 0;
  const measure = () => {
    const height = Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
    if (height !== last) {
      last = height;
      report(height);
    }
  };
  new ResizeObserver(measure).observe(root);
  measure();
}
