import {
  addMonths,
  ageOn,
  categoryPolicy,
  insertNewDocuments,
  MIANYANG_AREAS,
  opaqueId,
  policy,
  POPULATION_REFERENCE_DATE,
  Rng,
  type SubgraphSeeder,
  type SyntheticPerson,
} from '@credit/shared';

import type { Models } from './models';
import { hasDegree, type EducationLevel, type EducationRecordDoc } from './models/EducationRecord';
import type { ResearchMisconductDoc, ResearchMisconductType } from './models/ResearchMisconduct';
import type { StudentIntegrityCategory, StudentIntegrityRecordDoc } from './models/StudentIntegrityRecord';

const LEGAL_BASIS_EDUCATION = '《中华人民共和国教育法》; 《中华人民共和国学位法》; 《普通高等学校学生管理规定》';

// Shares of the highest programme a person enrols in (cumulative: a doctor
// also holds a master and a bachelor). Applied to everyone; only those old
// enough reach the programme by the reference date.
const DOCTORATE_SHARE = 0.01;
const MASTER_SHARE = 0.05;
const BACHELOR_SHARE = 0.3;
const JUNIOR_COLLEGE_SHARE = 0.14;
const BACHELOR_DROPOUT_SHARE = 0.02;
const BACHELOR_DEGREE_SHARE = 0.96;
const STUDENT_INTEGRITY_SHARE_OF_ADULTS = 0.015;
// About 30% of adults hold a bachelor degree, so this is about 0.2% of adults.
const RESEARCH_MISCONDUCT_SHARE_OF_GRADUATES = 0.007;

// The gaokao was suspended from 1966 and resumed in the winter of 1977: the
// first cohorts (77级, 78级) entered in 1978, many of them years late.
const ADMISSIONS_SUSPENDED = { from: 1966, to: 1977, resumed: 1978 };
// The Regulations on Academic Degrees took effect on 1 January 1981; earlier
// graduates hold a diploma but no degree.
const DEGREES_FROM = '1981-01-01';
// Student integrity files and research-integrity investigations as they are
// kept now date from the mid-2010s.
const INTEGRITY_FILES_FROM = '2015-01-01';
const RESEARCH_INTEGRITY_FROM = '2016-01-01';

interface University {
  name: string;
  /** Institution code of the Ministry of Education (学校标识码 suffix), the head of degree certificate numbers. */
  code: string;
  abbr: string;
  /** Highest programme offered. */
  top: 'BACHELOR' | 'MASTER' | 'DOCTORATE';
}

// Local universities appear twice: most of the city's students study in Mianyang or Chengdu.
const UNIVERSITIES: University[] = [
  { name: '西南科技大学', code: '10619', abbr: '西科大', top: 'DOCTORATE' },
  { name: '西南科技大学', code: '10619', abbr: '西科大', top: 'DOCTORATE' },
  { name: '绵阳师范学院', code: '10639', abbr: '绵师院', top: 'BACHELOR' },
  { name: '绵阳师范学院', code: '10639', abbr: '绵师院', top: 'BACHELOR' },
  { name: '四川大学', code: '10610', abbr: '川大', top: 'DOCTORATE' },
  { name: '电子科技大学', code: '10614', abbr: '电子科大', top: 'DOCTORATE' },
  { name: '西南交通大学', code: '10613', abbr: '西南交大', top: 'DOCTORATE' },
  { name: '重庆大学', code: '10611', abbr: '重大', top: 'DOCTORATE' },
  { name: '西南财经大学', code: '10651', abbr: '西财', top: 'DOCTORATE' },
  { name: '四川师范大学', code: '10636', abbr: '川师大', top: 'MASTER' },
  { name: '成都理工大学', code: '10616', abbr: '成理', top: 'DOCTORATE' },
  { name: '西南石油大学', code: '10615', abbr: '西南石大', top: 'DOCTORATE' },
  { name: '西华大学', code: '10623', abbr: '西华大', top: 'MASTER' },
];

