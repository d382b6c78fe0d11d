import { addMonths, addWorkingDays, displayWindow } from '../display-window';
import { loadPolicy } from '../policy';

const policy = loadPolicy();

describe('display windows from the credit policy', () => {
  it('shows a serious record for its default 3 years from the decision date, then stops', () => {
    const facts = { category: 'SERIOUS_TRAFFIC_VIOLATION', grade: 'SERIOUS' as const, decisionDate: '2024-03-01' };
    expect(displayWindow(facts, '2027-02-28', policy)).toMatchObject({ from: '2024-03-01', until: '2027-03-01', shown: true, endedBy: null });
    expect(displayWindow(facts, '2027-03-01', policy)).toMatchObject({ shown: false, endedBy: 'EXPIRED' });
  });

  it('clamps an authority-set end to the grade bounds', () => {
    const tooShort = displayWindow(
      { category: 'PUBLIC_ORDER_VIOLATION', grade: 'GENERAL', decisionDate: '2026-01-10', displayUntil: '2026-02-01' },
      '2026-03-01',
      policy,
    );
    expect(tooShort.until).toBe('2026-04-10');
    const tooLong = displayWindow(
      { category: 'TRAFFIC_VIOLATION', grade: 'MINOR', decisionDate: '2026-01-10', displayUntil: '2027-01-10' },
      '2026-03-01',
      policy,
    );
    expect(tooLong.until).toBe('2026-04-10');
  });

  it('lists a dishonest judgment debtor for 2 years by default and up to 5 with extensions', () => {
    const facts = { category: 'DISHONEST_JUDGMENT_DEBTOR', grade: 'SERIOUS' as const, decisionDate: '2025-06-01' };
    expect(displayWindow(facts, '2026-01-01', policy).until).toBe('2027-06-01');
    expect(displayWindow({ ...facts, displayUntil: '2031-06-01' }, '2026-01-01', policy).until).toBe('2030-06-01');
  });

  it('keeps financial negative records 5 years after the act ends (PBoC art. 16)', () => {
    const w = displayWindow({ category: 'LOAN_OVERDUE', grade: 'GENERAL', decisionDate: '2020-05-01', actEndedOn: '2021-02-15' }, '2026-02-14', policy);
    expect(w).toMatchObject({ until: '2026-02-15', shown: true });
  });

  it('ends display early when a record is removed or repaired, and says which', () => {
    const base = { category: 'TAX_DISHONESTY', grade: 'SERIOUS' as const, decisionDate: '2025-01-01' };
    expect(displayWindow({ ...base, removedOn: '2025-06-01' }, '2025-07-01', policy).endedBy).toBe('REMOVED');
    expect(displayWindow({ ...base, repairedOn: '2025-06-01' }, '2025-07-01', policy).endedBy).toBe('REPAIRED');
    expect(displayWindow({ ...base, repairedOn: '2025-06-01' }, '2025-05-01', policy).shown).toBe(true);
  });

  it('adds months clamping to the end of shorter months', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2023-12-31', 2)).toBe('2024-02-29');
  });

  it('adds months as the calendar does, over every day of a century and backwards too', () => {
    // The calendar's own answer, through Date: the month's day, clamped to the target month's last day.
    const byDate = (iso: string, months: number) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      const lastDay = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
      return new Date(Date.UTC(y, m - 1 + months, Math.min(d, lastDay))).toISOString().slice(0, 10);
    };
    const wrong: string[] = [];
    for (let t = Date.UTC(1940, 0, 1); t < Date.UTC(2041, 0, 1); t += 86_400_000) {
      const iso = new Date(t).toISOString().slice(0, 10);
      for (const months of [-121, -12, -1, 1, 11, 24, 60, 216]) if (addMonths(iso, months) !== byDate(iso, months)) wrong.push(`${iso} ${months}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('working days for deadlines', () => {
  it('skips weekends and the policy holidays', () => {
    // 2026-11-27 is a Friday: 5 working days later is the next Friday.
    expect(addWorkingDays('2026-11-27', 5, [])).toBe('2026-12-04');
    expect(addWorkingDays('2026-11-27', 5, ['2026-12-01'])).toBe('2026-12-07');
    expect(addWorkingDays('2026-11-28', 1, [])).toBe('2026-11-30');
  });
});
