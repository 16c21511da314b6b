/**
 * Positions a tooltip through the CSSOM. A `style="…"` attribute (what a
 * template binding would write) is blocked by a strict style-src; setting
 * `element.style` from script is not.
 */
export function placeTooltip(root: ParentNode, at: { x: number; y: number } | undefined): void {
  const tip = root.querySelector<HTMLElement>('.tooltip');
  if (!tip || !at) return;
  tip.style.left = `${at.x}px`;
  tip.style.top = `${at.y}px`;
}