const JUNIOR_COLLEGES: { name: string; abbr: string }[] = [
  { name: '绵阳职业技术学院', abbr: '绵职院' },
  { name: '四川中医药高等专科学校', abbr: '川中专' },
  { name: '四川信息职业技术学院', abbr: '川信院' },
  { name: '四川建筑职业技术学院', abbr: '川建院' },
  { name: '成都职业技术学院', abbr: '成职院' },
];

const BACHELOR_MAJORS: { major: string; discipline: string; years: number; graduateMajor: string }[] = [
  { major: '计算机科学与技术', discipline: '工学', years: 4, graduateMajor: '计算机科学与技术' },
  { major: '电子信息工程', discipline: '工学', years: 4, graduateMajor: '信息与通信工程' },
  { major: '机械设计制造及其自动化', discipline: '工学', years: 4, graduateMajor: '机械工程' },
  { major: '土木工程', discipline: '工学', years: 4, graduateMajor: '土木工程' },
  { major: '材料科学与工程', discipline: '工学', years: 4, graduateMajor: '材料科学与工程' },
  { major: '数学与应用数学', discipline: '理学', years: 4, graduateMajor: '应用数学' },
  { major: '物理学', discipline: '理学', years: 4, graduateMajor: '凝聚态物理' },
  { major: '会计学', discipline: '管理学', years: 4, graduateMajor: '会计学' },
  { major: '工商管理', discipline: '管理学', years: 4, graduateMajor: '企业管理' },
  { major: '金融学', discipline: '经济学', years: 4, graduateMajor: '金融学' },
  { major: '法学', discipline: '法学', years: 4, graduateMajor: '民商法学' },
  { major: '汉语言文学', discipline: '文学', years: 4, graduateMajor: '中国现当代文学' },
  { major: '英语', discipline: '文学', years: 4, graduateMajor: '外国语言学及应用语言学' },
  { major: '小学教育', discipline: '教育学', years: 4, graduateMajor: '课程与教学论' },
  { major: '临床医学', discipline: '医学', years: 5, graduateMajor: '内科学' },
];
const JUNIOR_COLLEGE_MAJORS = ['软件技术', '护理', '机电一体化技术', '大数据与会计', '建筑工程技术', '电子商务', '汽车检测与维修技术'];
const VOCATIONAL_MAJORS = ['数控技术应用', '会计事务', '汽车运用与维修', '电子技术应用', '幼儿保育', '计算机应用', '中餐烹饪'];

const PRIMARY_SUFFIXES = ['实验小学', '第一小学', '第二小学', '第三小学', '城南小学'];
const JUNIOR_SUFFIXES = ['实验中学', '第一中学', '第二中学', '城北中学'];
const CITY_SENIOR_SCHOOLS = ['四川省绵阳中学', '四川省绵阳南山中学', '绵阳东辰国际学校'];
const SENIOR_SCHOOLS_BY_AREA: Readonly<Record<string, readonly string[]>> = {
  '510703': ['四川省绵阳中学', '四川省绵阳普明中学', '绵阳市开元中学'],
  '510704': ['四川省绵阳南山中学', '四川省绵阳实验高级中学'],
  '510705': ['四川省安县中学'],
  '510722': ['四川省三台中学', '四川省三台县芦溪中学'],
  '510723': ['四川省盐亭中学'],
  '510725': ['四川省梓潼中学'],
  '510726': ['四川省北川中学'],
  '510727': ['四川省平武中学'],
  '510781': ['四川省江油中学', '四川省江油市第一中学'],
};

/** How a county-level school names its seat: districts carry the city name. */
function areaPrefix(areaCode: string): string {
  const county = MIANYANG_AREAS[areaCode] ?? '绵阳市';
  return county.endsWith('区') ? `绵阳市${county}` : county;
}

function admissionYear(year: number): number {
  return year >= ADMISSIONS_SUSPENDED.from && year <= ADMISSIONS_SUSPENDED.to ? ADMISSIONS_SUSPENDED.resumed : year;
}

