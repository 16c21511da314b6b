/**
 * The dossier's view in the URL hash — `#region=15085&topic=bevoelkerung` —
 * so a view can be shared and the browser's Back button returns to the
 * previous region or topic. Other hash parameters of the page are kept.
 */
export interface ViewState {
  region?: string | undefined;
  topic?: string | undefined;
  section?: string | undefined;
}

const KEYS = ['region', 'topic', 'section'] as const;

export function readHash(hash: string = location.hash): ViewState {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const state: ViewState = {};
  for (const key of KEYS) {
    const value = params.get(key);
    if (value) state[key] = value;
  }
  return state;
}

/** The hash for a view, keeping parameters the page itself put there. */
export function hashFor(state: ViewState, hash: string = location.hash): string {
  const params = new URLSearchParams(/=/.test(hash) ? hash.replace(/^#/, '') : '');
  for (const key of KEYS) {
    const value = state[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  return `#${params.toString()}`;
}
