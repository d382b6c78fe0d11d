import { randomUUID } from 'node:crypto';

import { Schema, type Connection } from 'mongoose';

import { RecordsChangedDocument, type RecordsChangedMutationVariables } from './generated/platform-operations';
import type { Logger } from './logger';
import { PLATFORM_SERVICE_PRINCIPAL } from './principal';
import { callSubgraph } from './service-call';
import type { Bureau } from './subgraph-registry';

/**
 * A bureau tells the platform which people's records changed, so their
 * joint-punishment status is re-derived at once. The note is first written
 * to the bureau's own `platform_outbox` (same database as the records), then
 * delivered; a note that could not be delivered stays and is retried by the
 * subgraph's sweeper, so no change is lost when the platform is down.
 *
 * A writer of many records announces the note before writing them and
 * settles it after: a crash in between leaves the note, and the sweeper
 * delivers it (a rerun of the import would find those records unchanged and
 * tell the platform nothing). The sweeper leaves notes younger than
 * `SETTLE_GRACE_MS` to the writer still working on them.
 */
interface OutboxDoc {
  _id: string;
  personIds: string[];
  /** Companies whose listing changed: the platform re-derives everyone any department records responsible for them. */
  companies?: string[];
  /** The bureau whose records changed: the platform asks only it again. Absent on notes older than the field: everyone is asked. */
  bureau?: Bureau;
  createdAt: Date;
  attempts: number;
}

const outboxSchema = new Schema<OutboxDoc>(
  {
    _id: { type: String, required: true },
    personIds: { type: [String], required: true },
    companies: { type: [String], default: undefined },
    bureau: { type: String },
    createdAt: { type: Date, required: true },
    attempts: { type: Number, required: true, default: 0 },
  },
  { collection: 'platform_outbox', versionKey: false },
);

export function outboxModel(conn: Connection) {
  return conn.models.PlatformOutbox ?? conn.model<OutboxDoc>('PlatformOutbox', outboxSchema);
}

export const SETTLE_GRACE_MS = 60_000;

/** A note written before the records it is about. */
export type AnnouncedNote = Readonly<OutboxDoc>;

export interface PlatformNotifier {
  /** Records the change durably, then tries to deliver it now (for a change already written). */
  notify(personIds: string[]): Promise<void>;
  /** Records a note before the writes it is about (people, and companies whose listings they write); null when there is nobody to tell about. */
  announce(personIds: string[], companies?: string[]): Promise<AnnouncedNote | null>;
  /** After the writes: delivers the note for the people and companies whose records did change, or drops it when none did. */
  settle(note: AnnouncedNote | null, changedPersonIds: string[], changedCompanies?: string[]): Promise<void>;
  /** Delivers what earlier attempts left behind. */
  sweep(): Promise<number>;
}

export interface NotifierOptions {
  /** The bureau whose database this is, named in every note. */
  bureau: Bureau;
  platformUrl: () => string;
  secret: Uint8Array;
  log?: Logger;
}

export function platformNotifier(conn: Connection, { bureau, platformUrl, secret, log }: NotifierOptions): PlatformNotifier {
  const Outbox = outboxModel(conn);

  const deliver = async (doc: OutboxDoc): Promise<boolean> => {
    try {
      await callSubgraph({
        subgraph: 'platform',
        url: platformUrl(),
        principal: PLATFORM_SERVICE_PRINCIPAL,
        secret,
        document: RecordsChangedDocument,
        // The registry's bureau; the generated enum is the same list once codegen
        // has run (a department just added is in the registry first).
        variables: { ids: doc.personIds, bureau: doc.bureau as RecordsChangedMutationVariables['bureau'], companies: doc.companies ?? [] },
      });
      await Outbox.deleteOne({ _id: doc._id }).exec();
      return true;
    } catch (err) {
      await Outbox.updateOne({ _id: doc._id }, { $inc: { attempts: 1 } }).exec();
      log?.warn('platform not notified yet; will retry', { err, outbox: doc._id });
      return false;
    }
  };

  const announce = async (personIds: string[], companies: string[] = []): Promise<OutboxDoc | null> => {
    if (personIds.length === 0 && companies.length === 0) return null;
    const doc: OutboxDoc = {
      _id: randomUUID(),
      personIds: [...new Set(personIds)],
      ...(companies.length > 0 ? { companies: [...new Set(companies)] } : {}),
      bureau,
      createdAt: new Date(),
      attempts: 0,
    };
    await Outbox.create(doc);
    return doc;
  };

  return {
    async notify(personIds) {
      const doc = await announce(personIds);
      if (doc) await deliver(doc);
    },
    announce,
    async settle(note, changedPersonIds, changedCompanies = []) {
      if (!note) return;
      const changed = [...new Set(changedPersonIds)];
      const companies = [...new Set(changedCompanies)];
      if (changed.length === 0 && companies.length === 0) await Outbox.deleteOne({ _id: note._id }).exec();
      else await deliver({ ...note, personIds: changed, companies });
    },
    async sweep() {
      const settled = new Date(Date.now() - SETTLE_GRACE_MS);
      let delivered = 0;
      for (const doc of await Outbox.find({ createdAt: { $lt: settled } })
        .sort({ createdAt: 1 })
        .limit(100)
        .lean()
        .exec())
        if (await deliver(doc)) delivered++;
      return delivered;
    },
  };
}
