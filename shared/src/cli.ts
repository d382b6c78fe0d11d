import { parseArgs } from 'node:util';

/**
 * The command line of every tool (`npm run seed`, `token`, `import`,
 * `verify-log`, the benches...). Parsing is Node's own `util.parseArgs`
 * (strict: an unknown option or a missing value is an error); this adds
 * what it lacks: `--help` that prints the usage and exits 0 without doing
 * the tool's work, and a bad command line answered with one line on stderr
 * and exit code 64, never a stack trace.
 */

export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
  default?: string | boolean;
  /** What the option does, for the usage text. */
  description: string;
  /** The value's placeholder in the usage text (`N`, `ID`). */
  value?: string;
}

export interface CliSpec<O extends Record<string, CliOption>> {
  /** How it is run: `npm run seed --`. */
  command: string;
  /** One sentence: what the tool does. */
  summary: string;
  options: O;
  /** Positional arguments, as the usage names them (`<file.jsonl>`); none when absent. */
  positionals?: { usage: string; min: number; max: number };
  /** Lines of further explanation or examples. */
  notes?: readonly string[];
}

type Values<O extends Record<string, CliOption>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean' ? boolean : O[K]['default'] extends string ? string : string | undefined;
};

/** Exit code of a bad command line: EX_USAGE of sysexits.h, apart from the codes the tools give their own outcomes (import: 2, some lines rejected). */
export const USAGE_ERROR_EXIT = 64;

/** A command-line problem the tool finds after parsing (a value out of range): reported like a parse error. */
export class UsageError extends Error {}

/** The usage text of a tool. */
export function usageText<O extends Record<string, CliOption>>(spec: CliSpec<O>): string {
  const rows = Object.entries(spec.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    const fallback = o.default !== undefined && o.default !== false && o.default !== '' ? ` (default: ${String(o.default)})` : '';
    return [flag, o.description + fallback] as const;
  });
  rows.push(['-h, --help', 'print this help and exit']);
  const width = Math.max(...rows.map(([flag]) => flag.length)) + 2;
  return [
    `Usage: ${spec.command}${Object.keys(spec.options).length ? ' [options]' : ''}${spec.positionals ? ` ${spec.positionals.usage}` : ''}`,
    '',
    spec.summary,
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}${text}`),
    ...(spec.notes?.length ? ['', ...spec.notes] : []),
    '',
  ].join('\n');
}

/** The tool's name in messages: `npm run seed`, `npm start`. */
function toolName(spec: { command: string }): string {
  return spec.command.replace(/ --$/, '');
}

function failUsage(spec: { command: string }, message: string): never {
  process.stderr.write(`${toolName(spec)}: ${message} (see --help)\n`);
  process.exit(USAGE_ERROR_EXIT);
}

/**
 * Parses `argv` by `spec`. On `--help` prints the usage and exits 0; on a
 * bad command line prints one line and exits {@link USAGE_ERROR_EXIT}.
 */
export function parseCli<O extends Record<string, CliOption>>(
  spec: CliSpec<O>,
  argv: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(usageText(spec));
    process.exit(0);
  }
  const options = Object.fromEntries(
    Object.entries(spec.options).map(([name, o]) => [
      name,
      { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.default !== undefined ? { default: o.default } : {}) },
    ]),
  );
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: argv, options: options as never, allowPositionals: Boolean(spec.positionals), strict: true });
  } catch (err) {
    // ERR_PARSE_ARGS_UNKNOWN_OPTION and friends: their message is the one line.
    failUsage(spec, (err as Error).message.split('\n')[0]!.replace(/\. To specify a positional argument.*$/, ''));
  }
  const positionals = parsed.positionals;
  if (spec.positionals && (positionals.length < spec.positionals.min || positionals.length > spec.positionals.max)) {
    failUsage(spec, `expected ${spec.positionals.usage}, got ${positionals.length} argument(s)`);
  }
  return { values: parsed.values as Values<O>, positionals };
}

/**
 * Runs a tool's main: a {@link UsageError} it throws is a one-line usage
 * error; any other failure one line `<tool> failed: <message>` and
 * exit 1. `main` returns the exit code (0 when it returns nothing).
 */
export function runCli(spec: { command: string }, main: () => Promise<number | void>): void {
  main().then(
    (code) => process.exit(code ?? 0),
    (err: unknown) => {
      if (err instanceof UsageError) failUsage(spec, err.message);
      process.stderr.write(`${toolName(spec)} failed: ${(err as Error)?.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
