/**
 * The anchor: the earliest server-clock moment a participant could have started playing. Total
 * credit never exceeds the real time since it (server-credit.ts), so every piece of evidence
 * that moves it earlier must be something only the server's clock could have produced.
 * Rules, and what they cannot prevent: docs/server-checks.md ("Play before the anchor").
 */
export type AnchorSource = 'first-call' | 'launch-iat' | 'clock-ticket';

export interface AnchorEvidence {
  /** Server clock when the participant is first recorded. */
  nowMs: number;
  mode: 'demo' | 'provider';
  /** A verified launch token's `iat` (provider mode): the provider's signed launch time. */
  tokenIssuedAtMs?: number | undefined;
  /**
   * A verified clock ticket's issue time: the server signed it when this device was last
   * online, before it started a provisional participant offline. Only demo sessions use it.
   */
  clockTicketIssuedAtMs?: number | undefined;
}

export interface Anchor {
  anchorMs: number;
  source: AnchorSource;
}

const usable = (ms: number | undefined, nowMs: number): ms is number =>
  ms !== undefined && Number.isFinite(ms) && ms < nowMs;

/**
 * Picks the earliest trustworthy moment. A clock ticket counts only for a demo session: anyone
 * may open a demo session at any time, so a ticket gives a forger nothing an early session
 * would not. In provider mode the provider decides when a participant exists (its launch token);
 * a ticket fetched before the launch would let a participant age their budget in advance.
 */
export function creditAnchor(evidence: AnchorEvidence): Anchor {
  let anchor: Anchor = { anchorMs: evidence.nowMs, source: 'first-call' };
  if (usable(evidence.tokenIssuedAtMs, anchor.anchorMs))
    anchor = { anchorMs: evidence.tokenIssuedAtMs, source: 'launch-iat' };
  if (evidence.mode === 'demo' && usable(evidence.clockTicketIssuedAtMs, anchor.anchorMs))
    anchor = { anchorMs: evidence.clockTicketIssuedAtMs, source: 'clock-ticket' };
  return anchor;
}
