/**
 * Metadata the source does not carry and the format requires. Adapters collect every missing fact
 * first and stop once, so that a user learns all flags in one run (not one more per run); the CLI
 * prints them with an example command line (`describeMissing`).
 */
import { AdapterError, type Reason } from './adapter-error.js';

export interface MissingFlag {
  /** The command-line flag that supplies it, e.g. "--topic". */
  flag: string;
  /** An example value, shown in the example command line ("Bevölkerung", "2025-03-31"). */
  example: string;
  /** Why it is needed, e.g. "no topic for indicator "x"" (the first case found). */
  reason: Reason;
  /** The indicators it is missing for, when it is a per-indicator fact (unit, kind, topic). */
  indicators?: string[];
}

export class MissingMetadata extends AdapterError {
  constructor(readonly flags: MissingFlag[]) {
    super({
      de: `es fehlen Angaben, die die Quelle nicht enthält: ${flags.map((f) => f.flag).join(', ')}`,
      en: `metadata the source does not carry is missing: ${flags.map((f) => f.flag).join(', ')}`,
    });
    this.name = 'MissingMetadata';
  }
}

/** Collects missing flags (each flag once, with its first reason) and throws them together. */
export class MissingCollector {
  private readonly flags = new Map<string, MissingFlag>();

  /** Notes a missing flag; the first reason is kept, and every indicator it is missing for is listed. */
  add(flag: string, example: string, reason: Reason, indicator?: string): void {
    let known = this.flags.get(flag);
    if (!known) this.flags.set(flag, (known = { flag, example, reason }));
    if (indicator !== undefined && !known.indicators?.includes(indicator)) (known.indicators ??= []).push(indicator);
  }

  get size(): number {
    return this.flags.size;
  }

  list(): MissingFlag[] {
    return [...this.flags.values()];
  }

  /** Throws a MissingMetadata with every flag collected, if any. */
  check(): void {
    if (this.flags.size) throw new MissingMetadata(this.list());
  }
}

/** Quotes a value for a POSIX shell command line, when it needs quoting. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * The message for a MissingMetadata: every flag with its reason, then an example command line
 * (`command` is what the user typed, without the missing flags).
 */
export function describeMissing(error: MissingMetadata, command: string[], lang: 'de' | 'en'): string {
  const lines = [lang === 'en' ? 'The source does not say everything the format needs. Please add:' : 'Die Quelle sagt nicht alles, was das Format braucht. Bitte angeben:'];
  const width = Math.max(...error.flags.map((f) => f.flag.length));
  for (const f of error.flags) {
    // A flag applies to every indicator; name the others it is missing for too, so nothing is filled in unseen.
    const others = (f.indicators ?? []).slice(1);
    const also = others.length ? ` (${lang === 'en' ? 'also for' : 'auch für'} ${others.join(', ')})` : '';
    lines.push(`  ${f.flag.padEnd(width)}  ${f.reason[lang]}${also}`);
  }
  const example = [...command.map(shellQuote), ...error.flags.flatMap((f) => [f.flag, shellQuote(f.example)])];
  lines.push(lang === 'en' ? 'For example:' : 'Zum Beispiel:', `  ${example.join(' ')}`);
  return lines.join('\n');
}
