import { readFileSync } from 'node:fs';
import path from 'node:path';

import { measuresForPurpose } from '@credit/shared';

import { checkPurposeProblems } from '..';

const SDL = readFileSync(path.join(__dirname, '..', 'schema.graphql'), 'utf8');

describe('the purposes of a blacklist check', () => {
  it('are the same in the SDL and in the policy', () => {
    expect(checkPurposeProblems(SDL)).toEqual([]);
  });

  it('name what drifted apart when the SDL and the policy disagree', () => {
    const drifted = SDL.replace(/\n  AIR_TRAVEL\n/, '\n  SPACE_TRAVEL\n');
    expect(checkPurposeProblems(drifted)).toEqual([
      'BlacklistCheckPurpose.SPACE_TRAVEL has no policy checkScenarios entry',
      'policy checkScenarios.purposes.AIR_TRAVEL is not a BlacklistCheckPurpose',
    ]);
  });

  it('bear each on its own measures, and OTHER on all of them', () => {
    const inForce = ['NO_AIR_TRAVEL', 'NO_HONOURS', 'NO_SOFT_SLEEPER', 'RESTRICTED_PROFESSIONAL_TITLE'];
    expect(measuresForPurpose('AIR_TRAVEL', inForce)).toEqual(['NO_AIR_TRAVEL']);
    expect(measuresForPurpose('PROFESSIONAL_TITLE', inForce)).toEqual(['RESTRICTED_PROFESSIONAL_TITLE']);
    expect(measuresForPurpose('PUBLIC_PROCUREMENT', inForce)).toEqual([]);
    expect(measuresForPurpose('OTHER', inForce)).toEqual(inForce);
    expect(() => measuresForPurpose('SPACE_TRAVEL', inForce)).toThrow('Unknown check purpose SPACE_TRAVEL');
  });
});
