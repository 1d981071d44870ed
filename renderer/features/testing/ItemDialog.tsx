/** One sample item: its marks per attribute, the auditor's note and the evidence inspected for it. */
import { useState } from 'react';
import {
  attributeLetter,
  type ControlTest,
  type LegendEntry,
  type SampleItem,
} from '@shared/domain/fieldwork';
import { formatDate, type Engagement } from '@shared/domain/engagement';
import { repository, type Actor } from '../../db';
import { useAction } from '../../app/useAction';
import { Dialog } from '../../components/Dialog';
import { Field } from '../../components/Field';
import { EvidencePanel } from '../evidence/EvidencePanel';
import { updateSampleItem } from './commands';

export function ItemDialog({
  item,
  test,
  engagement,
  actor,
  readOnly,
  legend,
  onMark,
  onClose,
}: {
  item: SampleItem;
  test: ControlTest;
  engagement: Engagement;
  actor: Actor;
  readOnly: boolean;
  legend: readonly LegendEntry[];
  onMark(attributeId: string, markId: string | null): void;
  onClose(): void;
}) {
  const run = useAction();
  const [note, setNote] = useState(item.note);
  const close = () => {
    if (readOnly || note === item.note) return onClose();
    void run(async () => {
      const fresh = await repository.db.sampleItems.get(item.id);
      if (fresh) await updateSampleItem(repository, actor, fresh, { note });
    }).then(onClose);
  };
  return (
    <Dialog title={`Item ${item.position}: ${item.key}`} onClose={close} wide>
      <p className="muted">
        {item.date ? `Dated ${formatDate(item.date)}` : 'No date'}
        {item.row ? ` · row ${item.row} of the population file` : ''}
        {item.batch > 0 ? ` · added by expansion ${item.batch}` : ''}
        {item.outsidePeriod ? ' · dated outside the examination period' : ''}
      </p>
      <div className="item-marks">
        {test.attributes.map((a, i) => (
          <div className="field" key={a.id}>
            <label htmlFor={`item-mark-${a.id}`}>
              {attributeLetter(i)} — {a.text}
            </label>
            <select
              id={`item-mark-${a.id}`}
              value={item.marks[a.id] ?? ''}
              disabled={readOnly}
              onChange={(e) => onMark(a.id, e.target.value || null)}
            >
              <option value="">(not marked)</option>
              {legend
                .filter((t) => !t.removed || item.marks[a.id] === t.id)
                .map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.symbol} — {t.meaning}
                  </option>
                ))}
            </select>
          </div>
        ))}
      </div>
      <Field
        label="Note"
        hint="What you inspected for this item, and anything unusual. Saved when you close."
      >
        <textarea rows={4} value={note} readOnly={readOnly} onChange={(e) => setNote(e.target.value)} />
      </Field>
      <EvidencePanel
        engagementId={engagement.id}
        link={{ kind: 'sample-item', id: item.id }}
        title={`Evidence for item ${item.position}`}
        readOnly={readOnly}
        compact
      />
      <div className="dialog-actions-inline">
        <button type="button" className="primary" onClick={close}>
          Done
        </button>
      </div>
    </Dialog>
  );
}
