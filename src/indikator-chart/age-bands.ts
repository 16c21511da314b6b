/**
 * Official age groups are not equally wide ("18 bis unter 20" is two
 * years, "65 bis unter 75" ten, "75 und mehr" open). Charts draw the
 * official counts unchanged, so the summary must say that wide groups count
 * more people. The widths are read from the German category labels.
 */
const UNDER = /^unter (\d+)/;
const RANGE = /^(\d+) bis unter (\d+)/;
const OPEN = /^(\d+) (?:Jahre )?und (?:mehr|älter)/;

/** Width in years of each group (Infinity for an open group), or undefined when a label is not an age band. */
export function bandWidths(labels: readonly string[]): number[] | undefined {
  const widths: number[] = [];
  for (const label of labels) {
    let m: RegExpExecArray | null;
    if ((m = RANGE.exec(label))) widths.push(Number(m[2]) - Number(m[1]));
    else if ((m = UNDER.exec(label))) widths.push(Number(m[1]));
    else if (OPEN.test(label)) widths.push(Infinity);
    else return undefined;
  }
  return widths;
}

/** The narrowest and widest closed band, when the bands differ. */
export function unequalBands(labels: readonly string[]): { min: number; max: number; open: boolean } | undefined {
  const widths = bandWidths(labels);
  if (!widths) return undefined;
  const closed = widths.filter(Number.isFinite);
  const min = Math.min(...closed);
  const max = Math.max(...closed);
  const open = closed.length < widths.length;
  return min !== max || open ? { min, max, open } : undefined;
}
