/**
 * The sample items an exception covers, read-only: they come from the X marks on the test grid. Each item
 * shows its row on the workpaper, its key and date, and the attributes marked as exceptions.
 */
import { formatDate } from '@shared/domain/engagement';
import type { AffectedItem } from './exceptionView';

interface Props {
  items: readonly AffectedItem[];
  found: { deviations: number; size: number };
  testReference: string | undefined;
  /** EX-01: named when the test's other exceptions count in the total too. */
  number: string;
  loading: boolean;
}

export function ExceptionItems({ items, found, testReference, number, loading }: Props) {
  if (loading) return <p className="muted">Loading the sample items…</p>;
  return (
    <section className="exception-items" aria-label="Sample items affected">
      <p className="exception-found num" role="status">
        {found.size > 0 ? (
          <>
            Found in{' '}
            <strong>
              {found.deviations} of {found.size}
            </strong>{' '}
            item{found.size === 1 ? '' : 's'} tested{testReference ? ` in ${testReference}` : ''}
            {items.length !== found.deviations ? (
              <>
                ; {items.length} of them in <span className="nowrap">{number}</span>
              </>
            ) : null}
            .
          </>
        ) : (
          'No sample items are selected for this test.'
        )}
      </p>
      <h4 className="exception-subtitle">
        Items affected <span className="muted num">({items.length})</span>
      </h4>
      {items.length === 0 ? (
        <p className="muted">
          No item carries an exception mark for this exception any more. It is kept because it was evaluated;
          mark an item X on the test to add it again.
        </p>
      ) : (
        <table className="grid exception-item-table">
          <thead>
            <tr>
              <th scope="col" className="col-pos">
                #
              </th>
              <th scope="col">Item</th>
              <th scope="col" className="col-item-date">
                Date
              </th>
              <th scope="col">Attributes marked X</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id}>
                <td className="num">{item.position}</td>
                <td className="exception-item-key">{item.key}</td>
                <td className="num nowrap">{formatDate(item.date) || '—'}</td>
                <td>
                  {item.attributes.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    <ul className="exception-attributes">
                      {item.attributes.map((a) => (
                        <li key={a.id}>
                          <span className="attribute-letter num">{a.letter}</span> {a.text}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
