import { createHash } from 'node:crypto';

import { publicityModelsOf } from './department';
import { addDays, addMonths } from './display-window';
import type { AdministrativeLicenceDoc, AdministrativePenaltyDoc, LicenceCategory, PenaltyType } from './double-publicity';
import { MIANYANG_AREAS } from './mianyang-areas';
import { categoryPolicy, policy } from './policy';
import { POPULATION_REFERENCE_DATE, type SyntheticPerson } from './population';
import { Rng } from './random';
import { opaqueId } from './record-id';
import { insertNewDocuments } from './seeding';
import { makeSocialCreditCode } from './social-credit-code';
import { sourceEntry } from './subgraph-registry';

/**
 * The synthetic double-publicity records of a department, from its
 * catalogue (its folder's `src/publicity.ts`): what it penalises and
 * licenses, in its own words, by its city bureau and county branches. Every
 * record is a pure function of (seed, department, person), as the other
 * seeds are.
 */
export interface PublicityCatalogue {
  /** The department's name as its authorities carry it: `绵阳市` + it, or a county + it. */
  authoritySuffix: string;
  /** Whether counties have branches that decide (else the city bureau decides everything). */
  countyBranches: boolean;
  /** The abbreviation in its document numbers, e.g. `市监` in `涪市监罚〔2025〕12号`. */
  numberAbbr: string;
  /** The law it collects the records under (MISSION rule 1). */
  legalBasis: string;
  penalties: readonly PenaltyTemplate[];
  licences: readonly LicenceTemplate[];
}

export interface PenaltyTemplate {
  /** A policy category of the department with record kind ADMINISTRATIVE_PENALTY. */
  category: string;
  /**
   * Share of adults with one such penalty (of the licence's holders, for a
   * practice's). The demo population is small: shares are set so that a few
   * hundred people show every department, above the city's real rates.
   */
  share: number;
  violationType: string;
  /** Facts; one is picked. */
  facts: readonly string[];
  penaltyBasis: string;
  penaltyTypes: readonly PenaltyType[];
  /** Fine range in yuan, when the penalty fines. */
  fineYuan?: readonly [number, number];
  /** Confiscated amount range in yuan, when it confiscates. */
  confiscatedYuan?: readonly [number, number];
  /** The licence suspended or revoked, when it does. */
  licenceAffected?: string;
  /** Youngest age of a person it applies to (18 when absent). */
  minAge?: number;
  /**
   * The penalty is of a licensed practice: it applies only to holders of
   * this licence of the catalogue (`certificateName`), `share` among them,
   * decided after the licence.
   */
  requiresLicence?: string;
  /** Another body of the department decides it (the fire and rescue service of emergency management). */
  authoritySuffix?: string;
  countyBranches?: boolean;
}

export interface LicenceTemplate {
  certificateName: string;
  licenceCategory: LicenceCategory;
  content: string;
  /** Share of adults holding one. */
  share: number;
  /** Validity in years; null for a licence without end. */
  validYears: number | null;
  /** Prefix of the certificate number; null when no certificate is issued. */
  numberPrefix: string | null;
  minAge?: number;
}

/** One-character abbreviations of the city and its counties in document numbers. */
const AREA_ABBR: Readonly<Record<string, string>> = {
  '510700': '绵',
  '510703': '涪',
  '510704': '游',
  '510705': '安',
  '510722': '三',
  '510723': '盐',
  '510725': '梓',
  '510726': '北',
  '510727': '平',
  '510781': '江',
};

const RECORDS_FROM = '2019-01-01';
const REF = POPULATION_REFERENCE_DATE;

interface Authority {
  name: string;
  code: string;
  abbr: string;
}

/** A government body's unified social credit code (GB 32100: `11` for an organ), stable for its name. */
function organCode(areaCode: string, name: string): string {
  const digits = BigInt(`0x${createHash('sha256').update(name).digest('hex').slice(0, 12)}`)
    .toString()
    .slice(0, 9)
    .padStart(9, '0');
  return makeSocialCreditCode(`11${areaCode}${digits}`);
}

function authorityOf(catalogue: Pick<PublicityCatalogue, 'authoritySuffix' | 'countyBranches'>, areaCode: string | null): Authority {
  const county = areaCode && catalogue.countyBranches ? MIANYANG_AREAS[areaCode] : undefined;
  const name = county ? `${county}${catalogue.authoritySuffix}` : `绵阳市${catalogue.authoritySuffix}`;
  const area = county ? areaCode! : '510700';
  return { name, code: organCode(area, name), abbr: AREA_ABBR[area] ?? '绵' };
}

