/** Confirms taking a trust services category out of scope, saying which criteria leave with it. */
import { CATEGORY_LABELS, CRITERIA, type TrustServicesCategory } from '@shared/domain/criteria';
import { ConfirmDialog } from '../../components/ConfirmDialog';

interface Props {
  category: TrustServicesCategory;
  /** How many of the category's criteria are marked not applicable. */
  notApplicable: number;
  onConfirm(): void;
  onCancel(): void;
}

export function RemoveCategoryDialog({ category, notApplicable, onConfirm, onCancel }: Props) {
  const criteria = CRITERIA.filter((c) => c.category === category);
  const first = criteria[0]?.id ?? '';
  const last = criteria[criteria.length - 1]?.id ?? '';
  return (
    <ConfirmDialog
      title={`Remove ${CATEGORY_LABELS[category]} from scope?`}
      confirmLabel={`Remove ${CATEGORY_LABELS[category]}`}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        {criteria.length} criteria ({first}–{last}) leave the scope of this engagement.
      </p>
      {notApplicable > 0 ? (
        <p>
          {notApplicable === 1 ? '1 of them is' : `${notApplicable} of them are`} marked not applicable. The
          reasons are kept and come back if you add {CATEGORY_LABELS[category]} again.
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
