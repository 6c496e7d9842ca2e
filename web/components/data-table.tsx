import type { Child } from 'hono/jsx';

/** One column of a {@link DataTable}: its header and how a row fills its cell. */
export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => Child;
}

/**
 * A Designsystemet table with a caption and column headers, the form every list in the workspaces
 * takes, so screen readers always hear what a column holds.
 */
export function DataTable<Row>(props: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  class?: string;
  size?: 'sm' | 'md';
  /** Keep the caption for screen readers only, where a visible heading already names the table. */
  captionHidden?: boolean;
}) {
  const { caption, columns, rows } = props;
  return (
    <table class={['ds-table', props.class].filter(Boolean).join(' ')} data-size={props.size} data-border>
      <caption class={props.captionHidden ? 'ds-sr-only' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th scope="col">{column.header}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr>
            {columns.map((column) => (
              <td>{column.cell(row)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
