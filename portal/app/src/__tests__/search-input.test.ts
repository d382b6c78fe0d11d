import { searchQueryOf, type SearchForm } from '../search-input';

const blank: SearchForm = { mode: 'name', name: '', citizenId: '', idFirst6: '', idLast4: '' };

describe('the public search form', () => {
  it('sends a name of two characters or more, trimmed', () => {
    expect(searchQueryOf({ ...blank, name: ' 王伟 ' })).toEqual({ query: { name: '王伟' } });
    expect(searchQueryOf({ ...blank, name: '王' })).toEqual({ problem: 'nameRequired' });
  });

  it('sends a full ID of 17 digits and a digit or X, in capitals', () => {
    expect(searchQueryOf({ ...blank, mode: 'citizenId', citizenId: '51070319900101123x' })).toEqual({ query: { citizenId: '51070319900101123X' } });
    expect(searchQueryOf({ ...blank, mode: 'citizenId', citizenId: '5107031990010112' })).toEqual({ problem: 'citizenIdFormat' });
  });

  it('sends the first 6 and last 4 characters together, never one without the other', () => {
    expect(searchQueryOf({ ...blank, mode: 'idEnds', idFirst6: '510703', idLast4: '123x' })).toEqual({ query: { idFirst6: '510703', idLast4: '123X' } });
    expect(searchQueryOf({ ...blank, mode: 'idEnds', idFirst6: '510703', idLast4: '' })).toEqual({ problem: 'idEndsFormat' });
    expect(searchQueryOf({ ...blank, mode: 'idEnds', idFirst6: '51070', idLast4: '1234' })).toEqual({ problem: 'idEndsFormat' });
  });

  it('sends only the fields of the chosen mode', () => {
    expect(searchQueryOf({ mode: 'name', name: '李芳', citizenId: '510703199001011234', idFirst6: '510703', idLast4: '1234' })).toEqual({
      query: { name: '李芳' },
    });
  });
});
