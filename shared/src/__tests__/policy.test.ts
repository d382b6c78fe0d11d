import { loadPolicy, PolicyError, validatePolicy } from '../policy';

describe('credit policy file', () => {
  it('loads the shipped policy with the figures of the brief', () => {
    const p = loadPolicy();
    expect(p.severityGrades.SERIOUS).toMatchObject({ minDisplayMonths: 12, maxDisplayMonths: 36 });
    expect(p.deadlines.objectionDecisionWorkingDays).toBe(5);
    expect(p.queryLog.retentionYears).toBeGreaterThanOrEqual(5);
    expect(p.minors.adultAge).toBe(18);
    expect(Object.values(p.categories).filter((c) => c.jointPunishment).length).toBeGreaterThanOrEqual(13);
  });

  it('refuses a policy whose default display period breaks the grade bounds, naming the field', () => {
    const p = structuredClone(loadPolicy());
    p.severityGrades.GENERAL.defaultDisplayMonths = 24;
    expect(() => validatePolicy(p, 'test.json')).toThrow(PolicyError);
    expect(() => validatePolicy(p, 'test.json')).toThrow(/severityGrades.GENERAL/);
  });

  it('refuses a category owned by an unknown bureau', () => {
    const p = structuredClone(loadPolicy());
    p.categories.FRAUD!.bureau = 'POLICE' as never;
    expect(() => validatePolicy(p)).toThrow(/categories.FRAUD.bureau POLICE is not a bureau/);
  });

  it('refuses a measure nobody has said the meaning of, in a category, among the consumption restrictions or in a check scenario', () => {
    const withoutHonours = structuredClone(loadPolicy());
    delete withoutHonours.measures.NO_HONOURS;
    expect(() => validatePolicy(withoutHonours)).toThrow(/categories\.\w+\.measures: NO_HONOURS is not in `measures`/);
    const withoutAirTravel = structuredClone(loadPolicy());
    delete withoutAirTravel.measures.NO_AIR_TRAVEL;
    expect(() => validatePolicy(withoutAirTravel)).toThrow(/consumptionRestrictions: NO_AIR_TRAVEL is not in `measures`/);
    const unknownScenarioMeasure = structuredClone(loadPolicy());
    unknownScenarioMeasure.checkScenarios.purposes.AIR_TRAVEL!.measures = ['NO_FLYING_CARPETS'];
    expect(() => validatePolicy(unknownScenarioMeasure)).toThrow(/checkScenarios\.purposes\.AIR_TRAVEL\.measures: NO_FLYING_CARPETS is not in `measures`/);
  });

  it('refuses a postponement that would suspend the measures of a category no postponement applies to', () => {
    const p = structuredClone(loadPolicy());
    p.postponement.measuresSuspendedCategories = [...p.postponement.measuresSuspendedCategories, 'FRAUD'];
    expect(() => validatePolicy(p)).toThrow(/postponement.measuresSuspendedCategories: FRAUD must be a postponable joint-punishment category/);
    const unknown = structuredClone(loadPolicy());
    unknown.postponement.postponableCategories = ['UNPAID_PARKING'];
    expect(() => validatePolicy(unknown)).toThrow(/postponement.postponableCategories: UNPAID_PARKING is not a category/);
  });

  it('fails fast on an unreadable file, naming the setting to fix', () => {
    expect(() => loadPolicy('/nonexistent/policy.json')).toThrow(/CREDIT_POLICY_FILE/);
  });
});
