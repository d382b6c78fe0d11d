import { addMonths, todayInCity } from './display-window';
import type { IngestKind } from './ingestion';
import type { NegativeRecordDoc } from './negative-record';
import type { PlatformNotifier } from './outbox';
import { policy } from './policy';

/**
 * The bureau's side of objections and credit repair (MISSION rules 6 and 7):
 * the platform runs both workflows, but the record lives in the bureau's
 * database, so the bureau flags it at once when an objection is filed (it
 * shows "under objection" wherever the record is shown), clears or removes
 * it on the decision, checks that a repair may be applied for, and ends its
 * display when a repair is approved; it also keeps the person's statement
 * (本人声明) on the record, and the last day of a postponement it granted
 * (申请延期). Each change is one conditional update,
 * repeatable without harm, and tells the platform to re-derive the person.
 */
export type RecordAction =
  | 'OPEN'
  | 'CLEAR'
  | 'CLEAR_AND_REMOVE'
  | 'CHECK_REPAIRABLE'
  | 'REPAIR'
  | 'ATTACH_STATEMENT'
  | 'WITHDRAW_STATEMENT'
  | 'CHECK_EXISTS'
  | 'CHECK_POSTPONABLE'
  | 'POSTPONE';
export type RecordActionResult = 'DONE' | 'NOT_FOUND' | 'TOO_EARLY' | 'NOT_POSTPONABLE';

export function recordActionResolver<TModels>(kinds: (models: TModels) => Record<string, IngestKind>) {
  return async (
    _parent: unknown,
    args: { recordId: string; personId: string; objectionId?: string | null; action: RecordAction; statement?: string | null; until?: string | null },
    ctx: { models: TModels; notifier: Pick<PlatformNotifier, 'notify'> },
  ): Promise<RecordActionResult> => {
    // The objection's actions name their objection; the others need none.
    if ((args.action === 'OPEN' || args.action === 'CLEAR' || args.action === 'CLEAR_AND_REMOVE') && !args.objectionId) return 'NOT_FOUND';
    const negative = Object.values(kinds(ctx.models)).filter((k) => k.negative);
    for (const { model } of negative) {
      const record = (await model.findOne({ _id: args.recordId, personId: args.personId }).lean().exec()) as NegativeRecordDoc | null;
      if (!record) continue;
      // A report of dishonest behaviour names the record written for it: it exists, for this person.
      if (args.action === 'CHECK_EXISTS') return 'DONE';
      if (args.action === 'ATTACH_STATEMENT' || args.action === 'WITHDRAW_STATEMENT') {
        const statement = args.action === 'ATTACH_STATEMENT' ? (args.statement ?? null) : null;
        await model.updateOne({ _id: args.recordId, personId: args.personId }, { $set: { personalStatement: statement } }).exec();
        // The statement goes with the record into the blacklist check: the platform re-derives the person.
        await ctx.notifier.notify([args.personId]);
        return 'DONE';
      }
      if (args.action === 'CHECK_POSTPONABLE' || args.action === 'POSTPONE') {
        // Only a record of an obligation to perform can be postponed (policy postponement); the platform checks it is shown.
        if (!policy().postponement.postponableCategories.includes(record.category)) return 'NOT_POSTPONABLE';
        if (args.action === 'CHECK_POSTPONABLE') return 'DONE';
        if (!args.until) return 'NOT_POSTPONABLE';
        await model.updateOne({ _id: args.recordId, personId: args.personId }, { $set: { postponedUntil: args.until } }).exec();
        // The postponement suspends measures: the platform re-derives the person.
        await ctx.notifier.notify([args.personId]);
        return 'DONE';
      }
      if (args.action === 'CHECK_REPAIRABLE' || args.action === 'REPAIR') {
        // Repair may be applied for only after the minimum display period of the grade (NDRC measures).
        const earliest = addMonths(record.decisionDate, policy().severityGrades[record.grade].minDisplayMonths);
        if (todayInCity() < earliest) return 'TOO_EARLY';
        if (args.action === 'CHECK_REPAIRABLE') return 'DONE';
        await model.updateOne({ _id: args.recordId, personId: args.personId, repairedOn: null }, { $set: { repairedOn: todayInCity() } }).exec();
        await ctx.notifier.notify([args.personId]);
        return 'DONE';
      }
      if (args.action === 'OPEN') {
        // Another objection already open on the record keeps its flag.
        await model.updateOne({ _id: args.recordId, personId: args.personId, underObjection: null }, { $set: { underObjection: args.objectionId } }).exec();
      } else {
        const removal = args.action === 'CLEAR_AND_REMOVE' ? { removedOn: todayInCity(), removalReason: 'REVOKED', removedByObjection: args.objectionId } : {};
        await model
          .updateOne({ _id: args.recordId, personId: args.personId, underObjection: args.objectionId }, { $set: { underObjection: null, ...removal } })
          .exec();
      }
      // The flag and a removal change what the platform derives for the person.
      await ctx.notifier.notify([args.personId]);
      return 'DONE';
    }
    // An office through which a company's listing grounds the person (IngestKind.companyListing) is
    // disputed like a record; it is no negative record of its own, so it has nothing to repair.
    if (args.action !== 'OPEN' && args.action !== 'CLEAR' && args.action !== 'CLEAR_AND_REMOVE') return 'NOT_FOUND';
    const offices = new Set(
      Object.values(kinds(ctx.models))
        .map((k) => k.companyListing?.offices)
        .filter((model) => model !== undefined),
    );
    for (const model of offices) {
      const office = await model.findOne({ _id: args.recordId, personId: args.personId }, { _id: 1 }).lean().exec();
      if (!office) continue;
      if (args.action === 'OPEN')
        await model.updateOne({ _id: args.recordId, personId: args.personId, underObjection: null }, { $set: { underObjection: args.objectionId } }).exec();
      else
        await model
          .updateOne(
            { _id: args.recordId, personId: args.personId, underObjection: args.objectionId },
            {
              $set: {
                underObjection: null,
                ...(args.action === 'CLEAR_AND_REMOVE' ? { removedOn: todayInCity(), removedByObjection: args.objectionId } : {}),
              },
            },
          )
          .exec();
      await ctx.notifier.notify([args.personId]);
      return 'DONE';
    }
    return 'NOT_FOUND';
  };
}
