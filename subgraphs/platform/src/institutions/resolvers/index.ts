import { badInput, codedError, maskCitizenId, maskName, paginate, socialCreditCodeProblem } from '@credit/shared';

import type { InstitutionMisconductGround, Resolvers } from '../../generated/graphql';
import { recordReads } from '../../query-log/record-reads';
import { complaints, decideComplaint, fileComplaint } from '../complaints';
import type { MisconductProposalDoc } from '../models/MisconductProposal';
import { forgetName, registeredNames } from '../names';
import { checkedResponsible, tellResponsible } from '../responsible';
import { InstitutionBlacklistEntry } from './InstitutionBlacklistEntry';

function checkInstitutionId(id: string): void {
  const problem = socialCreditCodeProblem(id);
  if (problem) throw badInput(`Invalid institution ID "${id}": ${problem}`, problem, { argument: 'institutionId' });
}

const byId = (doc: { _id: string }) => doc._id;

export const resolvers: Resolvers = {
  Query: {
    complaints: (_parent, args, ctx) => complaints(ctx, args),
    institutionMisconductProposals: async (_parent, args, ctx) => {
      const filter = args.status?.length ? { status: { $in: [...args.status] } } : {};
      return paginate(await ctx.models.MisconductProposal.find(filter).sort({ proposedAt: -1, _id: 1 }).lean<MisconductProposalDoc[]>().exec(), args, byId);
    },
    institutionBlacklist: async (_parent, args, ctx) => {
      const entries = await ctx.models.InstitutionBlacklistEntry.find({ liftedAt: null }).sort({ since: -1, _id: 1 }).lean().exec();
      const page = paginate(entries, args, byId);
      const names = await registeredNames(
        ctx.models,
        page.nodes.map((e) => e._id),
      );
      // The people the page names, masked, are read by whoever reads it: logged before it is answered.
      await recordReads(
        ctx,
        page.nodes.flatMap((e) => (e.responsible ?? []).map((p) => p.personId)),
        ['identity'],
      );
      return {
        ...page,
        nodes: page.nodes.map((e) => ({
          institutionId: e._id,
          name: names.get(e._id) ?? null,
          ground: (e.ground ?? null) as InstitutionMisconductGround | null,
          since: e.since,
          responsible: (e.responsible ?? []).map((p) => ({ personId: maskCitizenId(p.personId), name: maskName(p.name), role: p.role })),
        })),
      };
    },
    institutionBlacklistEntries: async (_parent, args, ctx) => {
      const filter = args.includeLifted ? {} : { liftedAt: null };
      const page = paginate(await ctx.models.InstitutionBlacklistEntry.find(filter).sort({ since: -1, _id: 1 }).lean().exec(), args, byId);
      await recordReads(
        ctx,
        page.nodes.flatMap((e) => (e.responsible ?? []).map((p) => p.personId)),
        ['identity'],
      );
      return page;
    },
    institution: async (_parent, { id }, ctx) => {
      const doc = await ctx.models.Institution.findById(id.toUpperCase()).lean().exec();
      return doc ? { id: doc._id, name: doc.name } : null;
    },
  },
  Mutation: {
    fileComplaint: (_parent, args, ctx) => fileComplaint(ctx, args),
    decideComplaint: (_parent, args, ctx) => decideComplaint(ctx, args),
    dismissMisconductProposal: async (_parent, { id, reason }, ctx) => {
      if (!reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
      const dismissed = await ctx.models.MisconductProposal.findOneAndUpdate(
        { _id: id, status: 'OPEN' },
        { $set: { status: 'DISMISSED', decidedAt: new Date(), decisionReason: reason } },
        { returnDocument: 'after' },
      )
        .lean()
        .exec();
      if (dismissed) return dismissed;
      const existing = await ctx.models.MisconductProposal.findById(id).lean().exec();
      if (!existing) throw badInput(`No proposal ${id}`, 'unknown proposal', { argument: 'id' });
      throw codedError('CONFLICT', `Proposal ${id} was already decided`, { status: existing.status });
    },
    registerInstitution: async (_parent, { id, name }, ctx) => {
      checkInstitutionId(id);
      if (name.trim().length < 2 || name.length > 100) throw badInput('An institution name has 2 to 100 characters', 'bad name', { argument: 'name' });
      const doc = await ctx.models.Institution.findOneAndUpdate(
        { _id: id.toUpperCase() },
        { $set: { name: name.trim(), registeredBy: ctx.principal.org ?? 'reviewer' }, $setOnInsert: { registeredAt: new Date() } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean()
        .exec();
      forgetName(ctx.models, id.toUpperCase());
      return { id: doc!._id, name: doc!.name };
    },

    blacklistInstitution: async (_parent, { institutionId, ground, reason, responsible }, ctx) => {
      checkInstitutionId(institutionId);
      if (!reason.trim()) throw badInput('A reason is required', 'empty reason', { argument: 'reason' });
      const people = checkedResponsible(responsible ?? []);
      const since = new Date();
      const id = institutionId.toUpperCase();
      const entry = await ctx.models.InstitutionBlacklistEntry.findOneAndUpdate(
        { _id: id },
        { $set: { ground, reason, since, liftedAt: null, decidedBy: ctx.principal.org ?? 'reviewer', responsible: people } },
        { upsert: true, returnDocument: 'after' },
      )
        .lean()
        .exec();
      // The platform's open proposal is confirmed by the blacklisting (one per institution is open at a time).
      for (const open of await ctx.models.MisconductProposal.find({ institutionId: id, status: 'OPEN' }).lean().exec())
        await ctx.models.MisconductProposal.updateOne(
          { _id: open._id, status: 'OPEN' },
          { $set: { status: 'CONFIRMED', decidedAt: since, decisionReason: reason } },
        ).exec();
      await tellResponsible(ctx, entry!);
      return entry!;
    },

    liftInstitutionBlacklist: async (_parent, { institutionId }, ctx) => {
      checkInstitutionId(institutionId);
      const lifted = await ctx.models.InstitutionBlacklistEntry.findOneAndUpdate(
        { _id: institutionId.toUpperCase(), liftedAt: null },
        { $set: { liftedAt: new Date() } },
        { returnDocument: 'after' },
      )
        .lean()
        .exec();
      if (lifted) return lifted;
      const existing = await ctx.models.InstitutionBlacklistEntry.findById(institutionId.toUpperCase()).lean().exec();
      if (existing) return existing;
      throw codedError('BAD_USER_INPUT', `Institution ${institutionId} is not on the blacklist`, { reason: 'not blacklisted' });
    },
  },
  Person: {
    complaints: async ({ id }, args, { loaders }) => paginate(await loaders.complaintsByPerson.load(id), args, byId),
    institutionResponsibilities: async ({ id }, args, ctx) => {
      const entries = await ctx.loaders.blacklistingsNaming.load(id);
      const names = await registeredNames(
        ctx.models,
        entries.map((e) => e._id),
      );
      const own = entries.map((e) => ({
        institutionId: e._id,
        institutionName: names.get(e._id) ?? null,
        ground: (e.ground ?? null) as InstitutionMisconductGround | null,
        role: e.responsible!.find((p) => p.personId === id)!.role,
        since: e.since,
        liftedAt: e.liftedAt ?? null,
      }));
      return paginate(own, args, (r) => r.institutionId);
    },
  },
  InstitutionBlacklistEntry,
  Complaint: { id: byId, queryLogSequence: (doc) => (doc.queryLogSequence == null ? null : String(doc.queryLogSequence)) },
  MisconductProposal: { id: byId },
};
