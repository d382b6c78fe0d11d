import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startPortal, type RunningPortal } from '@credit/portal';
import type { Stack } from '@credit/scripts/dist/stack';
import { addMonths, makeCitizenId, makeSocialCreditCode, maskCitizenId, REPO_ROOT, todayInCity } from '@credit/shared';
import type { Browser, Page } from 'playwright-core';

import { launchChromium } from '../browser';
import { authHeader, foodDrugPenalty, insertResidents, redListEntry, registerInstitution, startTestStack } from '../harness';

// The portal (信用中国（四川绵阳）) in a real browser, against the real
// gateway: the public pages, masked exactly as the API masks, in Chinese
// and English, usable with the keyboard. Debian's chromium, driven by
// playwright-core; `.ci/run` installs it. Each main page is photographed
// into .screenshots/ (git ignores it).

const SCREENSHOTS = path.join(REPO_ROOT, '.screenshots');

let stack: Stack;
let portal: RunningPortal;
let browser: Browser;
const today = todayInCity();
const listed = makeCitizenId('510703', '1971-02-03', 61);
const sameSurname = makeCitizenId('510703', '1986-04-05', 62);
const honoured = makeCitizenId('510781', '1976-08-09', 63);
const bank = makeSocialCreditCode('91510700MA62TK7X8');

beforeAll(async () => {
  // The portal listens first: the gateway allows its origin, and the portal learns the gateway's URL once it is up.
  portal = await startPortal({ gatewayUrl: () => stack.gateway.url, developmentSignIn: true });
  stack = await startTestStack(undefined, undefined, [new URL(portal.url).origin]);
  await insertResidents(stack, [
    { id: listed, name: '诸葛明远' },
    { id: sameSurname, name: '诸葛丽华' },
    { id: honoured, name: '司马青云' },
  ]);
  const honour = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestPlatformRecords(kind: RED_LIST_ENTRY, records: $records) { created rejected } }',
    { records: [redListEntry('HR-PORTAL-1', honoured, '绵阳市道德模范', addMonths(today, -2), null)] },
    await authHeader({ role: 'bureau', org: 'PLATFORM' }),
  );
  expect(honour.body.errors).toBeUndefined();
  const { body } = await stack.query(
    'mutation ($records: [JSONObject!]!) { ingestMarketRegulationRecords(kind: ADMINISTRATIVE_PENALTY, records: $records) { created rejected } }',
    {
      records: [
        foodDrugPenalty({
          id: 'MR-PORTAL-1',
          personId: listed,
          name: '诸葛明远',
          decisionDate: addMonths(today, -1),
          decisionNumber: '绵市监罚〔2026〕P1号',
          violationType: '生产假药',
        }),
        foodDrugPenalty({
          id: 'MR-PORTAL-2',
          personId: listed,
          name: '诸葛明远',
          decisionDate: addMonths(today, -13),
          decisionNumber: '绵市监罚〔2026〕P2号',
          violationType: '销售假药',
        }),
      ],
    },
    await authHeader({ role: 'bureau', org: 'MARKET_REGULATION' }),
  );
  expect(body.errors).toBeUndefined();
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await portal?.stop();
  await stack?.stop();
});

