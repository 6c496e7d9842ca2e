/**
 * Charts drawn on the server as SVG, so they need no JavaScript and print as they show. Each chart
 * is one image to assistive technology (`role="img"`), named by its title and described by a text
 * summary; the page puts the chart's data table beside it, which is where the exact figures are read.
 * Colours are the Designsystemet's, and the two series differ in pattern as well as colour, so
 * neither colour vision nor a greyscale print is needed to tell them apart.
 */

/** A series: its name (for the legend) and one value per category or point. */
export interface ChartSeries {
  readonly name: string;
  readonly values: readonly number[];
}

const seriesStyles = [
  { fill: 'var(--ds-color-accent-base-default, #0062ba)', dash: undefined },
  { fill: 'var(--ds-color-neutral-base-default, #5c5c5c)', dash: '6 4' },
] as const;

/** A round axis maximum at or above `value`: 1, 2 or 5 times a power of ten. */
export function niceMaximum(value: number): number {
  if (value <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value)!;
}

function Legend(props: { series: readonly ChartSeries[]; x: number; y: number }) {
  return (
    <g>
      {props.series.map((series, index) => (
        <g transform={`translate(${props.x + index * 220}, ${props.y})`}>
          <rect width="14" height="14" fill={seriesStyles[index % 2]!.fill} stroke="#1e2b3c" stroke-dasharray={seriesStyles[index % 2]!.dash} />
          <text x="20" y="12" font-size="13" fill="#1e2b3c">{series.name}</text>
        </g>
      ))}
    </g>
  );
}

/** Horizontal grouped bars: one group per category (e.g. a municipality), one bar per series. */
export function BarChart(props: { id: string; title: string; summary: string; categories: readonly string[]; series: readonly ChartSeries[]; format: (value: number) => string }) {
  const { id, categories, series } = props;
  const labelWidth = 190;
  const plotWidth = 520;
  const barHeight = 10;
  const groupHeight = series.length * barHeight + 10;
  const top = 34;
  const height = top + categories.length * groupHeight + 30;
  const maximum = niceMaximum(Math.max(0, ...series.flatMap((each) => each.values)));
  const scale = (value: number) => (Math.max(0, value) / maximum) * plotWidth;
  return (
    <svg class="chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${labelWidth + plotWidth + 20} ${height}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.summary}</desc>
      <Legend series={series} x={labelWidth} y={4} />
      {categories.map((category, row) => {
        const y = top + row * groupHeight;
        return (
          <g>
            <text x={labelWidth - 8} y={y + groupHeight / 2} font-size="12" text-anchor="end" fill="#1e2b3c">{category}</text>
            {series.map((each, index) => (
              <rect x={labelWidth} y={y + index * barHeight} width={scale(each.values[row] ?? 0)} height={barHeight - 1} fill={seriesStyles[index % 2]!.fill} stroke="#1e2b3c" stroke-width="0.5" stroke-dasharray={seriesStyles[index % 2]!.dash} />
            ))}
          </g>
        );
      })}
      <line x1={labelWidth} x2={labelWidth} y1={top - 4} y2={height - 26} stroke="#1e2b3c" />
      <text x={labelWidth} y={height - 8} font-size="12" fill="#1e2b3c">0</text>
      <text x={labelWidth + plotWidth} y={height - 8} font-size="12" text-anchor="end" fill="#1e2b3c">{props.format(maximum)}</text>
    </svg>
  );
}

/** Lines across ordered points (e.g. grant years), one per series, with a marker at each value. */
export function LineChart(props: { id: string; title: string; summary: string; points: readonly string[]; series: readonly ChartSeries[]; format: (value: number) => string }) {
  const { id, points, series } = props;
  const left = 110;
  const plotWidth = 560;
  const plotHeight = 220;
  const top = 34;
  const maximum = niceMaximum(Math.max(0, ...series.flatMap((each) => each.values)));
  const x = (index: number) => left + (points.length <= 1 ? plotWidth / 2 : (index / (points.length - 1)) * plotWidth);
  const y = (value: number) => top + plotHeight - (Math.max(0, value) / maximum) * plotHeight;
  return (
    <svg class="chart" role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${left + plotWidth + 30} ${top + plotHeight + 40}`} width="100%" preserveAspectRatio="xMinYMin meet">
      <title id={`${id}-title`}>{props.title}</title>
      <desc id={`${id}-desc`}>{props.summary}</desc>
      <Legend series={series} x={left} y={4} />
      <line x1={left} x2={left} y1={top} y2={top + plotHeight} stroke="#1e2b3c" />
      <line x1={left} x2={left + plotWidth} y1={top + plotHeight} y2={top + plotHeight} stroke="#1e2b3c" />
      <text x={left - 8} y={top + 4} font-size="12" text-anchor="end" fill="#1e2b3c">{props.format(maximum)}</text>
      <text x={left - 8} y={top + plotHeight} font-size="12" text-anchor="end" fill="#1e2b3c">0</text>
      {points.map((point, index) => (
        <text x={x(index)} y={top + plotHeight + 20} font-size="12" text-anchor="middle" fill="#1e2b3c">{point}</text>
      ))}
      {series.map((each, index) => (
        <g>
          <polyline fill="none" stroke={seriesStyles[index % 2]!.fill} stroke-width="2.5" stroke-dasharray={seriesStyles[index % 2]!.dash} points={each.values.map((value, at) => `${x(at)},${y(value)}`).join(' ')} />
          {each.values.map((value, at) => (
            <circle cx={x(at)} cy={y(value)} r="4" fill={seriesStyles[index % 2]!.fill} />
          ))}
        </g>
      ))}
    </svg>
  );
}
