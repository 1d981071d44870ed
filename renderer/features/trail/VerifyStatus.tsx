/**
 * Verify: recomputes every event's SHA-256 hash and checks the links between them and the chain head, then
 * says "intact, N events" or names the first broken event, with a button that shows it in the list.
 */
import { useCallback, useState } from 'react';
import { formatTrailTime, type AuditVerification } from '@shared/domain/audit';
import { db } from '../../db';
import { verifyChain } from '../../db/queries';
import { describeError } from '../../components/ErrorText';
import { StatusBadge } from '../../components/StatusBadge';

export type TrailCheck =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; result: AuditVerification; at: string; brokenEventExists: boolean }
  | { state: 'failed'; message: string; at: string };

export function useVerifyTrail(engagementId: string) {
  const [check, setCheck] = useState<TrailCheck>({ state: 'idle' });
  /** Runs the check; resolves to its result (`null` when it could not run). */
  const verify = useCallback(async (): Promise<AuditVerification | null> => {
    setCheck({ state: 'running' });
    try {
      const result = await verifyChain(db, engagementId);
      const brokenEventExists =
        !result.ok &&
        (await db.auditEvents.get([result.chain ?? engagementId, result.brokenSeq])) !== undefined;
      setCheck({ state: 'done', result, at: new Date().toISOString(), brokenEventExists });
      return result;
    } catch (error) {
      setCheck({ state: 'failed', message: describeError(error).text, at: new Date().toISOString() });
      return null;
    }
  }, [engagementId]);
  return { check, verify };
}

function capitalized(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function VerifyStatus({
  check,
  eventCount,
  onShowEvent,
}: {
  check: TrailCheck;
  /** How many events the check reads (0 while unknown). */
  eventCount: number;
  onShowEvent(seq: number): void;
}) {
  const broken = check.state === 'done' && !check.result.ok ? check.result : null;
  return (
    <div className="trail-verify">
      <p role="status" aria-live="polite" className="trail-verify-text">
        {check.state === 'idle' ? (
          <span className="muted">
            Verify recomputes every event&apos;s SHA-256 hash and checks that each one links to the one before
            it.
          </span>
        ) : null}
        {check.state === 'running' ? (
          <span className="muted">
            {eventCount > 0
              ? `Verifying ${eventCount.toLocaleString('en-US')} events…`
              : 'Verifying the audit trail…'}
          </span>
        ) : null}
        {check.state === 'done' && check.result.ok ? (
          <StatusBadge tone="good">{check.result.message}</StatusBadge>
        ) : null}
        {broken ? (
          <>
            <StatusBadge tone="bad">Audit trail broken at event #{broken.brokenSeq}</StatusBadge>{' '}
            <span>{capitalized(broken.reason)}.</span>
          </>
        ) : null}
        {check.state === 'failed' ? (
          <StatusBadge tone="bad">Could not verify the audit trail: {check.message}</StatusBadge>
        ) : null}
        {check.state === 'done' || check.state === 'failed' ? (
          <span className="muted num"> Checked {formatTrailTime(check.at)}.</span>
        ) : null}
      </p>
      {broken && check.state === 'done' && check.brokenEventExists ? (
        <button type="button" className="link-button" onClick={() => onShowEvent(broken.brokenSeq)}>
          Show event #{broken.brokenSeq}
        </button>
      ) : null}
    </div>
  );
}