const later = (a: string, b: string) => (a > b ? a : b);

/** The key profession the department regulates whose practice this certificate licenses (policy `keyProfessions`), or null. */
export function professionLicensedBy(department: string, certificateName: string): string | null {
  const bureau = sourceEntry(department).bureau;
  return Object.entries(policy().keyProfessions).find(([, k]) => k.regulator === bureau && k.licence === certificateName)?.[0] ?? null;
}

/**
 * The practice a penalty of a licensed practice concerns: the key profession
 * the held licence licenses, with the licence's number. Null for a licence
 * that is no key profession's, or has no number.
 */
export function practiceOfLicence(department: string, held: Pick<AdministrativeLicenceDoc, 'certificateName' | 'certificateNumber'>) {
  const profession = professionLicensedBy(department, held.certificateName);
  return profession && held.certificateNumber ? { profession, practiceLicenceNumber: held.certificateNumber } : null;
}

function penaltiesFor(
  name: string,
  catalogue: PublicityCatalogue,
  person: SyntheticPerson,
  seed: number,
  licences: readonly AdministrativeLicenceDoc[],
): AdministrativePenaltyDoc[] {
  const rng = Rng.forKey(seed, name, 'penalties', person.index);
  const city = authorityOf(catalogue, null);
  const out: AdministrativePenaltyDoc[] = [];
  catalogue.penalties.forEach((t, n) => {
    if (!rng.chance(t.share)) return;
    const held = t.requiresLicence ? licences.find((l) => l.certificateName === t.requiresLicence) : undefined;
    if (t.requiresLicence && !held) return;
    const from = later(later(addMonths(person.birthDate, 12 * (t.minAge ?? 18)), RECORDS_FROM), held ? addDays(held.validFrom, 30) : RECORDS_FROM);
    if (from >= REF) return;
    const decisionDate = rng.dateBetween(from, REF);
    const authority = authorityOf(
      { authoritySuffix: t.authoritySuffix ?? catalogue.authoritySuffix, countyBranches: t.countyBranches ?? catalogue.countyBranches },
      rng.chance(0.7) ? person.areaCode : null,
    );
    const year = decisionDate.slice(0, 4);
    const c = categoryPolicy(t.category);
    out.push({
      _id: opaqueId(`${name.toUpperCase()}-PEN`, person.id, n),
      personId: person.id,
      counterpartName: person.name,
      category: t.category,
      grade: c.grade,
      decisionDate,
      decisionNumber: `${authority.abbr}${catalogue.numberAbbr}罚〔${year}〕${rng.int(1, 999)}号`,
      authority: authority.name,
      authorityCode: authority.code,
      sourceUnit: city.name,
      sourceUnitCode: city.code,
      legalBasis: catalogue.legalBasis,
      violationType: t.violationType,
      facts: rng.pick(t.facts),
      penaltyBasis: t.penaltyBasis,
      penaltyTypes: [...t.penaltyTypes],
      penaltyContent: '',
      fineYuan: t.fineYuan ? Math.round(rng.int(t.fineYuan[0], t.fineYuan[1]) / 100) * 100 : null,
      confiscatedYuan: t.confiscatedYuan ? rng.int(t.confiscatedYuan[0], t.confiscatedYuan[1]) : null,
      licenceAffected: t.licenceAffected ?? null,
      profession: null,
      practiceLicenceNumber: null,
      ...(held ? practiceOfLicence(name, held) : null),
      displayUntil: null,
      removedOn: null,
      removalReason: null,
      repairedOn: null,
      underObjection: null,
      collectedAt: new Date(`${addDays(decisionDate, rng.int(1, 7))}T10:00:00+08:00`),
    });
    const doc = out[out.length - 1]!;
    doc.penaltyContent = penaltyContent(doc);
  });
  return out;
}

const PENALTY_WORDS: Record<PenaltyType, string> = {
  WARNING: '警告',
  FINE: '罚款',
  CONFISCATION: '没收违法所得',
  LICENCE_SUSPENDED: '暂扣许可证件',
  LICENCE_REVOKED: '吊销许可证件',
  QUALIFICATION_LOWERED: '降低资质等级',
  PRODUCTION_SUSPENDED: '责令停产停业',
  EMPLOYMENT_RESTRICTED: '限制从业',
  DETENTION: '行政拘留',
  OTHER: '责令改正',
};

