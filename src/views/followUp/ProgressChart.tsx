// One follow-up chart with its heading, legend and figures table; redrawn when the figures, width or language change.
import { For, Show, createEffect, createSignal, onCleanup, onMount } from 'solid-js';
import type { JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { STATUSES } from '../../model/schema.ts';
import { barLabel, chartLabel, groupName } from './labels.ts';
import type { ProgressGroup } from './progress.ts';
import { drawProgressChart } from './progressChart.ts';
import type { Plot } from './progressChart.ts';
import { ProgressTable } from './ProgressTable.tsx';
import { STATUS_COLOURS } from './statusColors.ts';

// Below this the bars have no room; the chart then scrolls sideways instead of squeezing.
const MIN_WIDTH = 420;

/** A stacked bar chart of `groups` by status, with the same numbers as a table below it. */
export function ProgressChart(props: {
  /** The heading's id, unique on the page. */
  id: string;
  title: string;
  groupHeading: string;
  groups: readonly ProgressGroup[];
  /** Observable Plot once loaded; until then only the table shows. */
  plot: Plot | null;
  /** How the groups count, when that needs saying (several owners, several parts). */
  note?: string | undefined;
  total?: ProgressGroup | undefined;
  /** Shows the table open from the start: when the chart cannot be drawn, the table is all there is. */
  tableOpen?: boolean;
}): JSX.Element {
  let host: HTMLDivElement | undefined;
  const [width, setWidth] = createSignal(0);
  const [drawn, setDrawn] = createSignal(false);

  onMount(() => {
    const element = host;
    if (element === undefined) return;
    // Whole pixels only: a fraction of a pixel must not cause a redraw.
    const measure = () => setWidth(Math.max(MIN_WIDTH, Math.floor(element.clientWidth)));
    measure();
    const observer = new ResizeObserver(() => requestAnimationFrame(measure));
    observer.observe(element);
    onCleanup(() => observer.disconnect());
  });

  createEffect(() => {
    const plot = props.plot;
    const chartWidth = width();
    if (plot === null || chartWidth === 0 || host === undefined) return;
    const chart = drawProgressChart(
      plot,
      props.groups,
      {
        groupLabel: groupName,
        barLabel,
        segmentTitle: (segment) =>
          t('followUp.segment', { status: t(`status.${segment.status}`), count: segment.count }),
        axisLabel: t('followUp.axis'),
      },
      chartWidth,
    );
    // Plot's own labels inside the drawing would be read twice; the figure's label and the table carry them.
    chart.setAttribute('aria-hidden', 'true');
    // One swap, so the old drawing never lingers and the page never shows an empty gap.
    host.replaceChildren(chart);
    setDrawn(true);
  });
  onCleanup(() => host?.replaceChildren());

  return (
    <section class="follow-up__section follow-up__chart" aria-labelledby={props.id}>
      <h3 id={props.id}>{props.title}</h3>
      <Show when={props.note}>{(note) => <p class="follow-up__note">{note()}</p>}</Show>
      <figure class="follow-up__figure">
        <div
          ref={(element) => (host = element)}
          class="follow-up__plot"
          role={drawn() ? 'img' : undefined}
          aria-label={drawn() ? chartLabel(props.title, props.groups) : undefined}
        />
        <Show when={drawn()}>
          <figcaption class="follow-up__legend">
            <span class="follow-up__legend-title">{t('followUp.legend')}:</span>
            <ul>
              <For each={STATUSES}>
                {(status) => (
                  <li>
                    <span
                      class="follow-up__swatch"
                      style={{ background: STATUS_COLOURS[status].fill }}
                      aria-hidden="true"
                    />
                    {t(`status.${status}`)}
                  </li>
                )}
              </For>
            </ul>
          </figcaption>
        </Show>
      </figure>
      <details class="follow-up__figures" open={props.tableOpen === true}>
        <summary>{t('followUp.showTable')}</summary>
        <ProgressTable
          caption={t('followUp.tableCaption', { title: props.title })}
          groupHeading={props.groupHeading}
          groups={props.groups}
          total={props.total}
        />
      </details>
    </section>
  );
}
