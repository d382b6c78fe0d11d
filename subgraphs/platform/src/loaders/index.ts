import { byIdLoader, groupedLoader } from '@credit/shared';
import DataLoader from 'dataloader';

import type { Models } from '../models';
import { CHARITY_RECORD_ORDER } from '../models/CharityRecord';
import { CONSENT_ORDER } from '../models/Consent';
import { NOTIFICATION_ORDER } from '../models/Notification';
import { OBJECTION_ORDER } from '../models/Objection';
import { PRACTICE_RECORD_ORDER } from '../models/PracticeRecord';
import { RED_LIST_ORDER } from '../models/RedListEntry';
import { REPAIR_ORDER } from '../models/Repair';
import { VOLUNTEER_RECORD_ORDER } from '../models/VolunteerRecord';
import { countPeopleLogs, peopleLogConnections, type LogConnection, type PersonLogRequest } from '../query-log-index';

/** Per-request loaders: one command per collection for all people of a request. */
export function createLoaders(models: Models) {
  const queryLogCounts = new DataLoader<string, number>((ids) => countPeopleLogs(models, ids));
  return {
    // The query log is read through its index (query-log-index.ts), all the request's people together.
    queryLogPages: new DataLoader<PersonLogRequest, LogConnection, string>(
      (requests) => peopleLogConnections(models, requests, (id) => queryLogCounts.load(id)),
      {
        cacheKeyFn: (r) => `${r.id}|${r.first ?? ''}|${r.after ?? ''}`,
      },
    ),
    consentsBySubject: groupedLoader(models.Consent, 'subjectId', CONSENT_ORDER),
    jointPunishmentById: byIdLoader(models.JointPunishmentStatus),
    redListByPerson: groupedLoader(models.RedListEntry, 'personId', RED_LIST_ORDER),
    objectionsByPerson: groupedLoader(models.Objection, 'personId', OBJECTION_ORDER),
    notificationsByPerson: groupedLoader(models.Notification, 'personId', NOTIFICATION_ORDER),
    repairsByPerson: groupedLoader(models.Repair, 'personId', REPAIR_ORDER),
    practiceRecordsByPerson: groupedLoader(models.PracticeRecord, 'personId', PRACTICE_RECORD_ORDER),
    volunteerRecordsByPerson: groupedLoader(models.VolunteerRecord, 'personId', VOLUNTEER_RECORD_ORDER),
    charityRecordsByPerson: groupedLoader(models.CharityRecord, 'personId', CHARITY_RECORD_ORDER),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
