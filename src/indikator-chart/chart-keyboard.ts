/**
 * Keyboard walk through a chart: the arrow keys follow what the reader sees.
 * Along the category axis (time left→right; ranked regions and age groups
 * top→bottom) and across series (up/down in a line chart, left/right in a
 * pyramid). Home/End jump to the ends.
 */
import type { ChartModel } from './chart-model.js';

export interface FocusPoint {
  datasetIndex: number;
  index: number;
}

export function nextFocus(model: ChartModel, current: FocusPoint | undefined, key: string): FocusPoint | undefined {
  const categories = model.categories.length;
  const series = model.series.length;
  if (!current) {
    return ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(key)
      ? { datasetIndex: 0, index: key === 'End' ? categories - 1 : 0 }
      : undefined;
  }
  const vertical = model.type === 'bar' || model.type === 'pyramid';
  // Pyramid: the youngest group is at the bottom, so "up" is the next (older) group.
  const upIsNext = model.type === 'pyramid';
  // Stacked columns: parts stack upwards, so "up" is the next part.
  const seriesStep = model.type === 'stacked' ? -1 : 1;
  let { datasetIndex, index } = current;
  const along = (step: number) => (index = Math.min(categories - 1, Math.max(0, index + step)));
  const across = (step: number) => (datasetIndex = Math.min(series - 1, Math.max(0, datasetIndex + step)));
  switch (key) {
    case 'ArrowRight':
      vertical ? across(1) : along(1);
      break;
    case 'ArrowLeft':
      vertical ? across(-1) : along(-1);
      break;
    case 'ArrowDown':
      vertical ? along(upIsNext ? -1 : 1) : across(seriesStep);
      break;
    case 'ArrowUp':
      vertical ? along(upIsNext ? 1 : -1) : across(-seriesStep);
      break;
    case 'Home':
      index = 0;
      break;
    case 'End':
      index = categories - 1;
      break;
    default:
      return current;
  }
  return { datasetIndex, index };
}
