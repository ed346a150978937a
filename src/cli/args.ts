/** A small argument parser with Italian messages: `--name value`, `--name=value`, flags, repeatable options. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface OptionSpec {
  /** `flag`: no value; `string`: one value; `list`: repeatable. */
  kind: 'flag' | 'string' | 'list';
  required?: boolean;
}

export interface Parsed {
  options: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

export function parseArgs(argv: string[], spec: Record<string, OptionSpec>, positionals: { min: number; max: number } = { min: 0, max: 0 }): Parsed {
  const options: Parsed['options'] = {};
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '--') {
      rest.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const s = spec[name];
    if (!s) throw new UsageError(`Opzione sconosciuta: --${name}`);
    if (s.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`L’opzione --${name} non vuole un valore`);
      options[name] = true;
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`Manca il valore dell’opzione --${name}`);
      i++;
    }
    if (value === '') throw new UsageError(`Il valore dell’opzione --${name} è vuoto`);
    if (s.kind === 'list') options[name] = [...((options[name] as string[] | undefined) ?? []), value];
    else {
      if (options[name] !== undefined) throw new UsageError(`L’opzione --${name} è ripetuta`);
      options[name] = value;
    }
  }
  for (const [name, s] of Object.entries(spec)) {
    if (s.required && options[name] === undefined) throw new UsageError(`Manca l’opzione obbligatoria --${name}`);
  }
  if (rest.length < positionals.min) throw new UsageError(rest.length === 0 ? 'Manca un argomento obbligatorio' : 'Mancano degli argomenti');
  if (rest.length > positionals.max) throw new UsageError(`Argomento inatteso: ${rest[positionals.max]}`);
  return { options, positionals: rest };
}
