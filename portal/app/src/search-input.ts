/** How the public searches the published lists (the API's `PublicListQuery`). */
export type SearchMode = 'name' | 'citizenId' | 'idEnds';

export interface SearchForm {
  mode: SearchMode;
  name: string;
  citizenId: string;
  idFirst6: string;
  idLast4: string;
}

export type PublicListQuery = { name: string } | { citizenId: string } | { idFirst6: string; idLast4: string };

/** Why a form cannot be sent yet, as a message key, or the query to send. */
export type SearchFormResult = { query: PublicListQuery } | { problem: 'nameRequired' | 'citizenIdFormat' | 'idEndsFormat' };

/** Whether a text has the shape of a citizen ID (17 digits and a digit or X); the API checks the check digit. */
export function isCitizenIdShape(id: string): boolean {
  return /^\d{17}[\dX]$/.test(id);
}

/**
 * The query of a filled search form, checked as far as the browser can:
 * a name of at least two characters, an ID of 17 digits and a digit or X,
 * 6 digits and 4 characters. The API decides the rest (the ID's check digit).
 */
export function searchQueryOf(form: SearchForm): SearchFormResult {
  switch (form.mode) {
    case 'name': {
      const name = form.name.trim();
      return [...name].length >= 2 ? { query: { name } } : { problem: 'nameRequired' };
    }
    case 'citizenId': {
      const citizenId = form.citizenId.trim().toUpperCase();
      return isCitizenIdShape(citizenId) ? { query: { citizenId } } : { problem: 'citizenIdFormat' };
    }
    case 'idEnds': {
      const idFirst6 = form.idFirst6.trim();
      const idLast4 = form.idLast4.trim().toUpperCase();
      return /^\d{6}$/.test(idFirst6) && /^\d{3}[\dX]$/.test(idLast4) ? { query: { idFirst6, idLast4 } } : { problem: 'idEndsFormat' };
    }
  }
}
