import { makeSocialCreditCode, socialCreditCodeProblem } from '../social-credit-code';

describe('unified social credit code (GB 32100)', () => {
  it('accepts a published code and one built with its check character', () => {
    // Code of a real registered company, as printed on its business licence.
    expect(socialCreditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(socialCreditCodeProblem(makeSocialCreditCode('91510703MA6CXXXXX'.replaceAll('X', '1')))).toBeNull();
  });

  it('names the problem of a bad code', () => {
    expect(socialCreditCodeProblem('91350100M000100Y44')).toMatch(/check character is 4, expected 3/);
    expect(socialCreditCodeProblem('91350100M000100YI3')).toMatch(/character I is not allowed/);
    expect(socialCreditCodeProblem('913501')).toMatch(/must be 18 characters/);
  });
});
