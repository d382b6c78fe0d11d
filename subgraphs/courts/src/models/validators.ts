import { socialCreditCodeProblem } from '@credit/shared';

/** Schema path of a unified social credit code, rejected unless it passes the GB 32100 check. */
export const unifiedSocialCreditCodeField = {
  type: String,
  required: true,
  validate: {
    validator: (code: unknown) => socialCreditCodeProblem(code) === null,
    message: (props: { value: unknown }) => `${String(props.value)} is not a unified social credit code: ${socialCreditCodeProblem(props.value)}`,
  },
} as const;

/** Schema validator of an array path that must hold at least one element. */
export const nonEmpty = {
  validator: (values: unknown[]) => values.length > 0,
  message: 'must not be empty',
} as const;
