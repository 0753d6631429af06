import type { Series } from '@/lib/staff/activity';

// Two series per day as grouped bars, with a labelled count axis and dated day axis, and the
// same figures as a table for anyone who does not read charts.

const W = 640;
const H = 200;
const LEFT = 36;
const BOTTOM = 34;
const TOP = 8;

/** A round top for the count axis: 1, 2, 5, 10, 20, 50… at or above the largest value. */
function niceMax(n: number): number {
  if (n <= 4) return Math.max(n, 1);
  const magnitude = 10 ** Math.floor(Math.log10(n));
  return [1, 2, 5, 10].map((f) => f * magnitude).find((v) => v >= n)!;
}

const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const longDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const asDate = (key: string) => new Date(`${key}T00:00:00Z`);

export function ActivityChart({ title, unit, days, series }: { title: string; unit: string; days: string[]; series: [Series, Series] }) {
  const max = niceMax(Math.max(0, ...series.flatMap((s) => s.values)));
  const plotH = H - TOP - BOTTOM;
  const slot = (W - LEFT) / days.length;
  const bar = Math.max(1, (slot - 2) / 2);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const ticks = max <= 4 ? Array.from({ length: max + 1 }, (_, i) => i) : [0, max / 2, max];
  const totals = series.map((s) => s.values.reduce((a, b) => a + b, 0));
  const summary = `${title}, ${longDate.format(asDate(days[0]!))} to ${longDate.format(asDate(days.at(-1)!))}: ${series
    .map((s, i) => `${totals[i]} ${s.label}`)
    .join(', ')}.`;
  return (
    <figure className="chart">
      <figcaption>
        <strong>{title}</strong>, last {days.length} days:{' '}
        {series.map((s, i) => (
          <span key={s.label} className="chart__key">
            <span className={`chart__swatch chart__swatch--${i}`} aria-hidden="true" /> {totals[i]} {s.label}
          </span>
        ))}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={W} y1={y(t)} y2={y(t)} className={t === 0 ? 'chart__axis' : 'chart__grid'} />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" className="chart__label">
              {t}
            </text>
          </g>
        ))}
        <text x={12} y={TOP + plotH / 2} transform={`rotate(-90 12 ${TOP + plotH / 2})`} textAnchor="middle" className="chart__label">
          {unit} per day
        </text>
        {days.map((day, i) => (
          <g key={day}>
            {series.map((s, j) => {
              const v = s.values[i] ?? 0;
              return (
                <rect
                  key={s.label}
                  x={LEFT + i * slot + 1 + j * bar}
                  y={y(v)}
                  width={bar}
                  height={TOP + plotH - y(v)}
                  className={`chart__bar chart__bar--${j}`}
                >
                  <title>{`${shortDate.format(asDate(day))}: ${v} ${s.label}`}</title>
                </rect>
              );
            })}
            {/* Every seventh day, counted back from today, so the last day is always named. */}
            {(days.length - 1 - i) % 7 === 0 && (
              // The last day's label ends at its bar, so the chart's right edge does not cut it.
              <text
                x={i === days.length - 1 ? LEFT + (i + 1) * slot : LEFT + i * slot + slot / 2}
                y={H - BOTTOM + 16}
                textAnchor={i === days.length - 1 ? 'end' : 'middle'}
                className="chart__label"
              >
                {shortDate.format(asDate(day))}
              </text>
            )}
          </g>
        ))}
        <text x={LEFT + (W - LEFT) / 2} y={H - 4} textAnchor="middle" className="chart__label">
          Day
        </text>
      </svg>
      <details>
        <summary>{title} as a table</summary>
        <table className="data-table chart__table">
          <thead>
            <tr>
              <th scope="col">Day</th>
              {series.map((s) => (
                <th key={s.label} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day, i) => (
              <tr key={day}>
                <th scope="row">{longDate.format(asDate(day))}</th>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
