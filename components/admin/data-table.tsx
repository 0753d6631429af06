/** A column: its header (visually hidden when `hideHeader`, for an actions column) and its cell. */
export interface Column<Row> {
  header: string;
  hideHeader?: boolean;
  cell: (row: Row) => React.ReactNode;
}

/**
 * The dashboard's lists: a header row of column names and a row per item. The moderation queue has
 * its own table (selection checkboxes tied to the bulk form, keyboard row focus).
 */
export function DataTable<Row>({
  columns,
  rows,
  rowKey,
  empty,
}: {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string | number;
  empty?: React.ReactNode;
}) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    <table className="data-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c.header} scope="col">
              {c.hideHeader ? <span className="visually-hidden">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)}>
            {columns.map((c) => (
              <td key={c.header}>{c.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
