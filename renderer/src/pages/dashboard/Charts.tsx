import { Bar, BarChart, CartesianGrid, Cell, LabelList, Legend, Pie, PieChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Text } from '@mantine/core';

const RED = '#c92a2a';
const PALETTE = ['#c92a2a', '#1971c2', '#2f9e44', '#f08c00', '#7048e8', '#0c8599', '#e64980', '#495057', '#868e96'];

/** Split a label into at most `lines` lines of `perLine` characters, the last one ending in … if cut. */
export function wrapLabel(text: string, perLine: number, lines = 2): string[] {
  const chars = [...text];
  const out: string[] = [];
  for (let i = 0; i < chars.length && out.length < lines; i += perLine) out.push(chars.slice(i, i + perLine).join(''));
  if (chars.length > perLine * lines) out[lines - 1] = `${[...out[lines - 1]].slice(0, perLine - 1).join('')}…`;
  return out;
}

/**
 * An axis label wrapped onto two lines (the eight items are long: 学生学习、体育锻炼和课业负担情况), cut
 * with … only beyond that, and the whole text as its tooltip.
 */
function WrappedTick({ x, y, payload, perLine }: { x?: number; y?: number; payload?: { value: string }; perLine: number }) {
  const full = payload?.value ?? '';
  const lines = wrapLabel(full, perLine);
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0})`}>
      <title>{full}</title>
      <text textAnchor="end" fontSize={12} fill="#495057">
        {lines.map((l, i) => <tspan key={i} x={-6} dy={i === 0 ? (lines.length > 1 ? -3 : 4) : 14}>{l}</tspan>)}
      </text>
    </g>
  );
}

/**
 * A horizontal bar chart of named counts; each bar shows its number and clicking it opens the
 * records behind it.
 */
export function CountBars<T>({ rows, name, value, onPick, unit, labelWidth = 90, empty }: {
  rows: T[];
  name: (r: T) => string;
  value: (r: T) => number;
  onPick: (r: T) => void;
  unit: string;
  labelWidth?: number;
  empty: string;
}) {
  if (rows.length === 0) return <Text size="sm" c="dimmed" py="lg" ta="center">{empty}</Text>;
  const data = rows.map((r) => ({ name: name(r), value: value(r) }));
  const perLine = Math.max(2, Math.floor((labelWidth - 8) / 12));
  const twoLines = data.some((d) => [...d.name].length > perLine);
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, (twoLines ? 36 : 26) * data.length + 40)}>
      <BarChart data={data} layout="vertical" margin={{ left: 8, right: 36, top: 4, bottom: 4 }}>
        <CartesianGrid horizontal={false} strokeDasharray="3 3" />
        <XAxis type="number" allowDecimals={false} fontSize={12} />
        <YAxis type="category" dataKey="name" width={labelWidth} fontSize={12} interval={0} tick={<WrappedTick perLine={perLine} />} />
        <Tooltip formatter={(v) => [`${v} ${unit}`, '']} labelFormatter={(_l, p) => p?.[0]?.payload?.name ?? ''} />
        <Bar dataKey="value" fill={RED} cursor="pointer" isAnimationActive={false} barSize={16}
          onClick={(_d, index) => onPick(rows[index])}>
          <LabelList dataKey="value" position="right" fontSize={12} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}

/** A pie of named counts; clicking a slice opens its records. */
export function CountPie<T>({ rows, name, value, onPick, empty }: {
  rows: T[];
  name: (r: T) => string;
  value: (r: T) => number;
  onPick: (r: T) => void;
  empty: string;
}) {
  if (rows.length === 0) return <Text size="sm" c="dimmed" py="lg" ta="center">{empty}</Text>;
  const data = rows.map((r) => ({ name: name(r), value: value(r) }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <PieChart margin={{ top: 24, bottom: 8, left: 24, right: 24 }}>
        <Pie data={data} dataKey="value" nameKey="name" outerRadius={75} cursor="pointer" isAnimationActive={false}
          label={({ name: n, value: v }) => `${n} ${v}`} onClick={(_d, index) => onPick(rows[index])}>
          {data.map((d, i) => <Cell key={d.name} fill={PALETTE[i % PALETTE.length]} />)}
        </Pie>
        <Tooltip formatter={(v, n) => [`${v} 件`, n]} />
        <Legend />
      </PieChart>
    </ResponsiveContainer>
  );
}
