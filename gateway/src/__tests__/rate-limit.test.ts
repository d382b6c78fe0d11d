import { Kind, parse, type OperationDefinitionNode } from 'graphql';

import { callsIn, searchesIn } from '../rate-limit';

// Every public search of an operation takes a point of the caller's budget,
// however the operation spells it.
function count(source: string): number {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return searchesIn(operation, document);
}

describe('the searches an operation makes', () => {
  it('counts each root search, aliases included', () => {
    expect(count('{ a: publicListSearch(query: { name: "x" }) { hits { name } } b: publicListSearch(query: { name: "y" }) { hits { name } } }')).toBe(2);
  });

  it('counts searches inside inline fragments and fragment spreads on the root', () => {
    expect(
      count(`
        query { ... on Query { publicListSearch(query: { name: "x" }) { hits { name } } } ...Two }
        fragment Two on Query { a: publicListSearch(query: { name: "y" }) { hits { name } } b: publicListSearch(query: { name: "z" }) { hits { name } } }
      `),
    ).toBe(3);
  });

  it('counts each verification of a credit report with the searches, so codes cannot be found by trying', () => {
    expect(
      count(
        '{ publicListSearch(query: { name: "x" }) { hits { name } } a: verifyCreditReport(number: "n", verificationCode: "c", sha256: "h") { verdict } b: verifyCreditReport(number: "n", verificationCode: "d", sha256: "h") { verdict } }',
      ),
    ).toBe(3);
  });

  it('counts each lookup of a report by its receipt with the searches', () => {
    expect(count('{ a: dishonestyReportStatus(receipt: "JB-1") { state } b: dishonestyReportStatus(receipt: "JB-2") { state } }')).toBe(2);
  });

  it('counts nothing for other queries and mutations', () => {
    expect(count('{ publishedPenalties { totalCount } }')).toBe(0);
    expect(count('mutation { recordsChanged(personIds: []) }')).toBe(0);
  });
});

describe('the reports of dishonest behaviour an operation files', () => {
  it('counts each report of a mutation, aliases included, and nothing of a query', () => {
    const reports = new Set(['reportDishonesty']);
    const files = (source: string) => {
      const document = parse(source);
      const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      return callsIn(operation, document, 'mutation', reports);
    };
    expect(files('mutation { a: reportDishonesty(report: $r) { receipt } b: reportDishonesty(report: $r) { receipt } }')).toBe(2);
    expect(files('{ dishonestyReportStatus(receipt: "JB-1") { state } }')).toBe(0);
  });
});