const DEGREE_LEVEL_CODES: Partial<Record<EducationLevel, { code: string; suffix: string }>> = {
  BACHELOR: { code: '4', suffix: '学士学位' },
  MASTER: { code: '3', suffix: '硕士学位' },
  DOCTORATE: { code: '2', suffix: '博士学位' },
};

function isTertiary(level: EducationLevel): boolean {
  return level === 'JUNIOR_COLLEGE' || level === 'BACHELOR' || level === 'MASTER' || level === 'DOCTORATE';
}

type Tier = 'NONE' | 'JUNIOR_COLLEGE' | 'BACHELOR' | 'MASTER' | 'DOCTORATE';

/**
 * The person's enrolments, earliest first, up to the reference date: an
 * enrolment not finished by then has no end date and is not graduated, and
 * nothing after it exists yet.
 */
export function educationHistoryFor(person: SyntheticPerson, seed: number): EducationRecordDoc[] {
  const rng = Rng.forKey(seed, 'education', 'history', person.index);
  const birthYear = Number(person.birthDate.slice(0, 4));
  const u = rng.next();
  const tier: Tier =
    u < DOCTORATE_SHARE
      ? 'DOCTORATE'
      : u < MASTER_SHARE
        ? 'MASTER'
        : u < BACHELOR_SHARE
          ? 'BACHELOR'
          : u < BACHELOR_SHARE + JUNIOR_COLLEGE_SHARE
            ? 'JUNIOR_COLLEGE'
            : 'NONE';
  // Nine-year compulsory education (1986) reached everyone born from about 1971.
  const compulsoryEra = birthYear >= 1971;
  const out: EducationRecordDoc[] = [];
  let year = birthYear + (Number(person.birthDate.slice(5, 7)) <= 8 ? 6 : 7);
  let open = true;

  const enrol = (
    level: EducationLevel,
    institution: string,
    major: string | null,
    years: number,
    options: { dropout?: boolean; degree?: { discipline: string; universityCode: string } } = {},
  ) => {
    if (!open) return false;
    const startDate = `${year}-09-01`;
    if (startDate > POPULATION_REFERENCE_DATE) {
      open = false;
      return false;
    }
    const leaveYear = year + (options.dropout ? rng.int(1, years - 1) : years);
    const endDate = isTertiary(level) ? `${leaveYear}-06-${rng.int(20, 30)}` : `${leaveYear}-07-0${rng.int(1, 9)}`;
    const finished = endDate <= POPULATION_REFERENCE_DATE;
    const graduated = finished && !options.dropout;
    const levelCode = DEGREE_LEVEL_CODES[level];
    const degree =
      graduated && options.degree && levelCode && endDate >= DEGREES_FROM
        ? {
            name: `${options.degree.discipline}${levelCode.suffix}`,
            certificateNumber: `${options.degree.universityCode}${levelCode.code}${leaveYear}${String(rng.int(1, 999_999)).padStart(6, '0')}`,
            awardedOn: endDate,
          }
        : null;
    out.push({
      _id: opaqueId('EDU', person.id, level),
      personId: person.id,
      institution,
      level,
      major,
      startDate,
      endDate: finished ? endDate : null,
      graduated,
      degree,
      legalBasis: LEGAL_BASIS_EDUCATION,
      collectedAt: new Date(`${finished ? endDate : startDate}T00:00:00Z`),
    });
    year = leaveYear;
    open = graduated;
    return graduated;
  };

  const prefix = areaPrefix(person.areaCode);
  if (!compulsoryEra && tier === 'NONE' && rng.chance(0.05)) return out;
  if (!enrol('PRIMARY', `${prefix}${rng.pick(PRIMARY_SUFFIXES)}`, null, 6)) return out;
  if (tier === 'NONE' && !rng.chance(compulsoryEra ? 0.97 : 0.8)) return out;
  if (!enrol('JUNIOR_SECONDARY', `${prefix}${rng.pick(JUNIOR_SUFFIXES)}`, null, 3)) return out;

  const upperSecondary = tier !== 'NONE' || rng.chance(birthYear >= 1985 ? 0.7 : 0.4);
  if (!upperSecondary) return out;
  const vocational = tier === 'JUNIOR_COLLEGE' ? rng.chance(0.5) : tier === 'NONE' ? rng.chance(0.45) : false;
  const seniorSchools = SENIOR_SCHOOLS_BY_AREA[person.areaCode] ?? CITY_SENIOR_SCHOOLS;
  const graduatedUpper = vocational
    ? enrol('VOCATIONAL', rng.chance(0.3) ? '四川省绵阳财经学校' : `${prefix}职业技术学校`, rng.pick(VOCATIONAL_MAJORS), 3)
    : enrol('SENIOR_SECONDARY', rng.chance(0.25) ? rng.pick(CITY_SENIOR_SCHOOLS) : rng.pick(seniorSchools), null, 3);
  if (!graduatedUpper || tier === 'NONE') return out;

  year = admissionYear(year);
  if (tier === 'JUNIOR_COLLEGE') {
    enrol('JUNIOR_COLLEGE', rng.pick(JUNIOR_COLLEGES).name, rng.pick(JUNIOR_COLLEGE_MAJORS), 3);
    return out;
  }

  const field = rng.pick(BACHELOR_MAJORS);
  const university = rng.pick(UNIVERSITIES);
  const dropout = tier === 'BACHELOR' && rng.chance(BACHELOR_DROPOUT_SHARE);
  const withDegree = tier !== 'BACHELOR' || rng.chance(BACHELOR_DEGREE_SHARE);
  const bachelorDone = enrol('BACHELOR', university.name, field.major, field.years, {
    dropout,
    ...(withDegree ? { degree: { discipline: field.discipline, universityCode: university.code } } : {}),
  });
  if (!bachelorDone || tier === 'BACHELOR') return out;

  year = admissionYear(year + rng.pick([0, 0, 0, 1, 2, 3]));
  const masterSchool = rng.chance(0.6) && university.top !== 'BACHELOR' ? university : rng.pick(UNIVERSITIES.filter((s) => s.top !== 'BACHELOR'));
  const masterDone = enrol('MASTER', masterSchool.name, field.graduateMajor, rng.pick([2, 3, 3, 3]), {
    degree: { discipline: field.discipline, universityCode: masterSchool.code },
  });
  if (!masterDone || tier === 'MASTER') return out;

  year += rng.pick([0, 0, 1, 2, 4]);
  const doctoralSchool = masterSchool.top === 'DOCTORATE' && rng.chance(0.7) ? masterSchool : rng.pick(UNIVERSITIES.filter((s) => s.top === 'DOCTORATE'));
  enrol('DOCTORATE', doctoralSchool.name, field.graduateMajor, rng.pick([4, 4, 4, 5, 6]), {
    degree: { discipline: field.discipline, universityCode: doctoralSchool.code },
  });
  return out;
}

