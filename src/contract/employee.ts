import { z } from 'zod/mini';
import { EmployeeId, EmploymentType, Grade, Nip, Role, UnitId, text } from './primitives.js';


/** An organisational unit (OPD). */
export const Unit = z.object({ id: UnitId, name: text(2, 160) });

export const Employee = z.object({
  id: EmployeeId,
  nip: Nip,
  name: text(2, 120),
  employmentType: EmploymentType,
  position: text(2, 160),
  grade: Grade,
  unit: Unit,
  supervisorId: z.nullable(EmployeeId),
});

/** `GET /v1/me`: the signed-in employee and what they may do. */
export const Me = z.extend(Employee, { role: Role });

export type Unit = z.infer<typeof Unit>;
export type Employee = z.infer<typeof Employee>;
export type Me = z.infer<typeof Me>;
