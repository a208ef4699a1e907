/**
 * Charts in Word documents as native DOCX charts (docx/charts: a chart part with its data in an embedded
 * workbook), drawn by Word, WPS and LibreOffice from the very figures the document's tables print. No
 * picture is drawn here, so no font or native rasteriser is needed, the chart's text stays text (searchable,
 * and readable in a rendering's words), and the office can restyle a chart in Word.
 */
import { Paragraph, type FileChild } from 'docx';
import { ChartRun } from 'docx/charts';
import { STYLE, type DocFonts } from './profile';

/** The type area is 156 mm wide: 590 pixels at 96 to the inch; charts take most of it. */
const WIDTH = 560;
const BAR_COLOR = 'C00000';
/** Slice colours: the office's red first, then muted ones that still print apart in grey. */
const SLICES = ['C00000', '1F4E79', '548235', 'BF8F00', '7030A0', '2E75B6', 'C55A11', '595959', 'A5A5A5'];

export interface ChartRow { name: string; value: number }

const font = (fonts: DocFonts) => ({ name: fonts.body });

/** How a bar chart's value axis is written and how far it runs (e.g. rates: `0"%"` up to 100). */
export interface ValueAxis { numberFormat?: string; maximum?: number }

/** A horizontal bar chart of named counts, first row at the top, each bar labelled with its number. */
export function barChart(rows: ChartRow[], seriesName: string, fonts: DocFonts, axis: ValueAxis = {}): FileChild {
  // Word draws a bar chart's first category at the bottom: give them in reverse to read top down.
  const shown = [...rows].reverse();
  const chart = new ChartRun({
    type: 'bar',
    categories: shown.map((r) => r.name),
    series: [{ name: seriesName, values: shown.map((r) => r.value), color: BAR_COLOR }],
    legend: false,
    gapWidth: 60,
    dataLabels: { value: true, font: { size: 10 } },
    font: font(fonts),
    categoryAxis: { font: { size: 10 } },
    valueAxis: { numberFormat: axis.numberFormat ?? '0', maximum: axis.maximum, font: { size: 9 } },
    transformation: { width: WIDTH, height: Math.max(140, 40 + 26 * rows.length) },
    altText: { name: seriesName, description: rows.map((r) => `${r.name}${r.value}`).join('，') },
  });
  return new Paragraph({ style: STYLE.figure, keepNext: true, children: [chart] });
}

/** A pie of named counts, each slice labelled with its number and named in the legend. */
export function pieChart(rows: ChartRow[], seriesName: string, fonts: DocFonts): FileChild {
  const chart = new ChartRun({
    type: 'pie',
    categories: rows.map((r) => r.name),
    series: [{ name: seriesName, values: rows.map((r) => r.value), colors: rows.map((_, i) => SLICES[i % SLICES.length]) }],
    legend: { position: 'right', font: { size: 10 } },
    dataLabels: { value: true, font: { size: 10, bold: true, color: 'FFFFFF' } },
    font: font(fonts),
    transformation: { width: WIDTH, height: 260 },
    altText: { name: seriesName, description: rows.map((r) => `${r.name}${r.value}`).join('，') },
  });
  return new Paragraph({ style: STYLE.figure, keepNext: true, children: [chart] });
}
