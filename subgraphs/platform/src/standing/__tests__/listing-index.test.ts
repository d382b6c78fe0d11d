import { addMonths, makeCitizenId, scratchDatabase } from '@credit/shared';

import { createModels, type Models } from '../../models';
import { appendStandingChange, checkStanding, ListingIndex, standingsOf } from '../listing-index';
import type { StandingDoc } from '../models/StandingChange';

let scratch: Awaited<ReturnType<typeof scratchDatabase<Models>>> | undefined;
let models: Models[];

beforeAll(async () => {
  // Two connections stand for two platform processes sharing one database.
  scratch = await scratchDatabase('listing', 2, createModels);
  models = scratch.models;
});
afterAll(async () => {
  await scratch?.dispose();
});

const person = (n: number) => makeCitizenId('510781', '1980-01-01', n);

function standing(personId: string, extra: Partial<StandingDoc> = {}): StandingDoc {
  return { personId, grounds: [], lastNegativeDecisionDate: null, goodRecords: false, honours: [], ...extra };
}

const ground = (since: string, until: string) => ({ bureau: 'COURTS', recordId: 'DL-1', category: 'DISHONEST_JUDGMENT_DEBTOR', since, until });

describe('a standing on a given day', () => {
  it('is listed from the ground’s first day up to, not including, its end', () => {
    const s = standing(person(1), { grounds: [ground('2026-01-10', '2027-01-10')], lastNegativeDecisionDate: '2026-01-10' });
    expect(checkStanding(s.personId, s, '2026-01-09').listed).toBe(false);
    expect(checkStanding(s.personId, s, '2026-01-10')).toMatchObject({
      listed: true,
      categories: ['DISHONEST_JUDGMENT_DEBTOR'],
      since: '2026-01-10',
      until: '2027-01-10',
      greenChannelGrounds: [],
    });
    expect(checkStanding(s.personId, s, '2027-01-10').listed).toBe(false);
  });

  it('opens the green channel for good records (an honour only while in force) or for three clean years, either one', () => {
    const honour = { awardedOn: '2020-05-01', validUntil: '2025-04-30' };
    const honoured = standing(person(2), { honours: [honour], lastNegativeDecisionDate: '2023-06-01' });
    expect(checkStanding(honoured.personId, honoured, '2024-01-01').greenChannelGrounds).toEqual([]);
    const clean = standing(person(2), { honours: [honour] });
    expect(checkStanding(clean.personId, clean, '2024-01-01').greenChannelGrounds).toEqual(['GOOD_RECORDS', 'CLEAN_YEARS']);
    expect(checkStanding(clean.personId, clean, '2025-05-01').greenChannelGrounds).toEqual(['CLEAN_YEARS']);
    const volunteer = standing(person(3), { goodRecords: true, lastNegativeDecisionDate: '2024-03-01' });
    expect(checkStanding(volunteer.personId, volunteer, addMonths('2024-03-01', 36))).toMatchObject({
      greenChannelEligible: true,
      greenChannelGrounds: ['CLEAN_YEARS'],
    });
    expect(checkStanding(volunteer.personId, volunteer, addMonths('2024-03-01', 35)).greenChannelEligible).toBe(false);
  });

  it('counts the clean years from the day the person came of age', () => {
    const young = makeCitizenId('510781', '2006-02-01', 4);
    expect(checkStanding(young, undefined, '2027-01-31').greenChannelEligible).toBe(false);
    expect(checkStanding(young, undefined, '2027-02-01').greenChannelGrounds).toEqual(['CLEAN_YEARS']);
  });

  it('is unlisted, with the clean-years ground of an adult, for someone the index does not know', () => {
    expect(checkStanding(person(9), undefined, '2026-11-25')).toMatchObject({
      listed: false,
      categories: [],
      greenChannelEligible: true,
      greenChannelGrounds: ['CLEAN_YEARS'],
      underObjection: false,
    });
  });
});

describe('the standing feed shared by platform processes', () => {
  it('gives concurrent writers of two processes distinct sequence numbers without gaps', async () => {
    const appends = Array.from({ length: 30 }, (_, i) => appendStandingChange(models[i % 2]!, [standing(person(100 + i), { goodRecords: true })]));
    const sequences = (await Promise.all(appends)).sort((a, b) => a - b);
    expect(sequences).toEqual(Array.from({ length: 30 }, (_, i) => sequences[0]! + i));
  });

  it('shows a change written by one process in the next check of the other', async () => {
    const reader = new ListingIndex(models[0]!);
    const debtor = person(200);
    expect(await reader.catchUp()).toBe(false); // loading: ask the database meanwhile
    await reader.whenLoaded();
    expect(reader.check(debtor, '2026-11-25').listed).toBe(false);

    // The other process re-derives the debtor's standing and appends it.
    await models[1]!.JointPunishmentStatus.create({
      _id: debtor,
      grounds: [ground('2026-01-10', '2031-01-10')],
      lastNegativeDecisionDate: '2026-01-10',
      listed: true,
      categories: ['DISHONEST_JUDGMENT_DEBTOR'],
      measures: [],
      updatedAt: new Date(),
    });
    await appendStandingChange(models[1]!, await standingsOf(models[1]!, [debtor]));
    expect(await reader.catchUp()).toBe(true);
    expect(reader.check(debtor, '2026-11-25')).toMatchObject({ listed: true, since: '2026-01-10' });

    // Delisted: the standing with no ground replaces the old one.
    await models[1]!.JointPunishmentStatus.updateOne({ _id: debtor }, { $set: { grounds: [], listed: false, categories: [] } });
    await appendStandingChange(models[1]!, await standingsOf(models[1]!, [debtor]));
    await reader.catchUp();
    expect(reader.check(debtor, '2026-11-25').listed).toBe(false);
  });

  it('reloads from the collections when the entries it still needed were pruned', async () => {
    const reader = new ListingIndex(models[0]!);
    await reader.whenLoaded();
    const honoured = person(400);
    await models[1]!.RedListEntry.create({
      _id: 'RL-LI-1',
      personId: honoured,
      title: '绵阳市道德模范',
      awardingBody: '绵阳市文明办',
      awardedOn: '2026-01-01',
      sourceOrganisation: '绵阳市文明办',
      legalBasis: '《绵阳市道德模范评选表彰办法》',
    });
    const missed = await appendStandingChange(models[1]!, await standingsOf(models[1]!, [honoured]));
    await appendStandingChange(models[1]!, [standing(person(401))]);
    // As if the feed had moved more than its kept length past this reader.
    await models[1]!.StandingChange.deleteOne({ _id: missed });
    expect(await reader.catchUp()).toBe(false);
    await reader.whenLoaded();
    expect(await reader.catchUp()).toBe(true);
    expect(reader.check(honoured, '2026-11-25').greenChannelEligible).toBe(true);
  });

  it('loads what is stored when it starts, then follows the feed', async () => {
    const volunteer = person(300);
    await models[1]!.VolunteerRecord.create({
      _id: 'VOL-LI-1',
      personId: volunteer,
      organisation: '绵阳市志愿者协会',
      sourceOrganisation: '绵阳市志愿服务联合会',
      activity: '社区服务',
      hours: 8,
      servedOn: '2026-10-01',
      legalBasis: '《志愿服务条例》',
    });
    const fresh = new ListingIndex(models[0]!);
    await fresh.whenLoaded();
    expect(fresh.check(volunteer, '2026-11-25').greenChannelEligible).toBe(true);
    expect(fresh.check(person(200), '2026-11-25').listed).toBe(false);
  });
});
