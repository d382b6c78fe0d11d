import { withDatabase } from '../devdb';

describe('the embedded database reaching PostgreSQL', () => {
  it('names the database in the server URL and keeps its parameters', () => {
    expect(withDatabase('postgres://root@127.0.0.1:5432/', 'credit_dev')).toBe('postgres://root@127.0.0.1:5432/credit_dev');
    expect(withDatabase('postgres://root@127.0.0.1:5432', 'credit_dev')).toBe('postgres://root@127.0.0.1:5432/credit_dev');
    expect(withDatabase('postgres://root@db.example:6432/other?sslmode=require', 'credit_test')).toBe(
      'postgres://root@db.example:6432/credit_test?sslmode=require',
    );
    expect(withDatabase('postgres://root@localhost/?host=/var/run/postgresql', 'credit_dev')).toBe(
      'postgres://root@localhost/credit_dev?host=/var/run/postgresql',
    );
  });
});
