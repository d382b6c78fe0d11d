import { addDays, addMonths, makeCitizenId, scratchDatabase, todayInCity, type Bureau, type Publication } from '@credit/shared';

import { createModels, type Models } from '../../models';
import {
  addCompanyFacts,
  joinCompanyGrounds,
  mergeBureauFacts,
  noCompanyFacts,
  noFacts,
  recomputeJointPunishment,
  type CompanySource,
  type FactsSource,
  type PersonFacts,
} from '../joint-punishment';
import { effectiveStatus } from '../standing-rules';

let scratch: Awaited<ReturnType<typeof scratchDatabase<Models>>> | undefined;
let models: Models[];

beforeAll(async () => {
  // Two connections stand for two platform processes sharing one database.
  scratch = await scratchDatabase('jointpunishment', 2, createModels);
  models = scratch.models;
});
afterAll(async () => {
  await scratch?.dispose();
});

const today = todayInCity();
const lastMonth = addMonths(today, -1);
const nextYear = addMonths(today, 12);
const person = (n: number) => makeCitizenId('510722', '1975-03-04', n);

/** A shown serious record of a bureau: a ground and a negative record. */
function serious(bureau: Bureau, recordId: string, category: string, since = lastMonth, until = nextYear): PersonFacts {
  return {
    grounds: [{ bureau, recordId, category, since, until, underObjection: false }],
    restrictions: [],
    negatives: [{ bureau, recordId, category, grade: 'SERIOUS', since, until }],
    lastNegativeDecisionDate: since,
    publications: [],
    offices: [],
  };
}

function penalty(bureau: Bureau, recordId: string): Publication & { bureau: string } {
  return {
    bureau,
    kind: 'PENALTY',
    recordId,
    category: null,
    grade: 'GENERAL',
    decisionDate: lastMonth,
    publishedUntil: nextYear,
    withheld: false,
    underObjection: false,
    counterpartName: '张三',
    authority: 'authority',
    documentNumber: `${recordId}号`,
    title: 'title',
    content: 'content',
    statement: null,
    record: { id: recordId },
  };
}

/** A source that answers from a fixed table of each bureau's facts and counts what it was asked. */
function tableSource(table: Map<string, Partial<Record<Bureau, PersonFacts>>>, asked: (Bureau | 'ALL')[]): FactsSource {
  return async (ids, bureau) => {
    asked.push(bureau ?? 'ALL');
    return new Map(
      ids.map((id) => {
        const merged = noFacts();
        for (const [b, f] of Object.entries(table.get(id) ?? {}))
          if (!bureau || b === bureau) {
            merged.grounds.push(...f.grounds);
            merged.negatives.push(...f.negatives);
            merged.publications.push(...f.publications);
            if (f.lastNegativeDecisionDate && (!merged.lastNegativeDecisionDate || f.lastNegativeDecisionDate > merged.lastNegativeDecisionDate))
              merged.lastNegativeDecisionDate = f.lastNegativeDecisionDate;
          }
        return [id, merged];
      }),
    );
  };
}

describe('one bureau’s facts merged into what the others said', () => {
  it('replaces the bureau’s own records, keeps the others’ still shown and drops those that lapsed', () => {
    const stored = {
      _id: person(1),
      grounds: [...serious('COURTS', 'DL-1', 'DISHONEST_JUDGMENT_DEBTOR').grounds, ...serious('TAX', 'TAX-OLD', 'TAX_DISHONESTY').grounds],
      negatives: [
        ...serious('COURTS', 'DL-1', 'DISHONEST_JUDGMENT_DEBTOR').negatives,
        ...serious('TAX', 'TAX-OLD', 'TAX_DISHONESTY').negatives,
        // Lapsed yesterday: a full derivation would no longer get it from its bureau.
        ...serious('PUBLIC_SECURITY', 'PS-1', 'FRAUD', '2019-01-01', today).negatives,
      ],
      lastNegativeDecisionDate: lastMonth,
      listed: true,
      categories: [],
      measures: [],
      updatedAt: new Date(),
      version: 3,
    };
    const fresh = serious('TAX', 'TAX-NEW', 'TAX_DISHONESTY', today);
    const merged = mergeBureauFacts(stored, fresh, 'TAX', today);
    expect(merged.grounds.map((g) => g.recordId)).toEqual(['DL-1', 'TAX-NEW']);
    expect(merged.negatives.map((n) => n.recordId)).toEqual(['DL-1', 'TAX-NEW']);
    expect(merged.lastNegativeDecisionDate).toBe(today);
    expect(mergeBureauFacts(stored, noFacts(), 'COURTS', today)).toMatchObject({
      grounds: [expect.objectContaining({ recordId: 'TAX-OLD' })],
      lastNegativeDecisionDate: lastMonth,
    });
  });
});

