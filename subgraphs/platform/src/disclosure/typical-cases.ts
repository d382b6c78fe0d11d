import { randomUUID } from 'node:crypto';

import {
  badInput,
  categoryPolicy,
  codedError,
  hiddenCharacterProblem,
  keysetPage,
  keysFilter,
  maskPersonalDataIn,
  todayInCity,
  type PageArgs,
} from '@credit/shared';

import type { Context } from '../context';
import { recordReads } from '../query-log/record-reads';
import type { PublishedRecordDoc } from './models/PublishedRecord';
import type { TypicalCaseDoc, TypicalCaseStatus } from './models/TypicalCase';
import { isPublished, penaltyView, servedGroups } from './published-records';

/**
 * Typical cases (典型案例, 二(一)三): a reviewer drafts one from records the
 * platform publishes; another reviewer approves it, which publishes it, or
 * sends it back; a published case can be withdrawn. Everyone reads the
 * published ones. The summary is the author's words, shown to everyone with
 * the personal data in it masked, the cited people's names included; the
 * cited records are shown as the feed shows them, while they are published.
 */

export interface TypicalCaseInput {
  title: string;
  summary: string;
  category: string;
  measures?: string[] | null;
  citedRecordIds: string[];
}

const MAX_CITED = 20;

/** The reviewer acting: a reviewer token names its holder in `sub` (a staff id); steps of a case need to know who. */
function reviewerOf(ctx: Context): string {
  const id = ctx.principal.staffId;
  if (!id) throw badInput('This step needs a reviewer token that names the reviewer (`sub`, a staff id)', 'reviewer not named', { argument: 'sub' });
  return id;
}

async function checkedInput(
  ctx: Context,
  input: TypicalCaseInput,
): Promise<Omit<TypicalCaseDoc, '_id' | 'status' | 'authorId' | 'draftedAt' | 'reviewerId' | 'reviewNote' | 'publishedAt' | 'withdrawnAt' | 'version'>> {
  let policyMeasures: string[];
  try {
    policyMeasures = categoryPolicy(input.category).measures ?? [];
  } catch {
    throw badInput(`category ${input.category} is not in the credit policy`, 'unknown category', { argument: 'category' });
  }
  const measures = input.measures ?? policyMeasures;
  const unknown = measures.filter((m) => !policyMeasures.includes(m));
  if (unknown.length)
    throw badInput(`measures ${unknown.join(', ')} are not measures of ${input.category}`, 'unknown measure', {
      argument: 'measures',
      allowed: policyMeasures,
    });
  const cited = [...new Set(input.citedRecordIds)];
  if (cited.length === 0 || cited.length > MAX_CITED)
    throw badInput(`A case cites 1 to ${MAX_CITED} published records`, 'bad citations', { argument: 'citedRecordIds' });
  const found = new Set((await ctx.models.PublishedRecord.find(keysFilter('_id', cited), { _id: 1 }).lean().exec()).map((d) => d._id));
  const missing = cited.filter((id) => !found.has(id));
  if (missing.length) throw badInput(`Not published records: ${missing.join(', ')}`, 'unknown record', { argument: 'citedRecordIds', missing });
  for (const field of ['title', 'summary'] as const) {
    const hidden = hiddenCharacterProblem(input[field]);
    if (hidden) throw badInput(`${field}: ${hidden}`, 'hidden character', { argument: field });
  }
  if (!input.title.trim() || !input.summary.trim())
    throw badInput('A case needs a title and a summary', 'empty text', { argument: input.title.trim() ? 'summary' : 'title' });
  return { title: input.title.trim(), summary: input.summary.trim(), category: input.category, measures, citedRecordIds: cited };
}

export async function draftTypicalCase(ctx: Context, input: TypicalCaseInput): Promise<TypicalCaseDoc> {
  const authorId = reviewerOf(ctx);
  const doc: TypicalCaseDoc = {
    _id: `CASE-${randomUUID()}`,
    ...(await checkedInput(ctx, input)),
    status: 'DRAFT',
    authorId,
    draftedAt: new Date(),
    reviewerId: null,
    reviewNote: null,
    publishedAt: null,
    withdrawnAt: null,
    version: 1,
  };
  await ctx.models.TypicalCase.create(doc);
  return doc;
}

/**
 * Applies `set` to a case in one of the statuses `from`, after `check`, as
 * one conditional write on its version: of two reviewers deciding at once
 * one wins, the other gets CONFLICT.
 */
async function step(
  ctx: Context,
  id: string,
  from: TypicalCaseStatus[],
  set: Partial<TypicalCaseDoc>,
  check: (doc: TypicalCaseDoc) => void,
): Promise<TypicalCaseDoc> {
  const current = await ctx.models.TypicalCase.findById(id).lean<TypicalCaseDoc>().exec();
  if (!current) throw badInput(`No typical case ${id}`, 'unknown case', { argument: 'id' });
  if (!from.includes(current.status))
    throw codedError('CONFLICT', `Typical case ${id} is ${current.status}; this step applies to ${from.join(' or ')}`, { status: current.status });
  check(current);
  const updated = await ctx.models.TypicalCase.findOneAndUpdate(
    { _id: id, version: current.version },
    { $set: set, $inc: { version: 1 } },
    { returnDocument: 'after' },
  )
    .lean<TypicalCaseDoc>()
    .exec();
  if (!updated) throw codedError('CONFLICT', `Typical case ${id} changed meanwhile; read it again`);
  return updated;
}

