// Reading employees in the contract's shape.
import type { Employee, Me, Role } from '../../src/contract/index.js';
import type { Database } from './database.js';

const columns = [
  'e.id', 'e.nip', 'e.name', 'e.employment_type', 'e.position', 'e.grade', 'e.supervisor_id', 'e.is_admin',
  'u.id as unit_id', 'u.name as unit_name',
] as const;

export function employeeQuery(db: Database) {
  return db
    .selectFrom('employees as e')
    .innerJoin('units as u', 'u.id', 'e.unit_id')
    .select(columns)
    .select((eb) =>
      eb.exists(eb.selectFrom('employees as r').select('r.id').whereRef('r.supervisor_id', '=', 'e.id')).as('has_reports'),
    );
}

type Row = Awaited<ReturnType<ReturnType<typeof employeeQuery>['executeTakeFirstOrThrow']>>;

export const roleOfRow = (row: Row): Role => (row.is_admin ? 'admin' : row.has_reports ? 'supervisor' : 'employee');

export const toEmployee = (row: Row): Employee => ({
  id: row.id as Employee['id'],
  nip: row.nip,
  name: row.name,
  employmentType: row.employment_type,
  position: row.position,
  grade: row.grade,
  unit: { id: row.unit_id as Employee['unit']['id'], name: row.unit_name },
  supervisorId: row.supervisor_id as Employee['supervisorId'],
});

export const toMe = (row: Row): Me => ({ ...toEmployee(row), role: roleOfRow(row) });

export async function findEmployee(db: Database, id: string) {
  return employeeQuery(db).where('e.id', '=', id).executeTakeFirst();
}

/**
 * A seeded employee for a role, deterministic (lowest id): `employee` an ASN with a supervisor and no
 * reports; `supervisor` someone with direct reports who has a supervisor too; `admin` a flagged admin.
 */
export async function pickEmployeeForRole(db: Database, role: Role) {
  let q = employeeQuery(db).orderBy('e.id');
  if (role === 'admin') return q.where('e.is_admin', '=', 1).executeTakeFirst();
  q = q.where('e.is_admin', '=', 0).where('e.supervisor_id', 'is not', null);
  q = q.where((eb) => {
    const reports = eb.exists(eb.selectFrom('employees as r').select('r.id').whereRef('r.supervisor_id', '=', 'e.id'));
    return role === 'supervisor' ? reports : eb.not(reports);
  });
  return q.executeTakeFirst();
}