interface Window {
  from: string;
  to: string;
}

function window(from: string, to: string): Window | null {
  return from <= to ? { from, to } : null;
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

/** An exam day of one of the months (day 10..25: the schedule varies by year) inside the window. */
function examDayIn(rng: Rng, w: Window, months: readonly number[]): string | null {
  const days: string[] = [];
  for (let y = Number(w.from.slice(0, 4)); y <= Number(w.to.slice(0, 4)); y++) {
    for (const m of months) {
      const day = `${y}-${String(m).padStart(2, '0')}-${rng.int(10, 25)}`;
      if (day >= w.from && day <= w.to) days.push(day);
    }
  }
  return days.length > 0 ? rng.pick(days) : null;
}

function pickWeighted<T extends { weight: number }>(rng: Rng, items: readonly T[]): T {
  let r = rng.next() * items.reduce((sum, i) => sum + i.weight, 0);
  for (const item of items) {
    r -= item.weight;
    if (r < 0) return item;
  }
  return items[items.length - 1]!;
}

function institutionAbbr(name: string): string {
  return UNIVERSITIES.find((u) => u.name === name)?.abbr ?? JUNIOR_COLLEGES.find((c) => c.name === name)?.abbr ?? '绵教体';
}

// Who may sit each national exam: self-study exams are open to all; adult
// college entrance needs upper-secondary graduation; postgraduate entrance
// a tertiary diploma; the CET is taken by enrolled students.
type ExamEntry = 'OPEN' | 'UPPER_SECONDARY_GRADUATE' | 'TERTIARY_GRADUATE' | 'ENROLLED';
const NATIONAL_EXAMS: { name: string; months: readonly number[]; entry: ExamEntry }[] = [
  { name: '高等教育自学考试', months: [4, 10], entry: 'OPEN' },
  { name: '成人高等学校招生全国统一考试', months: [10], entry: 'UPPER_SECONDARY_GRADUATE' },
  { name: '全国硕士研究生招生考试', months: [12], entry: 'TERTIARY_GRADUATE' },
  { name: '全国大学英语四、六级考试', months: [6, 12], entry: 'ENROLLED' },
];
const CHEATING_ACTS = ['携带具有发送、接收信息功能的手机进入考场并使用', '由他人冒名代替参加考试', '使用无线耳机接收场外传送的答案', '抄袭他人答案并传递试卷'];
const ACADEMIC_FRAUD_ACTS = [
  '毕业论文大段抄袭他人已发表成果, 经学校学术委员会认定为学术不端',
  '学位论文由他人代写, 经学校学术委员会认定为学术不端',
  '课程论文及实验报告伪造实验数据',
  '申请奖学金时伪造论文发表证明',
];
const FORGED_EMPLOYMENT_ACTS = ['伪造用人单位公章及就业协议书, 虚报毕业去向', '提交虚假的录用通知书及劳动合同用于就业统计', '伪造灵活就业证明材料'];
const JOINT_PUNISHMENT_BASIS = '《关于建立完善守信联合激励和失信联合惩戒制度加快推进社会诚信建设的指导意见》(国发〔2016〕33号)';

type IntegrityFacts = Pick<StudentIntegrityRecordDoc, 'institution' | 'description' | 'authority' | 'decisionNumber' | 'legalBasis'>;

interface IntegrityCandidate {
  category: StudentIntegrityCategory;
  weight: number;
  actDate: string;
  facts: (actDate: string) => IntegrityFacts;
}

/**
 * The integrity-file records of a person, drawn only from acts their
 * education history makes possible. Every act is dated on or after the day
 * the person came of age: a minor's act is never recorded.
 */
export function studentIntegrityRecordsFor(person: SyntheticPerson, history: readonly EducationRecordDoc[], seed: number): StudentIntegrityRecordDoc[] {
  const rng = Rng.forKey(seed, 'education', 'student-integrity', person.index);
  const adultAge = policy().minors.adultAge;
  if (ageOn(person.birthDate, POPULATION_REFERENCE_DATE) < adultAge || !rng.chance(STUDENT_INTEGRITY_SHARE_OF_ADULTS)) return [];
  const adultFrom = addMonths(person.birthDate, 12 * adultAge);
  const first = later(adultFrom, INTEGRITY_FILES_FROM);
  // Decisions follow the act by one to three months and predate the reference date.
  const last = addMonths(POPULATION_REFERENCE_DATE, -3);
  const candidates: IntegrityCandidate[] = [];

  const adulthood = window(first, last);
  if (adulthood) {
    const enrolment = history.find((r) => isTertiary(r.level) && r.startDate <= adulthood.to && (r.endDate ?? adulthood.to) >= adulthood.from);
    const graduatedOn = (levels: readonly EducationLevel[]) => history.find((r) => r.graduated && r.endDate && levels.includes(r.level))?.endDate ?? null;
    const after = (date: string | null) => (date ? window(later(first, date), last) : null);
    const sittings: Record<ExamEntry, Window | null> = {
      OPEN: adulthood,
      UPPER_SECONDARY_GRADUATE: after(graduatedOn(['SENIOR_SECONDARY', 'VOCATIONAL'])),
      TERTIARY_GRADUATE: after(graduatedOn(['JUNIOR_COLLEGE', 'BACHELOR'])),
      ENROLLED: enrolment ? window(later(first, enrolment.startDate), earlier(last, enrolment.endDate ?? last)) : null,
    };
    const exam = rng.pick(NATIONAL_EXAMS.filter((e) => sittings[e.entry]));
    const examDay = examDayIn(rng, sittings[exam.entry]!, exam.months);
    if (examDay) {
      candidates.push({
        category: 'EXAM_CHEATING',
        weight: 0.35,
        actDate: examDay,
        facts: (actDate) => ({
          institution: exam.entry === 'ENROLLED' && enrolment ? enrolment.institution : '四川省教育考试院',
          description: `在${actDate.slice(0, 4)}年${exam.name}中${rng.pick(CHEATING_ACTS)}, 认定为考试作弊, 当次考试各科成绩无效`,
          authority: '四川省教育考试院',
          decisionNumber: `川教考院违〔${actDate.slice(0, 4)}〕${rng.int(10, 999)}号`,
          legalBasis: '《中华人民共和国教育法》; 《国家教育考试违规处理办法》',
        }),
      });
    }
  }

  for (const enrolment of history.filter((r) => isTertiary(r.level))) {
    const abbr = institutionAbbr(enrolment.institution);
    const enrolled = window(later(first, enrolment.startDate), earlier(last, enrolment.endDate ?? last));
    if (enrolled) {
      candidates.push({
        category: 'ACADEMIC_FRAUD',
        weight: 0.2,
        actDate: rng.dateBetween(enrolled.from, enrolled.to),
        facts: (actDate) => ({
          institution: enrolment.institution,
          description: rng.pick(ACADEMIC_FRAUD_ACTS),
          authority: enrolment.institution,
          decisionNumber: `${abbr}学术〔${actDate.slice(0, 4)}〕${rng.int(1, 99)}号`,
          legalBasis: '《中华人民共和国学位法》; 《高等学校预防与处理学术不端行为办法》',
        }),
      });
    }
    if (!enrolment.graduated || !enrolment.endDate) continue;
    // Employment papers are forged in the last spring before graduation.
    const finalSpring = window(later(first, addMonths(enrolment.endDate, -4)), earlier(last, enrolment.endDate));
    if (finalSpring) {
      candidates.push({
        category: 'FORGED_EMPLOYMENT_PAPERS',
        weight: 0.1,
        actDate: rng.dateBetween(finalSpring.from, finalSpring.to),
        facts: (actDate) => ({
          institution: enrolment.institution,
          description: rng.pick(FORGED_EMPLOYMENT_ACTS),
          authority: enrolment.institution,
          decisionNumber: `${abbr}就〔${actDate.slice(0, 4)}〕${rng.int(1, 99)}号`,
          legalBasis: `《普通高等学校毕业生就业工作暂行规定》; ${JOINT_PUNISHMENT_BASIS}`,
        }),
      });
    }
    // Repayment starts after graduation; a loan counts as defaulted once overdue for a year.
    const repayment = window(later(first, addMonths(enrolment.endDate, 13)), earlier(last, addMonths(enrolment.endDate, 96)));
    if (repayment) {
      candidates.push({
        category: 'STUDENT_LOAN_DEFAULT',
        weight: 0.35,
        actDate: rng.dateBetween(repayment.from, repayment.to),
        facts: (actDate) => ({
          institution: enrolment.institution,
          description: `生源地信用助学贷款逾期未还本息${rng.int(2, 6)}期, 累计拖欠${rng.int(3, 40) * 1000}元, 经多次催收仍未偿还`,
          authority: '绵阳市学生资助管理中心',
          decisionNumber: `绵学助〔${actDate.slice(0, 4)}〕${rng.int(1, 300)}号`,
          legalBasis: `国家助学贷款政策 (财政部、教育部、中国人民银行); ${JOINT_PUNISHMENT_BASIS}`,
        }),
      });
    }
  }
  if (candidates.length === 0) return [];

  const chosen = pickWeighted(rng, candidates);
  const decisionDate = rng.dateBetween(addMonths(chosen.actDate, 1), addMonths(chosen.actDate, 3));
  return [
    {
      _id: opaqueId('EDU-SI', person.id, chosen.category, chosen.actDate),
      personId: person.id,
      category: chosen.category,
      grade: categoryPolicy(chosen.category).grade,
      actDate: chosen.actDate,
      decisionDate,
      ...chosen.facts(chosen.actDate),
      collectedAt: new Date(`${decisionDate}T08:00:00Z`),
    },
  ];
}

const RESEARCH_EMPLOYERS: { name: string; abbr: string }[] = [
  { name: '中国工程物理研究院', abbr: '中物院' },
  { name: '中国空气动力研究与发展中心', abbr: '气动中心' },
  { name: '西南科技大学', abbr: '西科大' },
  { name: '绵阳师范学院', abbr: '绵师院' },
  { name: '绵阳市中心医院', abbr: '绵中医' },
  { name: '四川长虹电器股份有限公司', abbr: '长虹' },
  { name: '四川九洲电器集团有限责任公司', abbr: '九洲' },
];
const RESEARCH_TOPICS = [
  '高能炸药冲击起爆过程的多尺度数值模拟',
  '激光惯性约束聚变靶丸制备工艺',
  '高超声速飞行器气动热环境预测方法',
  '基于深度学习的遥感图像小目标检测',
  '锂离子电池硅碳负极材料界面调控',
  '川西北地区滑坡灾害易发性评价',
  '中药材重金属残留快速检测方法',
  '放射性废物固化体长期稳定性',
];
const JOURNALS = [
  '《西南科技大学学报》',
  '《强激光与粒子束》',
  '《空气动力学学报》',
  '《计算机应用》',
  '《材料导报》',
  'Journal of Applied Physics',
  'Scientific Reports',
  'Journal of Alloys and Compounds',
];

interface MisconductKind {
  type: ResearchMisconductType;
  concerns: 'publication' | 'project';
  act: string;
  penalty: string;
}

const MISCONDUCT_KINDS: MisconductKind[] = [
  { type: 'PLAGIARISM', concerns: 'publication', act: '发表的论文大段抄袭他人已发表成果', penalty: '撤回论文, 取消3年内科技计划项目申报资格' },
  { type: 'FABRICATION', concerns: 'project', act: '在项目结题报告中编造实验数据', penalty: '撤销项目, 追回已拨经费, 5年内不得申请国家自然科学基金项目' },
  { type: 'FALSIFICATION', concerns: 'publication', act: '篡改论文中的实验图片及测试数据', penalty: '撤回论文, 通报批评, 取消2年内科技计划项目申报资格' },
  { type: 'GHOSTWRITING', concerns: 'publication', act: '通过第三方中介购买论文并投稿发表', penalty: '撤回论文, 取消5年内科技计划项目申报资格' },
  { type: 'FAKE_PEER_REVIEW', concerns: 'publication', act: '投稿时提供虚假的同行评议专家及评审意见', penalty: '撤回论文, 取消3年内科技计划项目申报资格' },
  { type: 'IMPROPER_AUTHORSHIP', concerns: 'publication', act: '在未实际参与研究的论文中署名', penalty: '通报批评, 取消1年内科技计划项目申报资格' },
  { type: 'FALSE_APPLICATION', concerns: 'project', act: '在项目申请书中虚报研究基础和已发表成果', penalty: '撤销项目立项, 取消3年内项目申报资格' },
];

/** Research-misconduct findings of degree holders, dated after their first degree. */
export function researchMisconductFor(person: SyntheticPerson, history: readonly EducationRecordDoc[], seed: number): ResearchMisconductDoc[] {
  const rng = Rng.forKey(seed, 'education', 'research-misconduct', person.index);
  const firstDegree = history.find(hasDegree);
  if (!firstDegree || !rng.chance(RESEARCH_MISCONDUCT_SHARE_OF_GRADUATES)) return [];
  const active = window(
    later(firstDegree.degree.awardedOn, RESEARCH_INTEGRITY_FROM),
    earlier(addMonths(POPULATION_REFERENCE_DATE, -1), addMonths(person.birthDate, 12 * 65)),
  );
  if (!active) return [];
  const kind = rng.pick(MISCONDUCT_KINDS);
  const employer = rng.pick(RESEARCH_EMPLOYERS);
  const decisionDate = rng.dateBetween(active.from, active.to);
  const topic = rng.pick(RESEARCH_TOPICS);
  const byFoundation = kind.concerns === 'project' && rng.chance(0.6);
  const projectYear = Number(decisionDate.slice(0, 4)) - rng.int(1, 4);
  const authority = kind.concerns === 'publication' ? employer.name : byFoundation ? '国家自然科学基金委员会' : '四川省科学技术厅';
  const decisionNumber =
    kind.concerns === 'publication'
      ? `${employer.abbr}科诚〔${decisionDate.slice(0, 4)}〕${rng.int(1, 40)}号`
      : byFoundation
        ? `国科金监处〔${decisionDate.slice(0, 4)}〕${rng.int(1, 120)}号`
        : `川科监〔${decisionDate.slice(0, 4)}〕${rng.int(1, 60)}号`;
  const publicationTitle = kind.concerns === 'publication' ? `${topic}研究${rng.pick(['', '进展', '及其应用', '的实验验证'])}` : null;
  return [
    {
      _id: opaqueId('EDU-RM', person.id, decisionDate),
      personId: person.id,
      category: 'RESEARCH_MISCONDUCT',
      grade: categoryPolicy('RESEARCH_MISCONDUCT').grade,
      decisionDate,
      decisionNumber,
      authority,
      misconductType: kind.type,
      institution: employer.name,
      projectName:
        kind.concerns === 'project'
          ? `${byFoundation ? rng.pick(['国家自然科学基金面上项目', '国家自然科学基金青年科学基金项目']) : '四川省自然科学基金项目'}: ${topic}研究`
          : null,
      projectNumber:
        kind.concerns === 'project'
          ? byFoundation
            ? `${rng.pick(['11', '12', '51', '52', '61', '62', '81', '82'])}${projectYear % 10}${String(rng.int(0, 99_999)).padStart(5, '0')}`
            : `${projectYear}NSFSC${String(rng.int(1, 9999)).padStart(4, '0')}`
          : null,
      publicationTitle,
      journal: publicationTitle ? rng.pick(JOURNALS) : null,
      description: kind.act,
      penalty: kind.penalty,
      legalBasis: '《科研失信行为调查处理规则》; 《关于进一步加强科研诚信建设的若干意见》',
      collectedAt: new Date(`${decisionDate}T08:00:00Z`),
    },
  ];
}

export const seed: SubgraphSeeder<Models> = async (models, people, seedValue) => {
  const histories = people.map((p) => educationHistoryFor(p, seedValue));
  return {
    education_records: await insertNewDocuments(models.EducationRecord, histories.flat()),
    // insertNewDocuments validates every document, so the minors rule of the
    // model holds for seeded files as for any other writer.
    student_integrity_records: await insertNewDocuments(
      models.StudentIntegrityRecord,
      people.flatMap((p, i) => studentIntegrityRecordsFor(p, histories[i]!, seedValue)),
    ),
    research_misconduct: await insertNewDocuments(
      models.ResearchMisconduct,
      people.flatMap((p, i) => researchMisconductFor(p, histories[i]!, seedValue)),
    ),
  };
};
