// Draws one follow-up chart with Observable Plot: a horizontal bar per group, stacked by status, counts on the
// segments that have room for them and "n · x % klart" after each bar. Plot itself is passed in (the view
// loads it on demand), so this module only imports its types and stays out of the main bundle.
import type * as PlotModule from '@observablehq/plot';
import { STATUSES } from '../../model/schema.ts';
import type { Status } from '../../model/schema.ts';
import type { ProgressGroup } from './progress.ts';
import { CHART_INK, STATUS_COLOURS } from './statusColors.ts';

export type Plot = typeof PlotModule;

/** One status's stretch of one bar, in activity counts from the left. */
export interface Segment {
  readonly key: string;
  readonly status: Status;
  readonly count: number;
  readonly x1: number;
  readonly x2: number;
}

/** Each group's non-empty statuses side by side, in STATUSES order (the legend's), starting at 0. */
export function segmentsOf(groups: readonly ProgressGroup[]): Segment[] {
  return groups.flatMap((group) => {
    let x = 0;
    return STATUSES.filter((status) => group.counts[status] > 0).map((status) => {
      const count = group.counts[status];
      const segment = { key: group.key, status, count, x1: x, x2: x + count };
      x += count;
      return segment;
    });
  });
}

export interface ChartTexts {
  /** The group's name on the axis (cut short with … when long; the table has it in full). */
  readonly groupLabel: (group: ProgressGroup) => string;
  /** What follows each bar, e.g. "8 · 25 % klart". */
  readonly barLabel: (group: ProgressGroup) => string;
  /** A hover text for a segment, e.g. "Pågår: 3". */
  readonly segmentTitle: (segment: Segment) => string;
  /** The count axis's caption, e.g. "Antal aktiviteter". */
  readonly axisLabel: string;
}

const ROW_HEIGHT = 34;
const FONT_SIZE = 13;
// Room after the longest bar for its "n · x % klart" label.
const MARGIN_RIGHT = 130;
const MARGIN_TOP = 8;
const MARGIN_BOTTOM = 40;

/** The chart as an SVG element `width` pixels wide; the caller puts it in the page and removes it again. */
export function drawProgressChart(
  plot: Plot,
  groups: readonly ProgressGroup[],
  texts: ChartTexts,
  width: number,
): SVGSVGElement | HTMLElement {
  const max = Math.max(1, ...groups.map((group) => group.total));
  // Group names take up to 40 % of a wide chart, less on a narrow one, so the bars keep room.
  const marginLeft = Math.round(Math.min(300, Math.max(110, width * 0.4)));
  const unitPx = (width - marginLeft - MARGIN_RIGHT) / max;
  const segments = segmentsOf(groups);
  // A count is written on its segment only where it fits; the bar's total and the table carry every number.
  const labelled = segments.filter(
    (segment) => segment.count * unitPx >= String(segment.count).length * 8 + 8,
  );
  const onFill = (colour: string) =>
    labelled.filter((segment) => STATUS_COLOURS[segment.status].label === colour);
  const labelColours = [...new Set(STATUSES.map((status) => STATUS_COLOURS[status].label))];
  const byKey = new Map(groups.map((group) => [group.key, group]));
  const nameOf = (key: string) => {
    const group = byKey.get(key);
    return group === undefined ? key : texts.groupLabel(group);
  };

  return plot.plot({
    width,
    height: MARGIN_TOP + MARGIN_BOTTOM + ROW_HEIGHT * Math.max(1, groups.length),
    marginLeft,
    marginRight: MARGIN_RIGHT,
    marginTop: MARGIN_TOP,
    marginBottom: MARGIN_BOTTOM,
    style: { fontSize: `${FONT_SIZE}px`, color: CHART_INK, background: 'transparent', overflow: 'visible' },
    x: { domain: [0, max], label: texts.axisLabel, labelAnchor: 'center', labelArrow: 'none' },
    y: { domain: groups.map((group) => group.key), label: null, padding: 0.25 },
    color: { domain: [...STATUSES], range: STATUSES.map((status) => STATUS_COLOURS[status].fill) },
    marks: [
      plot.gridX({ ticks: Math.min(max, 10), stroke: '#767676', strokeOpacity: 0.35 }),
      plot.axisX({
        ticks: Math.min(max, 10),
        tickFormat: 'd',
        color: CHART_INK,
        label: texts.axisLabel,
        labelAnchor: 'center',
        labelArrow: 'none',
      }),
      plot.axisY({
        tickFormat: nameOf,
        tickSize: 0,
        // Plot measures a line in ems with its own estimate of the glyphs; keep a tenth in hand for wider fonts.
        lineWidth: ((marginLeft - 16) / FONT_SIZE) * 0.9,
        textOverflow: 'ellipsis-end',
        color: CHART_INK,
      }),
      plot.barX(segments, {
        x1: 'x1',
        x2: 'x2',
        y: 'key',
        fill: 'status',
        // A dark edge keeps the light "not started" segment visible on white and parts neighbours in print.
        stroke: '#3b3b3b',
        strokeWidth: 0.75,
        title: texts.segmentTitle,
      }),
      ...labelColours.map((colour) =>
        plot.text(onFill(colour), {
          x: (segment: Segment) => (segment.x1 + segment.x2) / 2,
          y: 'key',
          text: (segment: Segment) => String(segment.count),
          fill: colour,
          fontWeight: 600,
        }),
      ),
      plot.text(groups, {
        x: 'total',
        y: 'key',
        text: texts.barLabel,
        dx: 6,
        textAnchor: 'start',
        fill: CHART_INK,
      }),
      plot.ruleX([0], { stroke: CHART_INK }),
    ],
  });
}
