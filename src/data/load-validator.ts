import { DataError } from './data-error.js';

type Validator = typeof import('../format/validate.js');
let loading: Promise<Validator> | undefined;

/**
 * The validator (valibot and the schema, a third of the shared code) is fetched on first use, while the
 * first data file is still on its way: the core script, which draws the placeholders, stays small.
 * A failed fetch (a deploy in progress, a flaky connection) is retried by the next load.
 */
export function loadValidator(): Promise<Validator> {
  loading ??= import('../format/validate.js').catch((cause: unknown) => {
    loading = undefined;
    throw new DataError('network', { source: 'kreisdossier (validate)', cause });
  });
  // Handled by whoever awaits it; a load that fails before awaiting (a 404) must not leave an unhandled rejection.
  loading.catch(() => {});
  return loading;
}
