/**
 * MapLibre GL JS, imported only when a map is on the page (about 300 kB gzip
 * that pages without maps never load). It is loaded from the site's own
 * origin as an ES module; its worker file sits beside it, so no blob: URL and
 * no eval is needed under a strict Content-Security-Policy.
 */
export type MapLibre = typeof import('maplibre-gl');

const loads = new Map<string, Promise<MapLibre>>();

export function loadMapLibre(url: string, workerUrl?: string): Promise<MapLibre> {
  let pending = loads.get(url);
  if (!pending) {
    pending = import(/* @vite-ignore */ url) as Promise<MapLibre>;
    loads.set(url, pending);
    pending.catch(() => loads.delete(url)); // a later map may try again
  }
  return pending.then((maplibre) => {
    if (workerUrl) maplibre.setWorkerUrl(new URL(workerUrl, document.baseURI).href);
    return maplibre;
  });
}

let webgl: boolean | undefined;

/** Whether this browser can draw WebGL at all (else the map shows its table). Probed once per page. */
export function webglAvailable(): boolean {
  if (webgl !== undefined) return webgl;
  try {
    const canvas = document.createElement('canvas');
    const context = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
    webgl = !!context;
    context?.getExtension('WEBGL_lose_context')?.loseContext(); // give the probe's context back at once
  } catch {
    webgl = false;
  }
  return webgl;
}
