/**
 * An 8×8 tile of diagonal hatching: reference bars in charts and "keine
 * Daten" regions on maps differ from the rest by more than colour.
 */
export function hatchTile(line: string, background: string, width = 2): CanvasRenderingContext2D | undefined {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 8;
  // A CPU canvas: maps read the pixels back once (from a GPU canvas that cost up to 700 ms).
  const c = canvas.getContext('2d', { willReadFrequently: true });
  if (!c) return undefined;
  c.fillStyle = background;
  c.fillRect(0, 0, 8, 8);
  c.strokeStyle = line;
  c.lineWidth = width;
  c.beginPath();
  c.moveTo(0, 8);
  c.lineTo(8, 0);
  c.moveTo(-2, 2);
  c.lineTo(2, -2);
  c.moveTo(6, 10);
  c.lineTo(10, 6);
  c.stroke();
  return c;
}
