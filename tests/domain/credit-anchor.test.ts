import { describe, expect, it } from 'vitest';
import { creditAnchor, type AnchorEvidence } from '../../src/domain/credit-anchor.ts';
import { paceAllowance } from '../../src/domain/pace-check.ts';

const NOW = 1_800_000_000_000;
const MIN = 60_000;

describe('creditAnchor', () => {
  const cases: [string, AnchorEvidence, number, string][] = [
    ['a first call with no evidence anchors now', { nowMs: NOW, mode: 'demo' }, NOW, 'first-call'],
    [
      "a provider launch token's iat anchors earlier",
      { nowMs: NOW, mode: 'provider', tokenIssuedAtMs: NOW - 30 * MIN },
      NOW - 30 * MIN,
      'launch-iat',
    ],
    [
      'an iat from the future is ignored',
      { nowMs: NOW, mode: 'provider', tokenIssuedAtMs: NOW + MIN },
      NOW,
      'first-call',
    ],
    [
      'a clock ticket anchors a demo session at the ticket',
      { nowMs: NOW, mode: 'demo', clockTicketIssuedAtMs: NOW - 90 * MIN },
      NOW - 90 * MIN,
      'clock-ticket',
    ],
    [
      'a clock ticket never moves a provider participant (no ageing before the launch)',
      { nowMs: NOW, mode: 'provider', clockTicketIssuedAtMs: NOW - 90 * MIN },
      NOW,
      'first-call',
    ],
    [
      'the earlier of iat and ticket wins in demo mode',
      {
        nowMs: NOW,
        mode: 'demo',
        tokenIssuedAtMs: NOW - 10 * MIN,
        clockTicketIssuedAtMs: NOW - 20 * MIN,
      },
      NOW - 20 * MIN,
      'clock-ticket',
    ],
    [
      'a ticket later than the iat does not move the anchor later',
      {
        nowMs: NOW,
        mode: 'demo',
        tokenIssuedAtMs: NOW - 20 * MIN,
        clockTicketIssuedAtMs: NOW - 10 * MIN,
      },
      NOW - 20 * MIN,
      'launch-iat',
    ],
    [
      'a non-finite ticket time is ignored',
      { nowMs: NOW, mode: 'demo', clockTicketIssuedAtMs: Number.NaN },
      NOW,
      'first-call',
    ],
  ];
  it.each(cases)('%s', (_name, evidence, anchorMs, source) => {
    expect(creditAnchor(evidence)).toEqual({ anchorMs, source });
  });

  it('gives honest offline play the budget it needs, and a forger no more than real time', () => {
    // Ticket fetched, then 40 min played offline, then back online 45 min after the ticket.
    const { anchorMs } = creditAnchor({
      nowMs: NOW,
      mode: 'demo',
      clockTicketIssuedAtMs: NOW - 45 * MIN,
    });
    const budget = paceAllowance((NOW - anchorMs) / 1000);
    expect(budget).toBeGreaterThanOrEqual(40 * 60);
    // A claim of two hours over the same 45 real minutes still cannot fit.
    expect(budget).toBeLessThan(2 * 3600);
  });
});
