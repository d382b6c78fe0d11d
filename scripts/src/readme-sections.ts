import { readFileSync } from 'node:fs';
import path from 'node:path';

import { environmentTable, REPO_ROOT, SUBGRAPHS, subgraphSdl } from '@credit/shared';
import { Kind, parse, type ObjectTypeDefinitionNode, type ObjectTypeExtensionNode } from 'graphql';
import { format, resolveConfig } from 'prettier';

import { errorCodesTable } from './error-codes-doc';

/**
 * The parts of README.md that derive from one source of knowledge are
 * generated between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->`
 * (`npm run docs`) and checked for freshness before the tests, so the README
 * cannot drift from the source registry or the error registry.
 */
export const README_FILE = path.join(REPO_ROOT, 'README.md');

/** The fields a subgraph contributes to the public `Person` (not the key, not internal ones). */
function publicPersonFields(sdl: string): string[] {
  const fields: string[] = [];
  for (const def of parse(sdl).definitions) {
    if ((def.kind !== Kind.OBJECT_TYPE_DEFINITION && def.kind !== Kind.OBJECT_TYPE_EXTENSION) || def.name.value !== 'Person') continue;
    for (const field of (def as ObjectTypeDefinitionNode | ObjectTypeExtensionNode).fields ?? []) {
      // The table shows what to use: deprecated fields stay in the API, not here.
      if (field.name.value === 'id' || field.directives?.some((d) => ['inaccessible', 'deprecated'].includes(d.name.value))) continue;
      fields.push(field.name.value);
    }
  }
  return fields;
}

function sourcesTable(): string {
  const rows = SUBGRAPHS.map((entry) => {
    const fields = publicPersonFields(subgraphSdl(entry));
    return `| \`${entry.name}\` | ${entry.label} | \`${entry.bureau}\` | ${entry.defaultPort} | ${fields.map((f) => `\`${f}\``).join(', ')} |`;
  });
  return ['| subgraph | source | bureau code | port | owns (Person fields) |', '| --- | --- | --- | ---: | --- |', ...rows].join('\n');
}

const SECTIONS: Record<string, () => string> = { sources: sourcesTable, 'error-codes': errorCodesTable, environment: environmentTable };

/** README.md as it should be now: every generated section replaced, then formatted as the repository formats it. */
export async function generatedReadme(current: string = readFileSync(README_FILE, 'utf8')): Promise<string> {
  let text = current;
  for (const [name, build] of Object.entries(SECTIONS)) {
    const open = `<!-- generated:${name} (npm run docs; do not edit) -->`;
    const close = `<!-- /generated:${name} -->`;
    const start = text.indexOf(open);
    const end = text.indexOf(close);
    if (start < 0 || end < start) throw new Error(`README.md has no generated section ${name} (${open} ... ${close})`);
    text = `${text.slice(0, start + open.length)}\n\n${build()}\n\n${text.slice(end)}`;
  }
  const options = (await resolveConfig(README_FILE)) ?? {};
  return format(text, { ...options, filepath: README_FILE });
}
