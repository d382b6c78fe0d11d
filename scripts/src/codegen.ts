import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '@credit/shared';
import { CodegenContext, generate } from '@graphql-codegen/cli';

import { codegenConfig } from './codegen-config';

/** The codegen outputs (path relative to the repository, content), written or not. */
export async function codegenOutputs(): Promise<{ filename: string; content: string }[]> {
  process.chdir(REPO_ROOT);
  const context = new CodegenContext({ config: codegenConfig(), filepath: path.join(REPO_ROOT, 'codegen') });
  return (await generate(context, false)) as { filename: string; content: string }[];
}

/** `npm run codegen`: regenerates every subgraph's typed resolvers. */
async function main(): Promise<void> {
  const outputs = await codegenOutputs();
  for (const { filename, content } of outputs) {
    const file = path.resolve(REPO_ROOT, filename);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  console.log(`codegen: ${outputs.length} targets written`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(`codegen failed: ${(err as Error).message}`);
    process.exit(1);
  });
}
