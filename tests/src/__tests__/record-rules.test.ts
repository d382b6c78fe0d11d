import type { Stack } from '@credit/scripts/dist/stack';
import { makeCitizenId } from '@credit/shared';
import type { Model } from 'mongoose';

import { startTestStack } from '../harness';

let stack: Stack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

function model(subgraph: string, name: string): Model<Record<string, unknown>> {
  return (stack.subgraphs[subgraph]!.models as Record<string, Model<Record<string, unknown>>>)[name]!;
}

const minor = makeCitizenId('510703', '2010-05-01', 12);
const adult = makeCitizenId('510703', '1990-05-01', 12);

describe('record rules enforced by the owning subgraph models', () => {
  it('refuses a student integrity record for an act before the student turned 18', async () => {
    const record = {
      _id: 'EDU-MINOR-1',
      personId: minor,
      category: 'EXAM_CHEATING',
      grade: 'GENERAL',
      decisionDate: '2026-06-20',
      actDate: '2026-06-08',
      decisionNumber: '绵教考〔2026〕1号',
      authority: '绵阳市教育和体育局',
      legalBasis: '《国家教育考试违规处理办法》第6条',
      institution: '绵阳中学',
      description: '高考携带通讯工具',
    };
    await expect(model('education', 'StudentIntegrityRecord').create(record)).rejects.toThrow(/adults only \(aged 18 or over at the act\)/);
    await expect(model('education', 'StudentIntegrityRecord').countDocuments({ _id: 'EDU-MINOR-1' })).resolves.toBe(0);
  });

  it('refuses to list a minor as a dishonest judgment debtor', async () => {
    const listing = {
      _id: 'CRT-MINOR-1',
      personId: minor,
      category: 'DISHONEST_JUDGMENT_DEBTOR',
      grade: 'SERIOUS',
      decisionDate: '2026-03-01',
      decisionNumber: '(2026)川07执123号',
      authority: '四川省绵阳市中级人民法院',
      legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第1条',
      caseNumbers: ['(2026)川07执123号'],
      court: '四川省绵阳市中级人民法院',
      grounds: ['REFUSING_WITH_ABILITY'],
      obligation: '偿还借款本金及利息',
    };
    await expect(model('courts', 'DebtorListing').create(listing)).rejects.toThrow(/minor/);
    const created = await model('courts', 'DebtorListing').create({ ...listing, _id: 'CRT-ADULT-1', personId: adult });
    expect(created.get('displayUntil')).toBe('2028-03-01');
  });

  it('refuses a negative record without a legal basis (no collection without legal basis)', async () => {
    await expect(
      model('public-security', 'Violation').create({
        _id: 'PSB-NOBASIS-1',
        personId: adult,
        category: 'TRAFFIC_VIOLATION',
        grade: 'MINOR',
        decisionDate: '2026-01-01',
        decisionNumber: 'x',
        authority: '绵阳市公安局',
        description: '闯红灯',
        penalty: '罚款200元',
      }),
    ).rejects.toThrow(/legalBasis/);
  });
});
