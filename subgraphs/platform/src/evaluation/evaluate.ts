import { addMonths, categoryPolicy, policy, todayInCity } from '@credit/shared';

import { redListEntryInForce, type RedListEntryDoc } from '../positive-records/models/RedListEntry';
import type { NegativeFactDoc } from '../standing/models/JointPunishmentStatus';
import type { CreditEvaluationDoc, CreditGrade, EvaluationFactorDoc } from './models/CreditEvaluation';

/**
 * The credit evaluation (MISSION rule 11), computed when it is read from the
 * facts the platform holds, so it only ever counts records inside their
 * display window and not repaired or removed. Every point that moved the
 * score is a factor with its reason (PIPL art. 24: the person can see why).
 * The model's figures are the policy's `evaluation`.
 */
const GRADE_WORDS: Record<string, string> = { MINOR: 'minor', GENERAL: 'general', SERIOUS: 'serious' };

export function evaluate(
  negatives: readonly NegativeFactDoc[],
  volunteer: readonly { hours: number; servedOn: string }[],
  charity: readonly { donatedOn: string }[],
  redList: readonly RedListEntryDoc[],
  today: string = todayInCity(),
): Omit<CreditEvaluationDoc, '_id'> {
  const model = policy().evaluation;
  const factors: EvaluationFactorDoc[] = [];
  for (const n of negatives) {
    if (!(n.since <= today && today < n.until)) continue;
    const category = categoryPolicy(n.category);
    const effect = model.negativeEffect[n.grade] + (category.jointPunishment ? model.jointPunishmentExtra : 0);
    factors.push({
      factor: n.category,
      bureau: n.bureau as EvaluationFactorDoc['bureau'],
      recordId: n.recordId,
      effect,
      explanation: `${category.label}: a ${GRADE_WORDS[n.grade]} record${category.jointPunishment ? ' of a joint-punishment category' : ''} shown until ${n.until}`,
    });
  }
  const since = addMonths(today, -12 * model.bonuses.lookbackYears);
  const hours = volunteer.filter((v) => v.servedOn >= since).reduce((sum, v) => sum + v.hours, 0);
  const volunteerPoints = Math.min(model.bonuses.volunteerMaxPoints, Math.floor(hours / model.bonuses.volunteerHoursPerPoint));
  if (volunteerPoints > 0) {
    factors.push({
      factor: 'VOLUNTEER_SERVICE',
      bureau: null,
      recordId: null,
      effect: volunteerPoints,
      explanation: `${hours} hours of volunteer service since ${since}`,
    });
  }
  const donations = charity.filter((c) => c.donatedOn >= since).length;
  const charityPoints = Math.min(model.bonuses.charityMaxPoints, donations * model.bonuses.charityPerRecord);
  if (charityPoints > 0)
    factors.push({ factor: 'CHARITY', bureau: null, recordId: null, effect: charityPoints, explanation: `${donations} charitable donations since ${since}` });
  for (const honour of redList.filter((r) => redListEntryInForce(r, today))) {
    factors.push({
      factor: 'RED_LIST_HONOUR',
      bureau: 'PLATFORM',
      recordId: honour._id,
      effect: model.bonuses.redListHonour,
      explanation: `Honour in force: ${honour.title}`,
    });
  }
  const score = Math.max(0, Math.min(100, model.baseScore + factors.reduce((sum, f) => sum + f.effect, 0)));
  const grade = model.grades.find((g) => score >= g.minScore)!.grade as CreditGrade;
  return { grade, score, factors, evaluatedAt: new Date(), policyVersion: policy().version };
}