/** 处罚内容 as decisions word it, from the kinds and the amounts. */
function penaltyContent(doc: AdministrativePenaltyDoc): string {
  return doc.penaltyTypes
    .map((t) => {
      if (t === 'FINE') return `罚款人民币${doc.fineYuan}元`;
      if (t === 'CONFISCATION' && doc.confiscatedYuan) return `没收违法所得人民币${doc.confiscatedYuan}元`;
      if ((t === 'LICENCE_SUSPENDED' || t === 'LICENCE_REVOKED') && doc.licenceAffected) return `${PENALTY_WORDS[t].slice(0, 2)}${doc.licenceAffected}`;
      return PENALTY_WORDS[t];
    })
    .join('; ');
}

function licencesFor(name: string, catalogue: PublicityCatalogue, person: SyntheticPerson, seed: number): AdministrativeLicenceDoc[] {
  const rng = Rng.forKey(seed, name, 'licences', person.index);
  const city = authorityOf(catalogue, null);
  const out: AdministrativeLicenceDoc[] = [];
  catalogue.licences.forEach((t, n) => {
    if (!rng.chance(t.share)) return;
    const from = later(addMonths(person.birthDate, 12 * (t.minAge ?? 18)), RECORDS_FROM);
    if (from >= REF) return;
    const decisionDate = rng.dateBetween(from, REF);
    const authority = authorityOf(catalogue, rng.chance(0.6) ? person.areaCode : null);
    const validFrom = addDays(decisionDate, rng.int(0, 10));
    const validUntil = t.validYears === null ? null : addDays(addMonths(validFrom, 12 * t.validYears), -1);
    // A few are withdrawn (revoked or cancelled) before they run out.
    const withdrawable = validUntil === null || validUntil > addDays(validFrom, 60) ? addDays(validFrom, 60) : null;
    const withdrawnOn =
      withdrawable && withdrawable < REF && rng.chance(0.04) ? rng.dateBetween(withdrawable, validUntil && validUntil < REF ? validUntil : REF) : null;
    const year = decisionDate.slice(0, 4);
    out.push({
      _id: opaqueId(`${name.toUpperCase()}-LIC`, person.id, n),
      personId: person.id,
      counterpartName: person.name,
      documentNumber: `${authority.abbr}${catalogue.numberAbbr}许〔${year}〕${rng.int(1, 2999)}号`,
      licenceCategory: t.licenceCategory,
      certificateName: t.certificateName,
      certificateNumber: t.numberPrefix ? `${t.numberPrefix}${year}${String(rng.int(1, 999_999)).padStart(6, '0')}` : null,
      content: t.content,
      decisionDate,
      validFrom,
      validUntil,
      withdrawnOn,
      authority: authority.name,
      authorityCode: authority.code,
      sourceUnit: city.name,
      sourceUnitCode: city.code,
      legalBasis: catalogue.legalBasis,
      collectedAt: new Date(`${addDays(decisionDate, rng.int(1, 7))}T10:00:00+08:00`),
    });
  });
  return out;
}

/** Every double-publicity record of a department for these people; what `npm run seed` inserts. */
export function doublePublicityRecordsFor(name: string, catalogue: PublicityCatalogue, people: readonly SyntheticPerson[], seed: number) {
  const licences = people.map((p) => licencesFor(name, catalogue, p, seed));
  return {
    penalties: people.flatMap((p, i) => penaltiesFor(name, catalogue, p, seed, licences[i]!)),
    licences: licences.flat(),
  };
}

/** Seeds a department's double-publicity records (its `seed` when it has no others). */
export async function seedDoublePublicity(
  name: string,
  catalogue: PublicityCatalogue,
  models: unknown,
  people: readonly SyntheticPerson[],
  seed: number,
): Promise<Record<string, number>> {
  const { AdministrativePenalty, AdministrativeLicence } = publicityModelsOf(models);
  const records = doublePublicityRecordsFor(name, catalogue, people, seed);
  return {
    administrative_penalties: await insertNewDocuments(AdministrativePenalty, records.penalties),
    administrative_licences: await insertNewDocuments(AdministrativeLicence, records.licences),
  };
}
