import { publicListFields } from '@credit/shared';
import { Kind, type DocumentNode, type SelectionSetNode } from 'graphql';

import { CourtsPublicListsDocument } from '../generated/courts-operations';
import { PlatformPublicListsDocument } from '../generated/platform-operations';
import { PublicSecurityPublicListsDocument } from '../generated/public-security-operations';

// The Person fields a document selects (under `... on Person`), the key aside.
function personFields(document: DocumentNode): string[] {
  const fields: string[] = [];
  const walk = (set: SelectionSetNode | undefined, onPerson: boolean) => {
    for (const s of set?.selections ?? []) {
      if (s.kind === Kind.INLINE_FRAGMENT) walk(s.selectionSet, s.typeCondition?.name.value === 'Person');
      else if (s.kind === Kind.FIELD) {
        if (onPerson && s.name.value !== 'id') fields.push(s.name.value);
        else if (!onPerson) walk(s.selectionSet, false);
      }
    }
  };
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) walk(d.selectionSet, false);
  return fields;
}

describe('the public-list check', () => {
  it('asks exactly the fields the policy names as public lists', () => {
    const asked = [CourtsPublicListsDocument, PublicSecurityPublicListsDocument, PlatformPublicListsDocument].flatMap((d) => personFields(d as DocumentNode));
    expect(asked.sort()).toEqual([...publicListFields()].sort());
  });
});