async function openPortal(hash = ''): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${portal.url}${hash}`);
  return page;
}

/** A portal page signed in as `citizenId` through the development sign-in, on its report. */
async function signIn(citizenId: string): Promise<Page> {
  const page = await openPortal('#/sign-in');
  await page.getByRole('textbox', { name: '身份证号（18 位）' }).fill(citizenId);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: '我的信用报告' }).waitFor();
  return page;
}

const shoot = (page: Page, name: string) => page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });

describe('the portal’s public search', () => {
  it('finds a listed person by name, masked as the API masks, and shows what they are listed for', async () => {
    const page = await openPortal();
    await page.getByRole('heading', { level: 1, name: '信用查询' }).waitFor();
    await page.getByRole('textbox', { name: '姓名', exact: true }).fill('诸葛明远');
    await page.getByRole('button', { name: '查询' }).click();
    const hit = page.locator('.hit');
    await hit.waitFor();
    await expect(hit.locator('.person-name').textContent()).resolves.toBe('诸葛**');
    await expect(hit.locator('.person-id').textContent()).resolves.toBe(maskCitizenId(listed));
    await expect(hit.textContent()).resolves.toContain('生产假药');
    await expect(hit.textContent()).resolves.toContain('联合惩戒对象');
    // The measures by their meaning (the policy's, read from the API), not their codes.
    await expect(hit.textContent()).resolves.toContain('不得参加评先评优');
    expect(await page.content()).not.toContain(listed);
    await shoot(page, 'portal-search');
    await page.close();
  });

  it('finds nobody for an unlisted person of the same surname', async () => {
    const page = await openPortal();
    await page.getByRole('textbox', { name: '姓名', exact: true }).fill('诸葛丽华');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByText('公示名单上没有符合条件的人员。').waitFor();
    expect(await page.locator('.hit').count()).toBe(0);
    await page.close();
  });

  it('searches by full ID and by the first 6 and last 4 characters, with the keyboard alone', async () => {
    const page = await openPortal();
    await page.getByRole('radio', { name: '按身份证号', exact: true }).check();
    await page.getByRole('textbox', { name: '身份证号（18 位）', exact: true }).fill(listed);
    await page.keyboard.press('Enter');
    await expect(page.locator('.hit .person-id').textContent()).resolves.toBe(maskCitizenId(listed));
    await page.getByRole('radio', { name: '按身份证号前 6 位和后 4 位' }).check();
    await page.getByRole('textbox', { name: '身份证号前 6 位', exact: true }).fill(honoured.slice(0, 6));
    await page.getByRole('textbox', { name: '身份证号后 4 位', exact: true }).fill(honoured.slice(-4));
    await page.keyboard.press('Enter');
    await page.locator('.hit', { hasText: '司马**' }).waitFor();
    await expect(page.locator('.hit').textContent()).resolves.toContain('绵阳市道德模范');
    await page.close();
  });

  it('says what is wrong with an ID before sending it, next to the field', async () => {
    const page = await openPortal();
    await page.getByRole('radio', { name: '按身份证号', exact: true }).check();
    const field = page.getByRole('textbox', { name: '身份证号（18 位）', exact: true });
    await field.fill('5107031971');
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').getByText('身份证号应为 18 位').waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.close();
  });
});

describe('the portal’s lists', () => {
  it('shows the penalties feed masked, and moves focus to the new page’s heading', async () => {
    const page = await openPortal();
    await page.getByRole('link', { name: '行政处罚' }).click();
    await page.getByRole('heading', { level: 1, name: '行政处罚' }).waitFor();
    expect(await page.locator('h1:focus').count()).toBe(1);
    const card = page.locator('.card', { hasText: '绵市监罚〔2026〕P1号' });
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('诸葛**');
    await expect(card.textContent()).resolves.toContain('绵阳市市场监督管理局');
    expect(await page.content()).not.toContain(listed);
    await shoot(page, 'portal-penalties');
    await page.close();
  });

  it('narrows the feed to one department', async () => {
    const page = await openPortal('#/penalties');
    await page.locator('.card', { hasText: 'P1号' }).waitFor();
    await page.getByRole('combobox', { name: '部门' }).selectOption('EDUCATION');
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByText('没有符合条件的公示信息。').waitFor();
    await page.close();
  });

  it('shows the honour roll masked', async () => {
    const page = await openPortal('#/honour-roll');
    const row = page.getByRole('row', { name: /司马\*\*/ });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('绵阳市道德模范');
    await shoot(page, 'portal-honour-roll');
    await page.close();
  });

  it('explains the publicity periods with the policy’s figures, and switches to English', async () => {
    const page = await openPortal('#/rules');
    await page.getByRole('heading', { level: 2, name: '各类失信信息的公示期限' }).waitFor();
    await page
      .getByRole('row', { name: /食品药品严重违法/ })
      .first()
      .waitFor();
    await page.getByText('异议自受理之日起 5 个工作日内作出决定').waitFor();
    await shoot(page, 'portal-rules');
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rules' }).waitFor();
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('heading', { level: 2, name: 'Publicity periods by category' }).waitFor();
    await page.close();
  });

  it('shows the typical cases page, empty until a case is published', async () => {
    const page = await openPortal('#/cases');
    await page.getByText('没有符合条件的公示信息。').waitFor();
    await page.close();
  });
});

describe('the person’s own pages', () => {
  it('signs a person in, shows their record in full with its display window, and flags it once they object', async () => {
    const page = await signIn(listed);
    // Their own name and ID in full, their standing with the measures by meaning, the record with its window.
    await expect(page.locator('.person-name').textContent()).resolves.toBe('诸葛明远');
    await expect(page.locator('.person-id').first().textContent()).resolves.toBe(listed);
    await page.getByText('限制参与政府采购和招标投标').first().waitFor();
    const record = page.locator('.record', { hasText: '绵市监罚〔2026〕P1号' });
    await expect(record.textContent()).resolves.toContain('公示中');
    await shoot(page, 'portal-my-report');

    await record.getByRole('button', { name: '提出异议' }).click();
    await record.getByRole('textbox', { name: '异议理由' }).fill('该处罚已被复议撤销');
    await record.getByRole('button', { name: '提交异议' }).click();
    await record.getByText('异议处理中').waitFor();
    await page
      .getByRole('row', { name: /该处罚已被复议撤销/ })
      .getByText('已受理')
      .waitFor();
    // The public sees the flag too.
    const { body } = await stack.query('{ publishedPenalties(filter: { departments: [MARKET_REGULATION] }) { nodes { decisionNumber underObjection } } }');
    expect((body.data as { publishedPenalties: { nodes: { decisionNumber: string; underObjection: boolean }[] } }).publishedPenalties.nodes).toContainEqual({
      decisionNumber: '绵市监罚〔2026〕P1号',
      underObjection: true,
    });

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('link', { name: '登录' }).waitFor();
    await page.close();
  });

  it('reads the objection’s decision and its notification, applies for repair, and revokes a consent', async () => {
    const asSubject = await authHeader({ role: 'subject', sub: listed });
    // The department decides the objection filed in the portal; a bank holds a consent of the person.
    const { body } = await stack.query(`{ person(id: "${listed}") { objections { nodes { id } } } }`, undefined, asSubject);
    const objectionId = (body.data as { person: { objections: { nodes: { id: string }[] } } }).person.objections.nodes[0]!.id;
    const decided = await stack.query(
      'mutation ($id: ID!) { decideObjection(id: $id, outcome: UPHELD, reason: "经核查，处罚决定有效") { status } }',
      { id: objectionId },
      await authHeader({ role: 'bureau', org: 'MARKET_REGULATION' }),
    );
    expect(decided.body.errors).toBeUndefined();
    await registerInstitution(stack, { id: bank, name: '绵州测试银行' });
    const granted = await stack.query(
      'mutation ($input: GrantConsentInput!) { grantConsent(input: $input) { id } }',
      {
        input: {
          granteeInstitutionId: bank,
          purpose: 'LOAN',
          scopes: ['identity'],
          validUntil: '2030-12-31',
          idempotencyKey: 'portal-consent-1',
        },
      },
      asSubject,
    );
    expect(granted.body.errors).toBeUndefined();
    // The penalty is serious: the person completed the credit-repair course its repair needs (policy repair.trainingRequiredGrades).
    const course = await stack.query(
      'mutation ($records: [JSONObject!]!) { ingestPlatformRecords(kind: REPAIR_TRAINING, records: $records) { created } }',
      {
        records: [
          {
            id: 'TRN-PORTAL-1',
            personId: listed,
            course: '信用修复专题培训',
            provider: '绵阳市社会信用体系建设领导小组办公室',
            completedOn: todayInCity(),
            certificateNumber: 'XYXF2026000789',
            sourceOrganisation: '绵阳市社会信用体系建设领导小组办公室',
            legalBasis: '《失信行为纠正后的信用信息修复管理办法（试行）》',
          },
        ],
      },
      await authHeader({ role: 'bureau', org: 'PLATFORM' }),
    );
    expect(course.body.errors).toBeUndefined();

    const page = await signIn(listed);
    await page
      .getByRole('row', { name: /该处罚已被复议撤销/ })
      .getByText('维持原记录：经核查，处罚决定有效')
      .waitFor();
    await page.locator('section[aria-labelledby="notifications"] li').first().waitFor();

    // Repair is open once the record's minimum display period has run: the older penalty's has.
    const record = page.locator('.record', { hasText: '绵市监罚〔2026〕P2号' });
    await record.getByRole('button', { name: '申请信用修复' }).click();
    await record.getByRole('combobox', { name: '修复方式' }).selectOption('OBLIGATION_PERFORMED');
    await record.getByRole('textbox', { name: '情况说明' }).fill('罚款已于本月缴清');
    await record.getByRole('textbox', { name: '证明材料编号（多个以逗号分隔）' }).fill('缴款书-001');
    await record.getByRole('button', { name: '提交修复申请' }).click();
    await page
      .getByRole('row', { name: /罚款已于本月缴清/ })
      .getByText('已申请')
      .waitFor();

    const consent = page.getByRole('row', { name: /绵州测试银行/ });
    await consent.getByText('有效').waitFor();
    await consent.getByRole('button', { name: '撤销授权' }).click();
    await consent.getByText('已撤销').waitFor();
    await page.close();
  });

  it('downloads the signed report, which the verification page finds genuine, and not genuine once a byte changes', async () => {
    const page = await signIn(listed);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载我的信用报告' }).click()]);
    const folder = mkdtempSync(path.join(tmpdir(), 'portal-report-'));
    const file = path.join(folder, download.suggestedFilename());
    await download.saveAs(file);
    const issued = (await page.locator('.issued-report').textContent()) ?? '';
    const [, number, code] = /报告 (MYCR\d{8}-[0-9A-Z]{10}) 已于 .* 出具，验证码 ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(issued) ?? [];
    expect(number).toBeDefined();
    expect(download.suggestedFilename()).toBe(`${number}.pdf`);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    // The issue is logged where the person sees it.
    await page.getByRole('heading', { name: '已出具的报告' }).waitFor();
    await page.getByText(number!, { exact: false }).first().waitFor();
    await page.close();

    const verify = await openPortal('#/verify');
    await verify.getByRole('heading', { level: 1, name: '报告验证' }).waitFor();
    await verify.getByRole('textbox', { name: '报告编号' }).fill(number!);
    await verify.getByRole('textbox', { name: '验证码' }).fill(code!.toLowerCase());
    await verify.getByLabel('报告文件（PDF）').setInputFiles(file);
    await verify.getByRole('button', { name: '验证' }).click();
    await expect(verify.locator('.verdict-genuine').textContent()).resolves.toMatch(/^真实：该报告由本平台于 .+ 出具，文件未被改动。$/);
    await shoot(verify, 'portal-verify');

    const changed = readFileSync(file);
    changed[Math.floor(changed.length / 3)] ^= 0x01;
    const altered = path.join(folder, 'altered.pdf');
    writeFileSync(altered, changed);
    await verify.getByLabel('报告文件（PDF）').setInputFiles(altered);
    await verify.getByRole('button', { name: '验证' }).click();
    await verify.locator('.verdict-altered').getByText('不真实：报告编号和验证码正确，但文件已被改动').waitFor();
    await verify.close();
  });

  it('shows the person’s credit commitments with what was committed, to whom and until when', async () => {
    const { body } = await stack.query(
      'mutation ($until: Date!) { makeCreditCommitment(kind: NOTIFICATION_COMMITMENT, receiver: "MARKET_REGULATION", content: "承诺经营场所符合食品经营许可条件", until: $until) { id } }',
      { until: addMonths(today, 6) },
      await authHeader({ role: 'subject', sub: honoured }),
    );
    expect(body.errors).toBeUndefined();
    const page = await signIn(honoured);
    const row = page.getByRole('row', { name: /承诺经营场所符合食品经营许可条件/ });
    await row.getByText('绵阳市市场监督管理局').waitFor();
    await row.getByText('履行中').waitFor();
    await expect(row.textContent()).resolves.toContain('告知承诺');
    await page.getByRole('heading', { name: '我的延期申请' }).waitFor();
    await page.close();
  });

  it('files a complaint about an institution from its read in the person’s query log', async () => {
    const lender = makeSocialCreditCode('91510700MA6D3E4F5');
    await registerInstitution(stack, { id: lender, name: '绵州测试小贷公司' });
    // The lender reads the person without a consent: refused, and logged.
    const read = await stack.query(`{ person(id: "${sameSurname}") { creditEvaluation { grade } } }`, undefined, {
      ...(await authHeader({ role: 'partner', org: lender })),
      'x-credit-purpose': 'LOAN',
    });
    expect(read.body.errors?.[0]?.extensions?.code).toBe('CONSENT_REQUIRED');
    const page = await signIn(sameSurname);
    const row = page.getByRole('row', { name: /绵州测试小贷公司/ }).first();
    await row.getByRole('button', { name: '投诉' }).click();
    await row.getByRole('combobox', { name: '投诉事由' }).selectOption('QUERY_WITHOUT_CONSENT');
    await row.getByRole('textbox', { name: '投诉内容' }).fill('本人从未向该公司申请贷款或授权查询');
    await row.getByRole('button', { name: '提交投诉' }).click();
    await row.getByText('投诉已提交，平台将核查处理。').waitFor();
    await page.close();
    const { body } = await stack.query(
      `{ person(id: "${sameSurname}") { complaints { nodes { institutionId ground status queryLogSequence } } } }`,
      undefined,
      await authHeader({ role: 'subject', sub: sameSurname }),
    );
    const [complaint] = (body.data as { person: { complaints: { nodes: Record<string, unknown>[] } } }).person.complaints.nodes;
    expect(complaint).toMatchObject({ institutionId: lender, ground: 'QUERY_WITHOUT_CONSENT', status: 'FILED' });
    expect(complaint!.queryLogSequence).toEqual(expect.any(String));
  });

  it('takes a report of dishonest behaviour without sign-in, shows its receipt once, and follows it by the receipt alone', async () => {
    const page = await openPortal('#/report');
    await page.getByRole('heading', { level: 1, name: '失信举报' }).waitFor();
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('请填写被举报人身份证号、失信类别、发生日期和举报内容。').waitFor();
    await page.getByRole('textbox', { name: '被举报人身份证号' }).fill(sameSurname);
    await page.getByRole('combobox', { name: '失信类别' }).selectOption('SERIOUS_FOOD_DRUG_VIOLATION');
    await page.getByLabel('发生日期').fill(addMonths(today, -1));
    await page.getByRole('textbox', { name: '举报内容（经过、时间、地点）' }).fill('在涪城区某小区销售无批准文号的药品');
    await page.getByRole('button', { name: '提交举报' }).click();
    await page.getByText('举报已受理，已转交主管部门。').waitFor();
    const receipt = ((await page.locator('.receipt-code').textContent()) ?? '').trim();
    expect(receipt.length).toBeGreaterThan(8);
    await page.locator('.receipt').getByText('绵阳市市场监督管理局').waitFor();
    // Nobody's data is shown back: not even the ID just typed.
    expect(await page.locator('.receipt').textContent()).not.toContain(sameSurname);
    await shoot(page, 'portal-report');
    await page.close();

    const follow = await openPortal('#/report');
    await follow.getByRole('textbox', { name: '查询码' }).fill(receipt);
    await follow.getByRole('button', { name: '查询', exact: true }).click();
    await follow.getByText('已受理，待部门核查').waitFor();
    await follow.getByRole('textbox', { name: '查询码' }).fill('NO-SUCH-RECEIPT-CODE');
    await follow.getByRole('button', { name: '查询', exact: true }).click();
    await follow.getByText('没有找到此查询码对应的举报。').waitFor();
    await follow.close();
  });

  it('grants a consent to a registered institution it names before anything is granted, and refuses an unregistered one', async () => {
    const employer = makeSocialCreditCode('91510700MA6CU1NE3');
    await registerInstitution(stack, { id: employer, name: '绵阳测试科技有限公司' });
    const page = await signIn(sameSurname);
    const form = page.getByRole('region', { name: '授权机构查询' });
    const code = form.getByRole('textbox', { name: '机构统一社会信用代码（18 位）' });
    await code.fill(makeSocialCreditCode('91510700MA6CU1NF1'));
    await form.getByText('该机构未在平台登记，不能授权。').waitFor();
    await code.fill(employer);
    await form.getByText('绵阳测试科技有限公司').waitFor();
    await form.getByRole('combobox', { name: '用途' }).selectOption('EMPLOYMENT_SCREENING');
    await form.getByRole('button', { name: '授权' }).click();
    await form.getByText('请至少选择一项可查询的信息。').waitFor();
    await form.getByRole('checkbox', { name: '身份信息' }).check();
    await form.getByRole('checkbox', { name: '学历学位' }).check();
    await form.getByRole('button', { name: '授权' }).click();
    await form.getByText('已授权。').waitFor();
    const row = page.getByRole('row', { name: /绵阳测试科技有限公司/ });
    await row.getByText('入职审查').waitFor();
    await row.getByText('有效').waitFor();
    await shoot(page, 'portal-consents');
    await page.close();
  });

  it('signs the person out when the gateway no longer accepts their token, and says so', async () => {
    const page = await signIn(listed);
    // As after the token's expiry: the tab still holds a session the gateway refuses.
    await page.evaluate(`sessionStorage.setItem('portal.session', JSON.stringify({ token: 'no.longer.valid', subject: '${listed}' }))`);
    await page.reload();
    await page.getByRole('alert').getByText('登录已过期，请重新登录。').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '登录' }).waitFor();
    await expect(page.evaluate(`sessionStorage.getItem('portal.session')`)).resolves.toBeNull();
    await page.close();
  });

  it('refuses a sign-in with an invalid ID, and a portal in production has no development sign-in', async () => {
    const refused = await fetch(new URL('/dev/sign-in', portal.url), { method: 'POST', body: JSON.stringify({ citizenId: '5107031971' }) });
    expect(refused.status).toBe(400);
    expect(await refused.text()).not.toContain('5107031971');
    const production = await startPortal({ gatewayUrl: stack.gateway.url });
    try {
      const res = await fetch(new URL('/dev/sign-in', production.url), { method: 'POST', body: JSON.stringify({ citizenId: listed }) });
      expect(res.status).toBe(404);
      expect(await (await fetch(new URL('/config.json', production.url))).json()).toEqual({ gatewayUrl: stack.gateway.url, signIn: 'none' });
    } finally {
      await production.stop();
    }
  });
});

describe('the gateway for the portal’s pages', () => {
  it('allows the portal’s origin from a browser, and no other', async () => {
    const origin = new URL(portal.url).origin;
    const preflight = await fetch(stack.gateway.url, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(origin);
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    const other = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { origin: 'https://elsewhere.example', 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const own = await fetch(stack.gateway.url, {
      method: 'POST',
      headers: { origin, 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(own.headers.get('access-control-allow-origin')).toBe(origin);
    expect(own.headers.get('access-control-expose-headers')).toContain('retry-after');
  });
});