describe('company listings joined across departments', () => {
  const code = '91510722MA6FJ2K8WX';
  const courtListing = { recordId: 'CDL-1', category: 'DISHONEST_COMPANY_RESPONSIBLE_PERSON', listedOn: lastMonth, removedOn: null };
  /** The court lists the company (and records the controller itself, too); the market regulator lists nothing. */
  const companies: CompanySource = async (codes) => {
    const merged = noCompanyFacts(codes);
    addCompanyFacts(merged, 'COURTS', { unifiedSocialCreditCode: code, listings: [courtListing], officerIds: [] });
    addCompanyFacts(merged, 'MARKET_REGULATION', { unifiedSocialCreditCode: code, listings: [], officerIds: [person(6)] });
    return merged;
  };
  const office = (bureau: Bureau, officeId: string, extra: Partial<PersonFacts['offices'][number]> = {}) => ({
    bureau,
    officeId,
    unifiedSocialCreditCode: code,
    until: null,
    underObjection: false,
    ...extra,
  });

  it('ground a person in one department’s listing through an office another records, once, and not through an office left before it', async () => {
    const controller = { ...noFacts(), offices: [office('MARKET_REGULATION', 'OFF-1', { underObjection: true })] };
    const formerDirector = { ...noFacts(), offices: [office('MARKET_REGULATION', 'OFF-2', { until: addMonths(today, -6) })] };
    // The court joins its own listing with its own representation: nothing to add for that pair.
    const represented = { ...noFacts(), offices: [office('COURTS', 'REP-1')] };
    await joinCompanyGrounds([controller, formerDirector, represented], companies, today);
    expect(controller.grounds).toEqual([
      {
        bureau: 'COURTS',
        recordId: 'CDL-1/OFF-1',
        category: 'DISHONEST_COMPANY_RESPONSIBLE_PERSON',
        since: lastMonth,
        until: expect.any(String),
        underObjection: true,
        statement: null,
        joined: true,
      },
    ]);
    expect(formerDirector.grounds).toEqual([]);
    expect(represented.grounds).toEqual([]);
    // Joined again: the ground is not doubled.
    await joinCompanyGrounds([controller], companies, today);
    expect(controller.grounds).toHaveLength(1);
  });

  it('keep the offices, not the joined grounds, when another bureau writes', async () => {
    const controller = { ...noFacts(), offices: [office('MARKET_REGULATION', 'OFF-1')] };
    await joinCompanyGrounds([controller], companies, today);
    const stored = { _id: person(6), ...controller, listed: true, categories: [], measures: [], updatedAt: new Date(), version: 1 };
    const merged = mergeBureauFacts(stored, serious('TAX', 'TAX-1', 'TAX_DISHONESTY'), 'TAX', today);
    expect(merged.grounds.map((g) => g.recordId)).toEqual(['TAX-1']);
    expect(merged.offices).toEqual(controller.offices);
    await joinCompanyGrounds([merged], companies, today);
    expect(merged.grounds.map((g) => g.recordId)).toEqual(['TAX-1', 'CDL-1/OFF-1']);
    // The regulator's own fresh facts replace its offices: one it no longer reports grounds nothing.
    expect(mergeBureauFacts(stored, noFacts(), 'MARKET_REGULATION', today).offices).toEqual([]);
  });
});

describe('measures in force without a listing', () => {
  it('keep another bureau’s order while it stands, however old, and drop a restriction whose record lapsed', () => {
    const stored = {
      _id: person(2),
      grounds: [],
      restrictions: [
        { bureau: 'COURTS', recordId: 'CR-1', measures: ['NO_AIR_TRAVEL'], since: '2019-05-05', until: null },
        { bureau: 'EDUCATION', recordId: 'EDU-OLD', measures: ['STUDENT_INTEGRITY_REVIEW'], since: '2020-01-01', until: today },
      ],
      negatives: [],
      lastNegativeDecisionDate: null,
      listed: false,
      categories: [],
      measures: [],
      updatedAt: new Date(),
      version: 1,
    };
    const merged = mergeBureauFacts(stored, noFacts(), 'TAX', today);
    expect(merged.restrictions.map((r) => r.recordId)).toEqual(['CR-1']);
    // The court's own fresh facts replace its orders: a lifted order is no longer reported.
    expect(mergeBureauFacts(stored, noFacts(), 'COURTS', today).restrictions).toEqual([]);
  });

  it('add their measures to the status, from their first day, without listing the person', () => {
    const restrictions = [{ measures: ['NO_AIR_TRAVEL', 'NO_STARRED_HOTEL'], since: lastMonth, until: null }];
    expect(effectiveStatus({ grounds: [], restrictions }, today)).toMatchObject({
      listed: false,
      categories: [],
      measures: ['NO_AIR_TRAVEL', 'NO_STARRED_HOTEL'],
    });
    expect(effectiveStatus({ grounds: [], restrictions: [{ ...restrictions[0]!, since: nextYear }] }, today).measures).toEqual([]);
    const listed = serious('COURTS', 'DL-2', 'DISHONEST_JUDGMENT_DEBTOR');
    expect(effectiveStatus({ grounds: listed.grounds, restrictions }, today).measures).toEqual(expect.arrayContaining(['NO_AIR_TRAVEL', 'NO_HONOURS']));
  });
});

