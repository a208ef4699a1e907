/**
 * A chart drawn as SVG (recharts) turned into a PNG file for the Word statistics report: the SVG is
 * serialised with its computed text styles inlined, drawn onto a white canvas at `scale` × its size.
 */
import { uploadMade } from '../files';

export interface ChartPng {
  title: string;
  png: Blob;
  width: number;
  height: number;
}

const TEXT_STYLES = ['font-family', 'font-size', 'font-weight', 'fill', 'stroke', 'stroke-width', 'opacity'];

export async function svgToPng(svg: SVGSVGElement, title: string, scale = 2): Promise<ChartPng> {
  const box = svg.getBoundingClientRect();
  const width = Math.max(1, Math.round(box.width || Number(svg.getAttribute('width')) || 600));
  const height = Math.max(1, Math.round(box.height || Number(svg.getAttribute('height')) || 300));
  const copy = svg.cloneNode(true) as SVGSVGElement;
  // Styles from CSS do not travel with a serialised SVG: copy the ones that change how text and lines look.
  const from = svg.querySelectorAll('*');
  copy.querySelectorAll('*').forEach((el, i) => {
    const cs = getComputedStyle(from[i]);
    const style = TEXT_STYLES.map((p) => `${p}:${cs.getPropertyValue(p)}`).join(';');
    el.setAttribute('style', `${el.getAttribute('style') ?? ''};${style}`);
  });
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  const url = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(copy))}`;
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const i = new Image();
    i.onload = () => resolve(i);
    i.onerror = () => reject(new Error(`图表「${title}」无法转换为图片。`));
    i.src = url;
  });
  const canvas = document.createElement('canvas');
  canvas.width = width * scale;
  canvas.height = height * scale;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  const png = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error(`图表「${title}」无法转换为图片。`))), 'image/png'));
  return { title, png, width: canvas.width, height: canvas.height };
}

/**
 * Every chart inside `root` marked with `data-chart-title="…"` (the recharts container's wrapper), as a
 * PNG file sent to the archive (kind 'chart'), for the report's `charts`.
 * Use: `<ExportButton channel="documents.statistics" input={async () => ({ year, charts: await chartsIn(ref.current!) })} … />`.
 */
export async function chartsIn(root: HTMLElement): Promise<{ title: string; uploadId: string; width: number; height: number }[]> {
  const out: { title: string; uploadId: string; width: number; height: number }[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('[data-chart-title]')) {
    const svg = el.querySelector<SVGSVGElement>('svg.recharts-surface') ?? el.querySelector('svg');
    if (!svg) continue;
    const { png, ...chart } = await svgToPng(svg, el.dataset.chartTitle ?? '图表');
    const { uploadId } = await uploadMade('chart', `${chart.title}.png`, png);
    out.push({ ...chart, uploadId });
  }
  return out;
}
