// Kept apart from the rules: the loader's store needs the key without loading the validator.
/** Identity of an observation: indicator × region × period × breakdown. */
export function observationKey(o: { indicator: string; region: string; period: string; breakdown?: Record<string, string> }): string {
  if (!o.breakdown) return `${o.indicator}\u0000${o.region}\u0000${o.period}\u0000`;
  const breakdown = Object.entries(o.breakdown)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([d, c]) => `${d}=${c}`)
    .join('&');
  return `${o.indicator}\u0000${o.region}\u0000${o.period}\u0000${breakdown}`;
}
