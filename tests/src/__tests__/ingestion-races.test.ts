import { ingestionModels, ingestRecords, loadSubgraphDefinition, makeCitizenId, scratchDatabase, type IngestKind } from '@credit/shared';

/**
 * Two bulk imports (two processes, two connections) writing the same record
 * at the same moment, against the real database. FerretDB does not make a
 * conditional update atomic, so the ingestion engine claims each version
 * move with a unique insert; these tests hold it to that.
 */
const tax = loadSubgraphDefinition('tax');
type Writer = { kind: IngestKind; ledger: ReturnType<typeof ingestionModels> };
let scratch: Awaited<ReturnType<typeof scratchDatabase<Writer>>> | undefined;
let writers: Writer[];

beforeAll(async () => {
  scratch = await scratchDatabase('races', 2, (conn): Writer => ({
    kind: tax.ingestKinds(tax.createModels(conn)).TAX_ARREARS!,
    ledger: ingestionModels(conn),
  }));
  writers = scratch.models;
});
afterAll(async () => {
  await scratch?.dispose();
});

const personId = makeCitizenId('510781', '1975-05-05', 77);
const arrears = (id: string, amountYuan: number) => ({
  id,
  personId,
  category: 'TAX_ARREARS',
  grade: 'GENERAL',
  decisionDate: '2026-03-01',
  decisionNumber: '绵税欠〔2026〕1号',
  authority: '国家税务总局绵阳市税务局',
  legalBasis: '《中华人民共和国税收征收管理法》',
  taxType: 'VALUE_ADDED_TAX',
  amountYuan,
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
});

async function send(writer: number, record: object) {
  const { kind, ledger } = writers[writer]!;
  const [outcome] = await ingestRecords(kind, 'TAX', [{ position: 1, raw: record }], ledger);
  return outcome!;
}

describe('two processes changing the same record at once', () => {
  it('leave the record, its ledger entry and its history agreeing: one version per change, no write lost', async () => {
    expect((await send(0, arrears('RACE-1', 100))).status).toBe('CREATED');
    const ROUNDS = 10;
    const WRITERS = 6;
    for (let round = 1; round <= ROUNDS; round++) {
      const outcomes = await Promise.all(Array.from({ length: WRITERS }, (_, w) => send(w % 2, arrears('RACE-1', 1000 * (w + 1) + round))));
      expect(outcomes.map((o) => o.status)).toEqual(Array(WRITERS).fill('UPDATED'));
    }
    const stored = await writers[0]!.kind.model.findById('RACE-1').lean<{ amountYuan: number }>().exec();
    // The ledger describes exactly what is stored: re-sending it changes nothing.
    expect((await send(1, arrears('RACE-1', stored!.amountYuan))).status).toBe('UNCHANGED');
    const entry = await writers[0]!.ledger.Ledger.findById('tax_arrears:RACE-1').lean().exec();
    expect(entry!.version).toBe(1 + ROUNDS * WRITERS);
    const history = await writers[0]!.ledger.History.find({ recordId: 'RACE-1' }).lean().exec();
    expect(history.map((h) => h.version).sort((a, b) => a - b)).toEqual(Array.from({ length: ROUNDS * WRITERS }, (_, i) => i + 1));
  });

  it('finish a change whose writer died after claiming it, then apply the next', async () => {
    expect((await send(0, arrears('RACE-2', 100))).status).toBe('CREATED');
    // A writer claimed the move from version 1 to 2 a minute ago and died
    // before writing: the record and the ledger are still at version 1.
    const { kind, ledger } = writers[1]!;
    const claimed = (await kind.model.findById('RACE-2').lean<Record<string, unknown>>().exec())!;
    await ledger.History.create({
      _id: 'tax_arrears:RACE-2@1',
      collection: 'tax_arrears',
      recordId: 'RACE-2',
      version: 1,
      record: claimed,
      replacedAt: new Date(Date.now() - 60_000),
      next: { hash: 'hash-of-the-dead-writer', doc: { ...claimed, amountYuan: 555 } },
    });
    expect((await send(0, arrears('RACE-2', 777))).status).toBe('UPDATED');
    expect((await kind.model.findById('RACE-2').lean<{ amountYuan: number }>().exec())!.amountYuan).toBe(777);
    const history = await ledger.History.find({ recordId: 'RACE-2' }).sort({ version: 1 }).lean().exec();
    // Version 2 is the dead writer's content, finished by the next writer.
    expect(history.map((h) => [h.version, (h.record as { amountYuan: number }).amountYuan])).toEqual([
      [1, 100],
      [2, 555],
    ]);
  });
});
