/**
 * "Bild speichern (PNG)", made in the browser: no server, no third party.
 * The picture carries its title, unit and the source and licence lines, as
 * dl-de/by-2-0 asks of every copy. (The CSV is src/base/downloads.ts.)
 */
import { fileNameOf } from '../base/downloads.js';
import type { ChartModel } from './chart-model.js';

/** A file name from the indicator and what is shown: "arbeitslosenquote-15085-2016.csv". */
export function fileName(model: ChartModel, extension: string): string {
  return fileNameOf([model.indicator.id, ...model.series.flatMap((s) => (s.region ? [s.region.key] : [])).slice(0, 3), model.period], extension);
}

/** Breaks text into lines no wider than `width` on the canvas. */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (line && ctx.measureText(next).width > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

export interface PictureText {
  title: string;
  subtitle: string;
  footer: string[];
  font: string;
  text: string;
  muted: string;
  background: string;
}

/** The chart as a PNG with title above and sources below, as a data: URL. */
export function chartPng(canvas: HTMLCanvasElement, t: PictureText): string {
  const scale = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const pad = 16 * scale;
  const out = document.createElement('canvas');
  const ctx = out.getContext('2d')!;
  const width = canvas.width + 2 * pad;
  const titleFont = `600 ${18 * scale}px ${t.font}`;
  const bodyFont = `${13 * scale}px ${t.font}`;
  ctx.font = titleFont;
  const titleLines = wrap(ctx, t.title, width - 2 * pad);
  ctx.font = bodyFont;
  const subtitleLines = wrap(ctx, t.subtitle, width - 2 * pad);
  const footerLines = t.footer.flatMap((f) => wrap(ctx, f, width - 2 * pad));
  const lh = (size: number) => size * 1.4 * scale;
  const head = titleLines.length * lh(18) + subtitleLines.length * lh(13) + pad;
  out.width = width;
  out.height = Math.ceil(pad + head + canvas.height + pad / 2 + footerLines.length * lh(13) + pad);
  ctx.fillStyle = t.background;
  ctx.fillRect(0, 0, out.width, out.height);
  ctx.textBaseline = 'top';
  let y = pad;
  ctx.fillStyle = t.text;
  ctx.font = titleFont;
  for (const l of titleLines) ctx.fillText(l, pad, y), (y += lh(18));
  ctx.font = bodyFont;
  ctx.fillStyle = t.muted;
  for (const l of subtitleLines) ctx.fillText(l, pad, y), (y += lh(13));
  y += pad / 2;
  ctx.drawImage(canvas, pad, y);
  y += canvas.height + pad / 2;
  for (const l of footerLines) ctx.fillText(l, pad, y), (y += lh(13));
  return out.toDataURL('image/png');
}
