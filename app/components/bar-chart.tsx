/**
 * A small horizontal bar chart in inline SVG (no library, no style attributes: the CSP forbids them).
 * The drawing is one image with a spoken summary (role="img" + aria-label); the same numbers are also
 * in a table that screen readers reach and that sighted people do not need.
 */
export interface Bar {
  label: string
  value: number
}

const ROW = 28
const LABEL_WIDTH = 290
const BAR_WIDTH = 250
const VALUE_WIDTH = 50

export function BarChart({
  title,
  bars,
  labelHeading,
  valueHeading,
  formatValue = String,
}: {
  /** what the chart shows; also the table's caption */
  title: string
  bars: Bar[]
  /** column headings of the table for screen readers */
  labelHeading: string
  valueHeading: string
  /** numbers in the reader's language, e.g. t.number */
  formatValue?: (n: number) => string
}) {
  const max = Math.max(1, ...bars.map((b) => b.value))
  const width = LABEL_WIDTH + BAR_WIDTH + VALUE_WIDTH
  const height = Math.max(ROW, bars.length * ROW)
  const summary = `${title}: ${bars.map((b) => `${b.label} ${formatValue(b.value)}`).join(', ')}`
  return (
    <figure className="bar-chart">
      <figcaption className="bar-chart-caption" aria-hidden="true">
        {title}
      </figcaption>
      <svg
        className="chart"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        preserveAspectRatio="xMinYMin meet"
      >
        {bars.map((b, i) => {
          const w = Math.round((Math.max(0, b.value) / max) * BAR_WIDTH)
          const y = i * ROW
          return (
            <g key={`${i}-${b.label}`}>
              <text x={LABEL_WIDTH - 8} y={y + ROW / 2} textAnchor="end" dominantBaseline="middle">
                {b.label}
              </text>
              <rect
                className="bar-chart-bar"
                x={LABEL_WIDTH}
                y={y + 5}
                width={w}
                height={ROW - 10}
                rx={2}
                fill="#0b4f8a"
              />
              <text x={LABEL_WIDTH + w + 6} y={y + ROW / 2} dominantBaseline="middle">
                {formatValue(b.value)}
              </text>
            </g>
          )
        })}
      </svg>
      {/* hidden in a box: a table is never narrower than its content, so it cannot be the 1px box */}
      <div className="bar-chart-table">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{labelHeading}</th>
              <th scope="col">{valueHeading}</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b, i) => (
              <tr key={`${i}-${b.label}`}>
                <th scope="row">{b.label}</th>
                <td>{formatValue(b.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
