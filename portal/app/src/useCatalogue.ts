import { useEffect, useState } from 'react';

import { request } from './api';
import { graphql } from './generated/gql';
import type { CreditCatalogueQuery } from './generated/gql/graphql';

const CATALOGUE = graphql(`
  query CreditCatalogue {
    creditCatalogue {
      policyVersion
      categories {
        code
        labelZh
        labelEn
        bureau
        grade
        jointPunishment
        displayMonths {
          min
          default
          max
        }
      }
      measures {
        code
        labelZh
        labelEn
      }
      consentScopes {
        group
        labelZh
        labelEn
      }
      deadlines {
        objectionDecisionWorkingDays
        objectionDecisionMaxWorkingDays
        repairDecisionWorkingDays
      }
    }
  }
`);

export type Catalogue = CreditCatalogueQuery['creditCatalogue'];

let loaded: Promise<Catalogue> | null = null;

/** The policy's credit catalogue, read once from the API (null until it arrives). */
export function useCatalogue(): Catalogue | null {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  useEffect(() => {
    loaded ??= request(CATALOGUE, {}).then((data) => data.creditCatalogue);
    loaded.then(setCatalogue, () => {
      loaded = null;
    });
  }, []);
  return catalogue;
}

/** A measure's meaning in the portal's language (its code until the catalogue has arrived). */
export function measureLabel(catalogue: Catalogue | null, code: string, language: 'zh' | 'en'): string {
  const measure = catalogue?.measures.find((m) => m.code === code);
  return measure ? (language === 'zh' ? measure.labelZh : measure.labelEn) : code;
}
