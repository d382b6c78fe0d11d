import { badInput, maskCitizenIdsIn, policy, type Bureau } from '@credit/shared';

import type { Context } from '../context';
import { recordAction } from './objections';

/**
 * Personal statements (本人声明; 自主解释, seed 二(三)三), the platform's side:
 * the person attaches a short text of their own to one of their records, and
 * the owning department keeps it on the record, where everyone who sees the
 * record sees it, and reports it with the record's ground to the blacklist
 * check. The department answers whether the person has such a record; the
 * platform keeps nothing of its own.
 */
export interface PersonalStatementResult {
  bureau: Bureau;
  recordId: string;
  text: string | null;
}

export async function attachStatement(ctx: Context, args: { bureau: Bureau; recordId: string; text: string }): Promise<PersonalStatementResult> {
  const personId = ctx.principal.subjectId!;
  const text = args.text.trim();
  const max = policy().limits.maxPersonalStatementChars;
  if (!text) throw badInput('A statement needs some text', 'empty statement', { argument: 'text' });
  if ([...text].length > max) throw badInput(`A statement holds at most ${max} characters`, 'statement too long', { argument: 'text', max });
  if (/\p{Cc}/u.test(text.replace(/\n/g, ''))) throw badInput('A statement holds text only', 'control characters', { argument: 'text' });
  // Shown to others with the record: another person's ID never goes with it.
  const statement = maskCitizenIdsIn(text, personId);
  const result = await recordAction(ctx, args.bureau, { recordId: args.recordId, personId, action: 'ATTACH_STATEMENT', statement });
  if (result === 'NOT_FOUND') throw badInput(`You have no ${args.bureau} record ${args.recordId}`, 'unknown record', { argument: 'recordId' });
  return { bureau: args.bureau, recordId: args.recordId, text: statement };
}

export async function withdrawStatement(ctx: Context, args: { bureau: Bureau; recordId: string }): Promise<PersonalStatementResult> {
  const personId = ctx.principal.subjectId!;
  const result = await recordAction(ctx, args.bureau, { recordId: args.recordId, personId, action: 'WITHDRAW_STATEMENT' });
  if (result === 'NOT_FOUND') throw badInput(`You have no ${args.bureau} record ${args.recordId}`, 'unknown record', { argument: 'recordId' });
  return { bureau: args.bureau, recordId: args.recordId, text: null };
}
