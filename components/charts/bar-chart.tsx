import { scaleBand, scaleLinear } from "d3-scale";
import { stack } from "d3-shape";

export interface ChartSeries {
  key: string;
  label: string;
  values: number[];
}

/** Colours that keep a 3:1 contrast with white and with each other's neighbours. */
const PALETTE = ["#0b5394", "#1e6b3a", "#8a5300", "#6b3fa0", "#b42318", "#52606d"];

const WIDTH = 640;
const HEIGHT = 240;
const MARGIN = { top: 12, right: 12, bottom: 44, left: 40 };

/**
 * A bar chart drawn on the server (d3-scale and d3-shape compute it; no script reaches the
 * browser): one bar per category, stacked by series. The picture is described by its title and a
 * summary, and the numbers behind it are one click away in a table, for screen readers and print.
 */
export function BarChart({ id, title, summary, categoryLabel, categories, series }: { id: string; title: string; summary: string; categoryLabel: string; categories: string[]; series: ChartSeries[] }) {
  const rows = categories.map((category, index) => Object.fromEntries([["category", category], ...series.map((item) => [item.key, item.values[index] ?? 0])]) as Record<string, number | string>);
  const stacked = stack<Record<string, number | string>>()
    .keys(series.map((item) => item.key))
    .value((row, key) => Number(row[key] ?? 0))(rows);
  const total = Math.max(1, ...rows.map((row) => series.reduce((sum, item) => sum + Number(row[item.key] ?? 0), 0)));
  const x = scaleBand<string>().domain(categories).range([MARGIN.left, WIDTH - MARGIN.right]).padding(0.25);
  const y = scaleLinear().domain([0, total]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const ticks = y.ticks(Math.min(4, total)).filter((tick) => Number.isInteger(tick));
  const everyOther = categories.length > 10;

  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-line bg-surface p-4 shadow-sm">
      <figcaption>
        <h2 id={`${id}-title`} className="text-xl font-semibold text-ink">
          {title}
        </h2>
        <p id={`${id}-summary`} className="text-sm text-muted">
          {summary}
        </p>
      </figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-summary`} className="mt-3 h-auto w-full">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} stroke="#cbd2d9" />
            <text x={MARGIN.left - 6} y={y(tick)} textAnchor="end" dominantBaseline="middle" fontSize="12" fill="#52606d">
              {tick}
            </text>
          </g>
        ))}
        {stacked.map((layer, layerIndex) =>
          layer.map((point, index) => {
            const height = y(point[0]) - y(point[1]);
            if (height <= 0) return null;
            return <rect key={`${layer.key}-${categories[index]}`} x={x(categories[index]!)} width={x.bandwidth()} y={y(point[1])} height={height} fill={PALETTE[layerIndex % PALETTE.length]} />;
          }),
        )}
        {categories.map((category, index) =>
          everyOther && index % 2 === 1 ? null : (
            <text key={category} x={(x(category) ?? 0) + x.bandwidth() / 2} y={HEIGHT - MARGIN.bottom + 18} textAnchor="middle" fontSize="12" fill="#1f2933">
              {category}
            </text>
          ),
        )}
        <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(0)} y2={y(0)} stroke="#52606d" />
      </svg>
      {series.length > 1 ? (
        <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={`${title}: legend`}>
          {series.map((item, index) => (
            <li key={item.key} className="flex items-center gap-1.5">
              <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm" style={{ backgroundColor: PALETTE[index % PALETTE.length] }} />
              {item.label}
            </li>
          ))}
        </ul>
      ) : null}
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-semibold text-brand">Show the numbers</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <caption className="sr-only">{title}</caption>
            <thead>
              <tr>
                <th scope="col" className="border-b border-line px-2 py-1">
                  {categoryLabel}
                </th>
                {series.map((item) => (
                  <th key={item.key} scope="col" className="border-b border-line px-2 py-1">
                    {item.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {categories.map((category, index) => (
                <tr key={category}>
                  <th scope="row" className="border-b border-line px-2 py-1 font-normal">
                    {category}
                  </th>
                  {series.map((item) => (
                    <td key={item.key} className="border-b border-line px-2 py-1 tabular-nums">
                      {item.values[index] ?? 0}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
