/**
 * "Generate requests for selected controls": one population or document request per control, prefilled
 * from it. Controls that already have a request are unticked by default, so running it twice does not
 * flood the client with duplicates.
 */
import { useMemo, useState } from 'react';
import { addDays, formatPeriod, localIsoDate, type Engagement } from '@shared/domain/engagement';
import type { Control, Request } from '@shared/domain/planning';
import { repository, type Actor } from '../../db';
import { useAction } from '../../app/useAction';
import { ControlChooser } from '../../components/ControlChooser';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { createRequests, requestsForControls } from './commands';

interface Props {
  engagement: Engagement;
  actor: Actor;
  controls: readonly Control[];
  requests: readonly Request[];
  onClose(): void;
}

export function GenerateRequestsDialog({ engagement, actor, controls, requests, onClose }: Props) {
  const run = useAction();
  const today = localIsoDate();
  const requested = useMemo(() => new Set(requests.flatMap((r) => r.controlIds)), [requests]);
  const active = useMemo(() => controls.filter((c) => c.status !== 'retired'), [controls]);
  const [chosen, setChosen] = useState<string[]>(() =>
    active.filter((c) => !requested.has(c.id)).map((c) => c.id),
  );
  const [dueOn, setDueOn] = useState(addDays(today, 14));
  const alreadyCovered = active.length - active.filter((c) => !requested.has(c.id)).length;

  function generate() {
    const selected = active.filter((c) => chosen.includes(c.id));
    const inputs = requestsForControls(selected, {
      requestedOn: today,
      dueOn: dueOn || null,
      auditorContact: actor.name,
      period:
        engagement.kind === 'soc2-type2'
          ? formatPeriod(engagement)
          : formatPeriod(engagement).replace(/^as of /u, 'the period ending '),
    });
    void run(
      () => createRequests(repository, actor, engagement.id, inputs),
      `Added ${inputs.length} draft request${inputs.length === 1 ? '' : 's'}. Review them, then set them to Open.`,
    ).then((created) => {
      if (created) onClose();
    });
  }

  return (
    <Dialog title="Generate requests from controls" onClose={onClose} wide>
      <p>
        One request per control: a population request for controls that run daily, weekly, monthly or per
        event (to sample from), an evidence request for the others. They start as drafts.
        {alreadyCovered > 0
          ? ` ${alreadyCovered} control${alreadyCovered === 1 ? ' already has a request and is' : 's already have a request and are'} not ticked.`
          : ''}
      </p>
      <Field label="Due date" hint="Two weeks from today unless you change it.">
        <input type="date" value={dueOn} onChange={(e) => setDueOn(e.target.value)} />
      </Field>
      <ControlChooser label="Controls" controls={active} value={chosen} onChange={setChosen} />
      <div className="form-actions">
        <button type="button" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={chosen.length === 0} onClick={generate}>
          Generate {chosen.length} request{chosen.length === 1 ? '' : 's'}
        </button>
      </div>
    </Dialog>
  );
}
