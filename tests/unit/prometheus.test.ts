// [prometheus] The in-house metrics module prints the Prometheus text exposition format 0.0.4 exactly.
import { describe, expect, it } from 'vitest';
import { Counter, Gauge, Histogram, Registry, formatNumber } from '../../server/prometheus.ts';

describe('[prometheus] text exposition', () => {
  it('prints a counter with HELP and TYPE lines, one sample per label set, in the order first used', () => {
    const registry = new Registry();
    const refusals = new Counter({
      name: 'refused_total',
      help: 'Refusals, by reason.',
      labelNames: ['reason'] as const,
      registry,
    });
    refusals.inc({ reason: 'too_large' });
    refusals.inc({ reason: 'bad_token' }, 2);
    refusals.inc({ reason: 'too_large' });
    expect(registry.text()).toBe(
      [
        '# HELP refused_total Refusals, by reason.',
        '# TYPE refused_total counter',
        'refused_total{reason="too_large"} 2',
        'refused_total{reason="bad_token"} 2',
        '',
      ].join('\n'),
    );
  });

  it('prints 0 for a metric without labels that has seen nothing, and nothing for a labelled one', () => {
    const registry = new Registry();
    new Counter({ name: 'bytes_total', help: 'Bytes.', registry });
    new Gauge({ name: 'open', help: 'Open.', registry });
    new Counter({ name: 'by_kind_total', help: 'By kind.', labelNames: ['kind'] as const, registry });
    expect(registry.text()).toBe(
      [
        '# HELP bytes_total Bytes.',
        '# TYPE bytes_total counter',
        'bytes_total 0',
        '',
        '# HELP open Open.',
        '# TYPE open gauge',
        'open 0',
        '',
        '# HELP by_kind_total By kind.',
        '# TYPE by_kind_total counter',
        '',
      ].join('\n'),
    );
  });

  it('counts up by a value without labels, and refuses to count down', () => {
    const registry = new Registry();
    const bytes = new Counter({ name: 'bytes_total', help: 'Bytes.', registry });
    bytes.inc(1500);
    bytes.inc();
    expect(() => bytes.inc(-1)).toThrow(/cannot change by -1/);
    expect(registry.text()).toContain('\nbytes_total 1501\n');
  });

  it('sets, raises and lowers a gauge, and runs its collect callback on every scrape', () => {
    const registry = new Registry();
    const connections = new Gauge({
      name: 'connections_open',
      help: 'Open connections.',
      labelNames: ['role'] as const,
      registry,
    });
    connections.set({ role: 'view' }, 0);
    connections.inc({ role: 'edit' });
    connections.inc({ role: 'edit' }, 2);
    connections.dec({ role: 'edit' });
    let loaded = 3;
    new Gauge({ name: 'plans_loaded', help: 'Plans.', registry, collect: (gauge) => gauge.set(loaded) });
    const expected = (plans: number): string =>
      [
        '# HELP connections_open Open connections.',
        '# TYPE connections_open gauge',
        'connections_open{role="view"} 0',
        'connections_open{role="edit"} 2',
        '',
        '# HELP plans_loaded Plans.',
        '# TYPE plans_loaded gauge',
        `plans_loaded ${plans}`,
        '',
      ].join('\n');
    expect(registry.text()).toBe(expected(3));
    loaded = 1;
    expect(registry.text()).toBe(expected(1));
  });

  it('escapes backslash, double quote and newline in label values, and backslash and newline in help', () => {
    const registry = new Registry();
    const kinds = new Counter({
      name: 'kinds_total',
      help: 'Two lines\nwith a \\ in help.',
      labelNames: ['kind'] as const,
      registry,
    });
    kinds.inc({ kind: 'a\\b "c"\nd' });
    expect(registry.text()).toBe(
      [
        '# HELP kinds_total Two lines\\nwith a \\\\ in help.',
        '# TYPE kinds_total counter',
        'kinds_total{kind="a\\\\b \\"c\\"\\nd"} 1',
        '',
      ].join('\n'),
    );
  });

  it('prints histogram buckets cumulatively up to +Inf, with _sum and _count, labels in labelNames order', () => {
    const registry = new Registry();
    const seconds = new Histogram({
      name: 'storage_seconds',
      help: 'Storage time.',
      labelNames: ['method', 'outcome'] as const,
      buckets: [0.5, 0.1, 1],
      registry,
    });
    for (const value of [0.05, 0.1, 0.3, 0.75, 4]) seconds.observe({ outcome: 'ok', method: 'load' }, value);
    expect(registry.text()).toBe(
      [
        '# HELP storage_seconds Storage time.',
        '# TYPE storage_seconds histogram',
        'storage_seconds_bucket{method="load",outcome="ok",le="0.1"} 2',
        'storage_seconds_bucket{method="load",outcome="ok",le="0.5"} 3',
        'storage_seconds_bucket{method="load",outcome="ok",le="1"} 4',
        'storage_seconds_bucket{method="load",outcome="ok",le="+Inf"} 5',
        'storage_seconds_sum{method="load",outcome="ok"} 5.2',
        'storage_seconds_count{method="load",outcome="ok"} 5',
        '',
      ].join('\n'),
    );
  });

  it('prints zero buckets, _sum and _count for a histogram without labels that has seen nothing', () => {
    const registry = new Registry();
    new Histogram({ name: 'wait_seconds', help: 'Waits.', buckets: [1, 2.5], registry });
    expect(registry.text()).toBe(
      [
        '# HELP wait_seconds Waits.',
        '# TYPE wait_seconds histogram',
        'wait_seconds_bucket{le="1"} 0',
        'wait_seconds_bucket{le="2.5"} 0',
        'wait_seconds_bucket{le="+Inf"} 0',
        'wait_seconds_sum 0',
        'wait_seconds_count 0',
        '',
      ].join('\n'),
    );
  });

  it('finds one series for equal label sets, whatever their key order or a label left undefined', () => {
    const registry = new Registry();
    const seconds = new Histogram({
      name: 'call_seconds',
      help: 'Calls.',
      labelNames: ['method', 'outcome'] as const,
      buckets: [0.001, 10],
      registry,
    });
    seconds.observe({ method: 'appendUpdate', outcome: 'ok' }, 0.0005);
    seconds.observe({ outcome: 'ok', method: 'appendUpdate' }, 2);
    seconds.observe({ method: 'appendUpdate' }, 0.5);
    seconds.observe({ method: 'appendUpdate', outcome: undefined }, 0.5);
    const text = registry.text();
    expect(text).toContain('call_seconds_bucket{method="appendUpdate",outcome="ok",le="0.001"} 1\n');
    expect(text).toContain('call_seconds_bucket{method="appendUpdate",outcome="ok",le="10"} 2\n');
    expect(text).toContain('call_seconds_sum{method="appendUpdate",outcome="ok"} 2.0005\n');
    expect(text).toContain('call_seconds_count{method="appendUpdate"} 2\n');
    expect(text.match(/call_seconds_count/g)).toHaveLength(2);
  });

  it('spells numbers as Prometheus parses them', () => {
    expect([42, 0, -3, 0.25, 1e21, Infinity, -Infinity, NaN].map(formatNumber)).toEqual([
      '42',
      '0',
      '-3',
      '0.25',
      '1e+21',
      '+Inf',
      '-Inf',
      'NaN',
    ]);
  });

  it('refuses a second metric of the same name, an unknown label name and a label named le', () => {
    const registry = new Registry();
    const roles = new Gauge({ name: 'open', help: 'Open.', labelNames: ['role'] as const, registry });
    expect(() => new Counter({ name: 'open', help: 'Again.', registry })).toThrow(/already registered/);
    expect(() => roles.inc({ rol: 'edit' } as never)).toThrow(/has no label rol/);
    expect(
      () => new Histogram({ name: 'h', help: 'H.', labelNames: ['le'] as const, buckets: [1], registry }),
    ).toThrow(/le is reserved/);
  });

  it('serves the content type of the text format 0.0.4', () => {
    expect(new Registry().contentType).toBe('text/plain; version=0.0.4; charset=utf-8');
  });
});
