/**
 * Fills the charts share, so a reader can tell them apart without colour: solid for what
 * completed or was credited, diagonal hatching for what was only reached or is missing.
 */
export const HATCH_ID = 'console-hatch';

export function ChartPatterns() {
  return (
    <svg width="0" height="0" aria-hidden="true" focusable="false" className="chart-defs">
      <defs>
        <pattern
          id={HATCH_ID}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" className="hatch-back" />
          <line x1="0" y1="0" x2="0" y2="6" className="hatch-line" strokeWidth="3" />
        </pattern>
      </defs>
    </svg>
  );
}
