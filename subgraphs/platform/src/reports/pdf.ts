import { existsSync } from 'node:fs';

import { categoryPolicy, codedError, config, maskCitizenId, maskName, policy, sourceOfBureau } from '@credit/shared';
import PDFDocument from 'pdfkit';

import type { ReportContents } from './contents';

/**
 * The credit report as a PDF (pdfkit): numbered, with the issue time and the
 * verification code on every page, the subject's identity masked and in
 * full, then every section of the person's report in Chinese with English
 * subtitles. The text is set in `CREDIT_REPORT_FONT_FILE`, which must have
 * the Chinese glyphs (pdfkit embeds only the glyphs used). The document
 * carries no signature of its own: the platform signs its SHA-256 with the
 * number and issue time and keeps that, and the verification checks a file
 * against it (signing.ts).
 */

export interface ReportStamp {
  number: string;
  verificationCode: string;
  issuedAt: Date;
  /** Fingerprint of the key that signs it, printed for a verifier. */
  keyId: string;
}

const PLATFORM_NAME = '信用中国（四川绵阳）';

/** Wall-clock time in the city, as printed on the report. */
function cityTime(at: Date): string {
  return new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  }).format(at);
}

const dateOf = (value: string | Date | null | undefined) => (value == null ? '—' : typeof value === 'string' ? value.slice(0, 10) : cityTime(value));
const department = (bureau: string | null | undefined) => (bureau ? (sourceOfBureau(bureau)?.nameZh ?? bureau) : '—');
// A category the policy no longer knows (a record older than the policy) is printed by its code.
const categoryLabel = (code: string) => (code in policy().categories ? categoryPolicy(code).labelZh : code);
const measureLabel = (code: string) => policy().measures[code]?.labelZh ?? code;
const yesNo = (value: boolean | null | undefined) => (value ? '是 yes' : '否 no');

const GRADES: Record<string, string> = { MINOR: '轻微', GENERAL: '一般', SERIOUS: '严重' };
const STATUS_WORDS: Record<string, string> = {
  FILED: '已受理',
  UNDER_REVIEW: '核查中',
  CORRECTED: '记录已更正',
  REMOVED: '记录已删除',
  UPHELD: '记录维持',
  APPLIED: '已申请',
  APPROVED: '已修复',
  REJECTED: '不予修复',
  ACTIVE: '有效',
  EXPIRED: '已过期',
  REVOKED: '已撤销',
  NOT_YET_VALID: '未生效',
};
const POPULATION_WORDS: Record<string, string> = {
  REGISTERED_RESIDENT: '户籍人口 registered resident',
  MIGRANT: '外来人口（持居住证）migrant with a residence permit',
  NON_RESIDENT: '非本市人口 not resident',
};
const word = (value: string) => (STATUS_WORDS[value] ? `${STATUS_WORDS[value]} ${value}` : value);

/** The font the report is set in; missing, no report can be made. */
export function reportFont(): { file: string; face: string } {
  const file = config().CREDIT_REPORT_FONT_FILE;
  if (!existsSync(file)) {
    throw codedError(
      'REPORT_UNAVAILABLE',
      'The credit report could not be made: the report font is not installed on the platform (CREDIT_REPORT_FONT_FILE); nothing was issued.',
    );
  }
  return { file, face: config().CREDIT_REPORT_FONT_FACE };
}

