import type { Connection } from 'mongoose';

import { consentModel } from './Consent';

export function createConsentModels(conn: Connection) {
  return { Consent: consentModel(conn) };
}

export type ConsentModels = ReturnType<typeof createConsentModels>;
