// Measurement harness shared by every page of scripts/bench-map.js (element and bare pages alike).
// A classic script in <head>, loaded before anything else; its bytes are not counted as the page's JS.
//
// window.__bench.render       first complete render: <kreis-map>'s kd-render, or the bare map's first
//                             `idle` (both: MapLibre has drawn and nothing is loading), ms since navigation start
// window.__bench.hoverAt      a mousemove at the centre of the map canvas, dispatched in the task after the render
//                             (if it hits no region, the next points in turn, one task each: hoverTries)
// window.__bench.interactive  the hover is answered: the element shows its tooltip, the bare page's
//                             `mousemove` on its fill layer has a feature (queryRenderedFeatures under the pointer)
// window.__bench.longTasks    [startTime, duration] of main-thread tasks over 50 ms
(() => {
  const bench = (window.__bench = { longTasks: [] });
  /** Hover points, px from the centre of the map canvas, tried in turn until one is answered. */
  const HOVER_POINTS = [[0, 0], [37, 23], [-37, -23], [37, -23], [-37, 23], [0, 47], [0, -47], [79, 0], [-79, 0]];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) bench.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    bench.longTasks = null; // not supported: reported as such
  }

  /** Both pages call this with the map canvas once the first complete render is on screen. */
  window.__benchRendered = (canvas) => {
    if (bench.render) return;
    bench.render = performance.now();
    if (!canvas) {
      bench.error = 'no map canvas after the first render (no WebGL? the element shows its table instead)';
      return;
    }
    // A tiny Gemeinde dropped by the tiler at this zoom leaves a hole, so a point may hit nothing: then the
    // next task tries the next point (both pages answer a hit before that task: synchronously, or by microtask).
    const r = canvas.getBoundingClientRect();
    let tries = 0;
    const hover = () => {
      if (bench.interactive || tries === HOVER_POINTS.length) return;
      const [dx, dy] = HOVER_POINTS[tries++];
      bench.hoverTries = tries;
      const at = { clientX: r.left + r.width / 2 + dx, clientY: r.top + r.height / 2 + dy };
      canvas.dispatchEvent(new MouseEvent('mousemove', { bubbles: true, composed: true, ...at }));
      setTimeout(hover);
    };
    setTimeout(() => {
      bench.canvas = `${Math.round(r.width)}×${Math.round(r.height)}`;
      bench.hoverAt = performance.now();
      hover();
    });
  };

  window.__benchAnswered = () => {
    bench.interactive ??= performance.now();
  };

  // Element pages: the first kd-render of the (only) <kreis-map>.
  document.addEventListener(
    'kd-render',
    (event) => {
      const element = event.composedPath()[0];
      const root = element.shadowRoot;
      new MutationObserver(() => root.querySelector('.tooltip') && window.__benchAnswered()).observe(root, { childList: true, subtree: true });
      window.__benchRendered(root.querySelector('.maplibre canvas'));
    },
    { once: true },
  );
})();
