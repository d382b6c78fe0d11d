/** Schema validator of an array path that must hold at least one element. */
export const nonEmpty = {
  validator: (values: unknown[]) => values.length > 0,
  message: 'must not be empty',
} as const;
