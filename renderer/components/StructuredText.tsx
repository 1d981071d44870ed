/** Renders the structured text of a description section (see shared/formats/markdown.ts). */
import { useMemo } from 'react';
import { parseBlocks, type TextRun } from '@shared/formats/markdown';

function Runs({ runs }: { runs: readonly TextRun[] }) {
  return (
    <>
      {runs.map((r, i) =>
        r.bold ? (
          <strong key={i}>{r.text}</strong>
        ) : r.italic ? (
          <em key={i}>{r.text}</em>
        ) : (
          <span key={i}>{r.text}</span>
        ),
      )}
    </>
  );
}

export function StructuredText({ source, emptyText }: { source: string; emptyText?: string }) {
  const blocks = useMemo(() => parseBlocks(source), [source]);
  if (blocks.length === 0) return <p className="muted">{emptyText ?? 'Nothing written yet.'}</p>;
  return (
    <div className="structured-text">
      {blocks.map((b, i) => {
        switch (b.kind) {
          case 'heading': {
            const Tag = b.level === 1 ? 'h3' : b.level === 2 ? 'h4' : 'h5';
            return (
              <Tag key={i}>
                <Runs runs={b.runs} />
              </Tag>
            );
          }
          case 'list': {
            const items = b.items.map((item, j) => (
              <li key={j}>
                <Runs runs={item} />
              </li>
            ));
            return b.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
          }
          case 'table':
            return (
              <table key={i} className="grid text-table">
                <thead>
                  <tr>
                    {b.header.map((cell, j) => (
                      <th key={j} scope="col">
                        <Runs runs={cell} />
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {b.rows.map((row, j) => (
                    <tr key={j}>
                      {row.map((cell, k) => (
                        <td key={k}>
                          <Runs runs={cell} />
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            );
          default:
            return (
              <p key={i}>
                <Runs runs={b.runs} />
              </p>
            );
        }
      })}
    </div>
  );
}
