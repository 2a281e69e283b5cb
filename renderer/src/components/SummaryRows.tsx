/** A read-only record as GOV.UK's summary list: a label and its value per row. */
export function SummaryRows({ rows }: { rows: readonly (readonly [string, string])[] }) {
  return (
    <dl className="summary-list">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="preserve-lines">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
