import type { Connection } from 'mongoose';

import { charityRecordModel } from './CharityRecord';
import { consentModel } from './Consent';
import { decisionClaimModel } from './DecisionClaim';
import { institutionModel } from './Institution';
import { institutionBlacklistModel } from './InstitutionBlacklistEntry';
import { jointPunishmentStatusModel } from './JointPunishmentStatus';
import { notificationModel } from './Notification';
import { objectionModel } from './Objection';
import { practiceRecordModel } from './PracticeRecord';
import { queryLogCheckpointModel, queryLogEntryModel, queryLogHeadModel, queryLogMetaModel, queryLogPageModel } from './QueryLogEntry';
import { redListEntryModel } from './RedListEntry';
import { repairModel } from './Repair';
import { standingChangeModel, standingFeedHeadModel } from './StandingChange';
import { volunteerRecordModel } from './VolunteerRecord';

/** The federated reference to a person: only the key. */
export interface PersonRef {
  id: string;
}

export function createModels(conn: Connection) {
  return {
    Consent: consentModel(conn),
    QueryLogEntry: queryLogEntryModel(conn),
    QueryLogHead: queryLogHeadModel(conn),
    QueryLogCheckpoint: queryLogCheckpointModel(conn),
    QueryLogPage: queryLogPageModel(conn),
    QueryLogMeta: queryLogMetaModel(conn),
    Institution: institutionModel(conn),
    InstitutionBlacklistEntry: institutionBlacklistModel(conn),
    DecisionClaim: decisionClaimModel(conn),
    Notification: notificationModel(conn),
    JointPunishmentStatus: jointPunishmentStatusModel(conn),
    StandingChange: standingChangeModel(conn),
    StandingFeedHead: standingFeedHeadModel(conn),
    RedListEntry: redListEntryModel(conn),
    Objection: objectionModel(conn),
    Repair: repairModel(conn),
    PracticeRecord: practiceRecordModel(conn),
    VolunteerRecord: volunteerRecordModel(conn),
    CharityRecord: charityRecordModel(conn),
  };
}

export type Models = ReturnType<typeof createModels>;