const notAuthor = (reviewer: string) => (doc: TypicalCaseDoc) => {
  if (doc.authorId === reviewer) throw codedError('FORBIDDEN', 'A case is approved or sent back by a reviewer other than its author');
};

export async function reviseTypicalCase(ctx: Context, id: string, input: TypicalCaseInput): Promise<TypicalCaseDoc> {
  const reviewer = reviewerOf(ctx);
  const fields = await checkedInput(ctx, input);
  return step(ctx, id, ['DRAFT', 'RETURNED'], { ...fields, status: 'DRAFT' }, (doc) => {
    if (doc.authorId !== reviewer) throw codedError('FORBIDDEN', 'Only the author revises a draft');
  });
}

export async function approveTypicalCase(ctx: Context, id: string): Promise<TypicalCaseDoc> {
  const reviewer = reviewerOf(ctx);
  return step(ctx, id, ['DRAFT'], { status: 'PUBLISHED', reviewerId: reviewer, reviewNote: null, publishedAt: new Date() }, notAuthor(reviewer));
}

export async function returnTypicalCase(ctx: Context, id: string, note: string): Promise<TypicalCaseDoc> {
  const reviewer = reviewerOf(ctx);
  if (!note.trim()) throw badInput('Say why the case is sent back', 'empty note', { argument: 'note' });
  return step(ctx, id, ['DRAFT'], { status: 'RETURNED', reviewerId: reviewer, reviewNote: note.trim() }, notAuthor(reviewer));
}

export async function withdrawTypicalCase(ctx: Context, id: string, note: string): Promise<TypicalCaseDoc> {
  const reviewer = reviewerOf(ctx);
  if (!note.trim()) throw badInput('Say why the case is withdrawn', 'empty note', { argument: 'note' });
  return step(ctx, id, ['PUBLISHED'], { status: 'WITHDRAWN', reviewerId: reviewer, reviewNote: note.trim(), withdrawnAt: new Date() }, () => undefined);
}

/**
 * A page of cases: the published ones for everyone (newest first, by
 * category); reviewers may ask for another status. The cited records still
 * published come with each, and their people are logged as read.
 */
export async function typicalCases(ctx: Context, args: PageArgs & { category?: string | null; status?: TypicalCaseStatus | null }) {
  const status = args.status ?? 'PUBLISHED';
  if (status !== 'PUBLISHED' && ctx.principal.role !== 'reviewer') throw codedError('FORBIDDEN', 'Only reviewers see cases that are not published');
  const order = status === 'PUBLISHED' ? 'publishedAt' : 'draftedAt';
  const page = await keysetPage<TypicalCaseDoc>(ctx.models.TypicalCase, { status, ...(args.category ? { category: args.category } : {}) }, order, args, {
    shape: /^\d+$/,
    toCursor: (doc) => String((doc[order] as Date).getTime()),
    fromCursor: (key) => new Date(Number(key)),
  });
  return { ...page, nodes: await viewCases(ctx, page.nodes) };
}

/**
 * Cases as the API shows them, whoever asks: title and summary with the
 * personal data masked (the cited people's names too), the cited penalties
 * still published as the feed shows them, the review note to reviewers
 * only. The cited people are logged as read, before the answer.
 */
export async function viewCases(ctx: Context, docs: readonly TypicalCaseDoc[]) {
  const today = todayInCity();
  const cited = new Map(
    (
      await ctx.models.PublishedRecord.find(keysFilter('_id', [...new Set(docs.flatMap((c) => c.citedRecordIds))]))
        .lean<PublishedRecordDoc[]>()
        .exec()
    )
      .filter((d) => isPublished(d, today))
      .map((d) => [d._id, d]),
  );
  await recordReads(
    ctx,
    [...cited.values()].map((d) => d.personId),
    servedGroups([...cited.values()]),
  );
  return docs.map((doc) => {
    const records = doc.citedRecordIds.map((id) => cited.get(id)).filter((d): d is PublishedRecordDoc => d !== undefined);
    const names = records.map((r) => r.counterpartName);
    return {
      id: doc._id,
      title: maskPersonalDataIn(doc.title, { names }),
      summary: maskPersonalDataIn(doc.summary, { names }),
      category: doc.category,
      measures: doc.measures,
      status: doc.status,
      draftedAt: doc.draftedAt,
      publishedAt: doc.publishedAt,
      withdrawnAt: doc.withdrawnAt,
      reviewNote: ctx.principal.role === 'reviewer' ? doc.reviewNote : null,
      citedPenalties: records.filter((r) => r.kind === 'PENALTY').map(penaltyView),
    };
  });
}
