/** Reports the document's height whenever it changes, so the host sizes the frame (no scrollbars). */
export function followContentHeight(report: (height: number) => void): void {
  let last = 0;
  const measure = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      report(height);
    }
  };
  new ResizeObserver(measure).observe(document.documentElement);
  measure();
}
