/** The exceptions found in this test, each edited in place (the editor is shared with the Exceptions screen). */
import { formatExceptionNumber, type ControlException, type SampleItem } from '@shared/domain/fieldwork';
import { ExceptionEditor } from '../exceptions/ExceptionEditor';
import type { WorkpaperProps } from './TestWorkpaper';

export function TestExceptions({
  engagement,
  actor,
  readOnly,
  exceptions,
}: WorkpaperProps & { exceptions: ControlException[]; items: SampleItem[] }) {
  return (
    <section className="workpaper-section" id="wp-exceptions" aria-labelledby="wp-exceptions-title">
      <h2 id="wp-exceptions-title">5 Exceptions ({exceptions.length})</h2>
      {exceptions.length === 0 ? (
        <p className="muted">
          No exceptions. Marking an item X in the grid opens one here for you to describe.
        </p>
      ) : (
        exceptions.map((e) => (
          <div
            key={e.id}
            className="test-exception"
            aria-label={formatExceptionNumber(e.number)}
            role="group"
          >
            <ExceptionEditor
              exception={e}
              engagement={engagement}
              actor={actor}
              readOnly={readOnly}
              compact
            />
          </div>
        ))
      )}
    </section>
  );
}
