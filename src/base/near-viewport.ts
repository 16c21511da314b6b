/**
 * Charts and maps draw only when they come near the viewport: a page with
 * many of them (a dossier) does not pay for the ones far below.
 */
export const NEAR_VIEWPORT_PX = 200;

/** Calls `onNear` once the element is within the margin of the viewport; disconnect the result on removal. */
export function watchViewport(element: Element, onNear: () => void): IntersectionObserver {
  const observer = new IntersectionObserver(
    (entries) => {
      if (entries.some((e) => e.isIntersecting)) {
        observer.disconnect();
        onNear();
      }
    },
    { rootMargin: `${NEAR_VIEWPORT_PX}px` },
  );
  observer.observe(element);
  return observer;
}

/**
 * Measured at once, without waiting a frame for the observer's first report —
 * for an element on the page itself. Inside another element's shadow root (a
 * dossier composing a dozen charts and maps) each measurement would force a
 * layout of the whole dossier between the children's renders; there the
 * observer's report, one frame later, decides.
 */
export function isNearViewport(element: Element): boolean {
  if (element.getRootNode() !== element.ownerDocument) return false;
  return element.getBoundingClientRect().top < innerHeight + NEAR_VIEWPORT_PX;
}
