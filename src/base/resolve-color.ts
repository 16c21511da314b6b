/**
 * A canvas cannot read CSS: a colour written in CSS (a custom property,
 * `color-mix()`, a system colour such as `CanvasText`) is resolved to rgb()
 * through a hidden probe element of the shadow root.
 */
export function resolveColor(probe: HTMLElement, value: string): string {
  probe.style.color = '';
  probe.style.color = value;
  return getComputedStyle(probe).color;
}
