import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';

import { CitizenIdError, parseCitizenId } from './citizen-id';
import { badInput } from './errors';
import { isCategoryCode, policy } from './policy';

function citizenIdFromInput(value: unknown): string {
  try {
    return parseCitizenId(value).id;
  } catch (err) {
    if (err instanceof CitizenIdError) throw badInput(err.message, err.reason, { value: err.value });
    throw err;
  }
}

/** `CitizenId`: an 18-character GB 11643 ID; invalid input is `BAD_USER_INPUT` with the reason. */
export const CitizenIdScalar = new GraphQLScalarType({
  name: 'CitizenId',
  description: '18-character citizen ID number (GB 11643) with a valid birth date and ISO 7064 MOD 11-2 check character.',
  serialize: (value) => String(value),
  parseValue: citizenIdFromInput,
  parseLiteral: (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw badInput('Citizen ID must be given as a string', 'not a string literal');
    return citizenIdFromInput(ast.value);
  },
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Returns the ISO date when `value` is a real calendar date, otherwise null. */
export function isoDateOrNull(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = ISO_DATE.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value ? value : null;
}

function dateFromInput(value: unknown): string {
  const date = isoDateOrNull(value);
  if (!date) throw badInput(`Invalid date ${JSON.stringify(value)}`, 'expected YYYY-MM-DD', { value });
  return date;
}

/** `Date`: a calendar date `YYYY-MM-DD` (dates of decisions, births, listings). */
export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'A calendar date, `YYYY-MM-DD`.',
  serialize: (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value)),
  parseValue: dateFromInput,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('Date must be a string', 'not a string literal');
    return dateFromInput(ast.value);
  },
});

function dateTimeFromInput(value: unknown): Date {
  const d = typeof value === 'string' ? new Date(value) : null;
  if (!d || Number.isNaN(d.getTime())) throw badInput(`Invalid date-time ${JSON.stringify(value)}`, 'expected an ISO 8601 date-time', { value });
  return d;
}

/** `DateTime`: an ISO 8601 instant in UTC. */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'An instant, ISO 8601 in UTC (`2026-11-25T08:00:00.000Z`).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: dateTimeFromInput,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw badInput('DateTime must be a string', 'not a string literal');
    return dateTimeFromInput(ast.value);
  },
});

function jsonObjectFromInput(value: unknown): Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw badInput('Expected a JSON object', 'not an object', { value });
  return value as Record<string, unknown>;
}

function literalToJson(ast: ValueNode): unknown {
  switch (ast.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literalToJson(f.value)]));
    case Kind.LIST:
      return ast.values.map(literalToJson);
    case Kind.STRING:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.BOOLEAN:
      return ast.value;
    case Kind.NULL:
      return null;
    default:
      throw badInput('Variables are not allowed inside a JSON object literal', 'variable in literal');
  }
}

/** `JSONObject`: a record as a bureau sends it. */
export const JSONObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object.',
  serialize: (value) => value,
  parseValue: jsonObjectFromInput,
  parseLiteral: (ast) => jsonObjectFromInput(literalToJson(ast)),
});

/**
 * A code of the credit policy (a category, a key profession): any string the
 * policy holds, so a new category is a policy edit, not a schema change; an
 * unknown one is `BAD_USER_INPUT` naming the policy version.
 */
function policyCodeScalar(name: string, what: string, known: (code: string) => boolean, description: string): GraphQLScalarType {
  const fromInput = (value: unknown): string => {
    if (typeof value !== 'string' || !known(value)) {
      throw badInput(`${JSON.stringify(value)} is not a ${what} of credit policy ${policy().version}`, `unknown ${what}`, { value });
    }
    return value;
  };
  return new GraphQLScalarType({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: fromInput,
    parseLiteral: (ast: ValueNode) => {
      if (ast.kind !== Kind.STRING) throw badInput(`A ${what} must be given as a string`, 'not a string literal');
      return fromInput(ast.value);
    },
  });
}

export const CategoryCodeScalar = policyCodeScalar(
  'CategoryCode',
  'category',
  (code) => isCategoryCode(code),
  'A credit category of the policy (`categories`), e.g. `TAX_ARREARS`.',
);
export const ProfessionCodeScalar = policyCodeScalar(
  'ProfessionCode',
  'key profession',
  (code) => Object.hasOwn(policy().keyProfessions, code),
  'A key profession of the policy (`keyProfessions`), e.g. `TOUR_GUIDE`.',
);

/** Resolver map entries for the scalars every subgraph declares. */
export const scalarResolvers = {
  CitizenId: CitizenIdScalar,
  CategoryCode: CategoryCodeScalar,
  ProfessionCode: ProfessionCodeScalar,
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSONObject: JSONObjectScalar,
};
