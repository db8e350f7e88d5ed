/**
 * Horizontal stacked bars in inline SVG (no library, no style attributes: the CSP forbids them), for
 * numbers people compare: one scale for every bar (gridlines at round values), segments in the legend's
 * order and colours, each bar's label on its own line above it so that no name is cut, the total after
 * the bar. The drawing is one image with a spoken summary; the same numbers are in a table for screen
 * readers. The SVG scales down to a 360 px phone (viewBox).
 */
export interface StackedSeries {
  label: string
  /** a class of app.css giving the segment's colour (stacked-bar-N) */
  className: string
}
export interface StackedRow {
  label: string
  values: number[]
}

const WIDTH = 640
const BAR_LEFT = 4
const BAR_WIDTH = 560
const LABEL_LINE = 18
const BAR_HEIGHT = 16
const ROW = LABEL_LINE + BAR_HEIGHT + 12
const AXIS = 22

/** Round gridline values up to the largest total: 1, 2 or 5 times a power of ten. */
export function ticks(max: number): number[] {
  if (max <= 0) return [0, 1]
  const raw = max / 4
  const power = 10 ** Math.floor(Math.log10(raw))
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? power * 10
  const top = Math.ceil(max / step) * step
  const values: number[] = []
  for (let v = 0; v <= top + step / 2; v += step) values.push(Math.round(v * 1e6) / 1e6)
  return values
}

export function StackedBarChart({
  title,
  series,
  rows,
  labelHeading,
  totalHeading,
  formatValue = String,
}: {
  title: string
  series: StackedSeries[]
  rows: StackedRow[]
  labelHeading: string
  totalHeading: string
  formatValue?: (n: number) => string
}) {
  const totals = rows.map((r) => r.values.reduce((a, b) => a + Math.max(0, b), 0))
  const grid = ticks(Math.max(0, ...totals))
  const top = grid[grid.length - 1] || 1
  const scale = (n: number) => (Math.max(0, n) / top) * BAR_WIDTH
  const height = AXIS + Math.max(1, rows.length) * ROW
  const summary = `${title}: ${rows
    .map(
      (r, i) =>
        `${r.label}: ${series.map((s, j) => `${s.label} ${formatValue(r.values[j] ?? 0)}`).join(', ')}; ${totalHeading} ${formatValue(totals[i])}`,
    )
    .join('. ')}`
  return (
    <figure className="bar-chart stacked-bar-chart">
      <figcaption className="bar-chart-caption" aria-hidden="true">
        {title}
      </figcaption>
      <ul className="stacked-bar-legend" aria-hidden="true">
        {series.map((s) => (
          <li key={s.label}>
            <svg width="14" height="14" viewBox="0 0 14 14" focusable="false">
              <rect className={s.className} width="14" height="14" rx="2" />
            </svg>{' '}
            {s.label}
          </li>
        ))}
      </ul>
      <svg
        className="chart"
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${height}`}
        width={WIDTH}
        height={height}
        preserveAspectRatio="xMinYMin meet"
      >
        {grid.map((v) => {
          const x = BAR_LEFT + scale(v)
          return (
            <g key={v} className="stacked-bar-grid">
              <line x1={x} x2={x} y1={AXIS - 4} y2={height} />
              <text x={x} y={AXIS - 8} textAnchor={v === 0 ? 'start' : 'middle'}>
                {formatValue(v)}
              </text>
            </g>
          )
        })}
        {rows.map((r, i) => {
          const y = AXIS + i * ROW
          let x = BAR_LEFT
          return (
            <g key={`${i}-${r.label}`}>
              <text x={BAR_LEFT} y={y + LABEL_LINE - 5} className="stacked-bar-label">
                {r.label}
              </text>
              {r.values.map((v, j) => {
                const w = scale(v)
                const rect = w > 0 && (
                  <rect
                    key={j}
                    className={series[j]?.className}
                    x={x}
                    y={y + LABEL_LINE}
                    width={w}
                    height={BAR_HEIGHT}
                  />
                )
                x += w
                return rect
              })}
              <text x={x + 6} y={y + LABEL_LINE + BAR_HEIGHT - 3}>
                {formatValue(totals[i])}
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
              {series.map((s) => (
                <th scope="col" key={s.label}>
                  {s.label}
                </th>
              ))}
              <th scope="col">{totalHeading}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={`${i}-${r.label}`}>
                <th scope="row">{r.label}</th>
                {series.map((s, j) => (
                  <td key={s.label}>{formatValue(r.values[j] ?? 0)}</td>
                ))}
                <td>{formatValue(totals[i])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  )
}