describe('a postponement granted on a ground (申请延期)', () => {
  it('suspends the measures of a category the policy names through its last day, keeps the listing, and ends the day after', () => {
    const [ground] = serious('COURTS', 'DL-3', 'DISHONEST_JUDGMENT_DEBTOR').grounds;
    const postponed = { ...ground!, postponedUntil: addDays(today, 10) };
    const onLastDay = effectiveStatus({ grounds: [postponed] }, addDays(today, 10));
    expect(onLastDay).toMatchObject({ listed: true, measures: [], postponedUntil: addDays(today, 10) });
    expect(onLastDay.suspendedMeasures).toContain('NO_AIR_TRAVEL');
    const dayAfter = effectiveStatus({ grounds: [postponed] }, addDays(today, 11));
    expect(dayAfter).toMatchObject({ listed: true, suspendedMeasures: [], postponedUntil: null });
    expect(dayAfter.measures).toContain('NO_AIR_TRAVEL');
  });

  it('suspends nothing for a category the policy does not name', () => {
    const [ground] = serious('MARKET_REGULATION', 'MR-3', 'SERIOUS_FOOD_DRUG_VIOLATION').grounds;
    const status = effectiveStatus({ grounds: [{ ...ground!, postponedUntil: addDays(today, 10) }] }, today);
    expect(status.suspendedMeasures).toEqual([]);
    expect(status.measures.length).toBeGreaterThan(0);
  });
});

describe('re-deriving a status after one bureau’s write', () => {
  it('asks only that bureau and keeps the others’ grounds and published records', async () => {
    const [db] = models;
    const id = person(2);
    const table = new Map([
      [id, { COURTS: serious('COURTS', 'DL-2', 'DISHONEST_JUDGMENT_DEBTOR'), TAX: { ...noFacts(), publications: [penalty('TAX', 'TAX-P1')] } }],
    ]);
    table.get(id)!.COURTS.publications.push(penalty('COURTS', 'COURTS-P1'));
    const asked: (Bureau | 'ALL')[] = [];
    await recomputeJointPunishment(db!, [id], tableSource(table, asked));

    // Tax writes arrears and withdraws its penalty; courts are not asked again.
    table.set(id, { COURTS: table.get(id)!.COURTS, TAX: serious('TAX', 'TAX-2', 'TAX_DISHONESTY') });
    await recomputeJointPunishment(db!, [id], tableSource(table, asked), { bureau: 'TAX' });
    expect(asked).toEqual(['ALL', 'TAX']);
    const status = await db!.JointPunishmentStatus.findById(id).lean().exec();
    expect(status?.grounds.map((g) => `${g.bureau}:${g.recordId}`).sort()).toEqual(['COURTS:DL-2', 'TAX:TAX-2']);
    expect(status).toMatchObject({ listed: true, version: 2 });
    const published = await db!.PublishedRecord.find({ personId: id }).lean().exec();
    expect(published.map((p) => p.recordId)).toEqual(['COURTS-P1']);
  });

  it('derives again a status another process changed meanwhile, so neither bureau’s facts are lost', async () => {
    const [first, second] = models;
    const ids = [person(3), person(4)];
    const table = new Map(
      ids.map((id, k) => [id, { COURTS: serious('COURTS', `DL-${k}`, 'DISHONEST_JUDGMENT_DEBTOR'), TAX: serious('TAX', `TAX-${k}`, 'TAX_DISHONESTY') }]),
    );
    // person(4) has a status already, from an earlier courts record; person(3) is new to the platform.
    await recomputeJointPunishment(
      first!,
      [ids[1]!],
      tableSource(new Map([[ids[1]!, { COURTS: serious('COURTS', 'DL-EARLIER', 'DISHONEST_JUDGMENT_DEBTOR') }]]), []),
    );

    // While the first process asks tax, the second derives both people from the courts' write and stores them first.
    const asked: (Bureau | 'ALL')[] = [];
    const taxSource = tableSource(table, asked);
    let overtaken = false;
    const racing: FactsSource = async (personIds, bureau) => {
      if (!overtaken) {
        overtaken = true;
        await recomputeJointPunishment(second!, ids, tableSource(table, []), { bureau: 'COURTS' });
      }
      return taxSource(personIds, bureau);
    };
    await recomputeJointPunishment(first!, ids, racing, { bureau: 'TAX' });

    expect(asked).toEqual(['TAX', 'TAX']);
    for (const [k, id] of ids.entries()) {
      const status = await first!.JointPunishmentStatus.findById(id).lean().exec();
      expect(status?.grounds.map((g) => `${g.bureau}:${g.recordId}`).sort()).toEqual([`COURTS:DL-${k}`, `TAX:TAX-${k}`]);
    }
  });
});