/** Renders the report; resolves to the PDF file's bytes. */
export function renderCreditReport(contents: ReportContents, stamp: ReportStamp): Promise<Buffer> {
  const font = reportFont();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: `个人信用报告 ${stamp.number}`, Author: PLATFORM_NAME, Creator: PLATFORM_NAME, CreationDate: stamp.issuedAt, ModDate: stamp.issuedAt },
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // A collection (.ttc) holds several faces: the configured one is used.
  doc.registerFont('report', font.file, font.file.toLowerCase().endsWith('.ttc') ? font.face : undefined);
  doc.font('report');
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  const heading = (zh: string, en: string) => {
    doc.moveDown(0.8).fontSize(13).fillColor('#1f3a68').text(`${zh}  ${en}`);
    doc
      .moveTo(doc.page.margins.left, doc.y + 2)
      .lineTo(doc.page.margins.left + width, doc.y + 2)
      .strokeColor('#1f3a68')
      .lineWidth(0.6)
      .stroke();
    doc.moveDown(0.4).fontSize(9.5).fillColor('black');
  };
  const line = (label: string, value: string) => doc.text(`${label}：${value}`, { width });
  const none = () => void doc.fillColor('#555').text('无记录 None', { width }).fillColor('black');
  const items = <T>(rows: readonly T[], render: (row: T, n: number) => string, total?: number) => {
    if (rows.length === 0) {
      none();
      return;
    }
    rows.forEach((row, n) => doc.text(`${n + 1}. ${render(row, n)}`, { width, paragraphGap: 3 }));
    if (total !== undefined && total > rows.length) doc.fillColor('#555').text(`（共 ${total} 条，本报告列出最近 ${rows.length} 条）`).fillColor('black');
  };

  const { identity, sections, negativeRecords, subjectId } = contents;
  const s = sections;

  doc.fontSize(20).text('个人信用报告', { align: 'center' });
  doc.fontSize(11).text('Personal public-credit report', { align: 'center' });
  doc.moveDown(0.3).fontSize(9).fillColor('#333').text(`${PLATFORM_NAME} · 绵阳市公共信用信息共享平台`, { align: 'center' }).fillColor('black');
  doc.moveDown(0.8).fontSize(10);
  line('报告编号 Report number', stamp.number);
  line('出具时间 Issued', `${cityTime(stamp.issuedAt)}（北京时间）`);
  line('验证码 Verification code', stamp.verificationCode);

  heading('一、身份信息', 'Identity');
  line('姓名 Name', identity ? `${identity.name}（公开展示为 ${maskName(identity.name)}）` : '人口信息库无此身份证号 Not registered in Mianyang');
  line('公民身份号码 Citizen ID', `${subjectId}（公开展示为 ${maskCitizenId(subjectId)}）`);
  if (identity) {
    line('性别 Gender', identity.gender === 'MALE' ? '男 male' : '女 female');
    line('出生日期 Birth date', dateOf(identity.birthDate));
    line('户籍地 Registered residence', `${identity.registeredResidence.areaName ?? ''} ${identity.registeredResidence.address}`.trim());
    if (identity.populationStatus) line('人口类别 Population', POPULATION_WORDS[identity.populationStatus] ?? identity.populationStatus);
    const permit = identity.residencePermit;
    if (permit) {
      line(
        '居住证 Residence permit',
        `${permit.residence.areaName ?? ''} ${permit.residence.address}，有效期至 ${permit.validUntil}${permit.valid ? '' : '（已过期 lapsed）'}`.trim(),
      );
    }
  }

  heading('二、联合惩戒', 'Joint punishment');
  const jp = s.jointPunishment;
  line('是否列入 Listed', yesNo(jp?.listed));
  if (jp?.listed) {
    line('列入类别 Categories', jp.categories.map(categoryLabel).join('；'));
    line('列入期间 Period', `${dateOf(jp.since)} 至 ${dateOf(jp.until)}`);
    line('惩戒措施 Measures', jp.measures.map(measureLabel).join('；'));
  }

  heading('三、红名单与守信记录', 'Red list and good conduct');
  line('是否在红名单 On the red list', yesNo(s.redList?.onRedList));
  items(
    s.redList?.entries ?? [],
    (e) => `${e.title}（${e.awardingBody}，${dateOf(e.awardedOn)} 授予，有效至 ${dateOf(e.validUntil)}，${e.inForce ? '有效' : '已失效'}）`,
  );
  const practice = s.practiceRecords?.nodes ?? [];
  const volunteer = s.volunteerRecords?.nodes ?? [];
  const charity = s.charityRecords?.nodes ?? [];
  if (practice.length) items(practice, (p) => `执业 ${p.profession}：${p.organisation}，${dateOf(p.from)} 至 ${dateOf(p.to)}`, s.practiceRecords?.totalCount);
  if (volunteer.length)
    items(volunteer, (v) => `志愿服务：${v.organisation}·${v.activity}，${v.hours} 小时，${dateOf(v.servedOn)}`, s.volunteerRecords?.totalCount);
  if (charity.length) items(charity, (c) => `慈善捐赠：${c.recipientOrganisation}，${c.amountYuan} 元，${dateOf(c.donatedOn)}`, s.charityRecords?.totalCount);

  heading('四、信用评价', 'Credit evaluation');
  const ev = s.creditEvaluation;
  if (ev) {
    line('等级 Grade', ev.grade);
    line('分数 Score', String(ev.score));
    line('评价时间 Evaluated', dateOf(new Date(ev.evaluatedAt)));
    items(ev.factors, (f) => `${f.effect > 0 ? '+' : ''}${f.effect}：${f.explanation}${f.bureau ? `（${department(f.bureau)}）` : ''}`);
  } else none();

  heading('五、各部门失信记录', 'Negative records by source');
  doc.fillColor('#555').text('各部门归集至平台的失信记录及其展示期限（展示期满不再公示）。', { width }).fillColor('black');
  items(
    negativeRecords,
    (n) => `${department(n.bureau)} · ${categoryLabel(n.category)}（${GRADES[n.grade] ?? n.grade}）· 记录号 ${n.recordId} · 展示期 ${n.since} 至 ${n.until}`,
  );

  heading('六、行政处罚', 'Administrative penalties');
  items(
    s.administrativePenalties?.nodes ?? [],
    (p) =>
      `${department(p.department)} ${p.decisionNumber}（${dateOf(p.decisionDate)}）：${p.violationType}；${p.penaltyContent}；${p.authority}。` +
      `公示期 ${p.displayWindow.from} 至 ${p.displayWindow.until}，${p.displayWindow.shown ? '公示中' : '已停止公示'}${p.underObjection ? '，异议处理中' : ''}`,
    s.administrativePenalties?.totalCount,
  );

  heading('七、行政许可', 'Administrative licences');
  items(
    s.administrativeLicences?.nodes ?? [],
    (l) =>
      `${department(l.department)} ${l.documentNumber}：${l.certificateName}，${l.content}；有效期 ${dateOf(l.validFrom)} 至 ${dateOf(l.validUntil)}（${l.status}）`,
    s.administrativeLicences?.totalCount,
  );

  heading('八、异议与信用修复', 'Objections and credit repair');
  doc.text('异议 Objections');
  items(
    s.objections?.nodes ?? [],
    (o) =>
      `异议 ${o.id}：${department(o.bureau)} 记录 ${o.recordId}，${dateOf(new Date(o.filedAt))} 提出，${word(o.status)}${o.decisionReason ? `（${o.decisionReason}）` : ''}`,
    s.objections?.totalCount,
  );
  doc.moveDown(0.3).text('信用修复申请 Repair applications');
  items(
    s.repairs?.nodes ?? [],
    (r) =>
      `修复 ${r.id}：${department(r.bureau)} 记录 ${r.recordId}，${r.correction}，${dateOf(new Date(r.appliedAt))} 申请，${word(r.status)}${r.decisionReason ? `（${r.decisionReason}）` : ''}`,
    s.repairs?.totalCount,
  );

  heading('九、授权查询', 'Consents to institutions');
  items(
    s.consents?.nodes ?? [],
    (c) => `${c.granteeInstitution.name}：${c.purpose}，范围 ${c.scopes.join('、')}，${c.validFrom} 至 ${c.validUntil}，${word(c.status)}`,
    s.consents?.totalCount,
  );

  heading('十、查询记录', 'Who queried this record');
  items(
    s.queryLog?.nodes ?? [],
    (q) =>
      `${dateOf(new Date(q.at))} · ${q.institution?.name ?? q.actorRole} · ${q.purpose ?? q.checkPurpose ?? '—'} · ${q.fieldGroups.join('、') || '—'} · ${q.outcome}`,
    s.queryLog?.totalCount,
  );

  doc.moveDown(1.2).fontSize(8.5).fillColor('#333');
  doc.text(
    `说明：本报告由${PLATFORM_NAME}根据各部门归集的公共信用信息出具，仅反映出具时平台记录的信息。报告经平台签名（密钥指纹 ${stamp.keyId}）；` +
      '在门户“报告验证”页面输入报告编号与验证码并提供本文件，即可核验其真实、完整。展示期、异议与修复规则见门户“规则”页面。',
    { width },
  );

  // Every page carries the number and the code, so a page cannot pass for another report's.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.height - doc.page.margins.bottom + 20;
    // Text below the bottom margin would start a new page: the footer is written with none.
    doc.page.margins.bottom = 0;
    doc
      .fontSize(7.5)
      .fillColor('#555')
      .text(`报告编号 ${stamp.number} · 验证码 ${stamp.verificationCode} · 第 ${i + 1 - range.start} / ${range.count} 页`, doc.page.margins.left, bottom, {
        width,
        align: 'center',
        lineBreak: false,
      });
  }
  doc.end();
  return done;
}
