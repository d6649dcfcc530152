// Partners in the contract's shape: rows of partners + agreements (+ what was delivered under each) → `Partner`
// (docs/architecture.md, "Partners and internships"). Statuses are computed from the dates on the WIT calendar day,
// never stored.
import { sql, type Expression, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { Agreement, AgreementStatus, Partner } from '../../src/contract/index.js';
import type { AgreementTable, DB, Database, PartnerTable } from './database.js';

/** An agreement is `expiring` from this many days before its `endsOn`. */
export const EXPIRING_DAYS = 90;
/** Ids per `in (…)` list, well under any database's parameter limit. */
const CHUNK = 500;

/** `YYYY-MM-DD` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** The WIT day `today` and the last `endsOn` that counts as expiring: what every status below is computed from. */
export interface StatusDay {
  today: string;
  expiringBy: string;
}
export const statusDay = (today: string): StatusDay => ({ today, expiringBy: addDays(today, EXPIRING_DAYS) });

/** Upcoming before `startsOn`, expired after `endsOn`, expiring when `endsOn` is at most 90 days away, else active. */
export function agreementStatus(a: { starts_on: string; ends_on: string }, day: StatusDay): AgreementStatus {
  if (day.today < a.starts_on) return 'upcoming';
  if (day.today > a.ends_on) return 'expired';
  if (a.ends_on <= day.expiringBy) return 'expiring';
  return 'active';
}

/**
 * The best first: a partner's status is its best agreement's. A partner whose only agreements are still to start is
 * `upcoming` (that is its best); one with no agreement, or only expired ones, is `expired`.
 */
const RANK: Record<AgreementStatus, number> = { active: 4, expiring: 3, upcoming: 2, expired: 1 };

export function partnerStatus(statuses: readonly AgreementStatus[]): AgreementStatus {
  return statuses.reduce<AgreementStatus>((best, s) => (RANK[s] > RANK[best] ? s : best), 'expired');
}

/**
 * The same rule in SQL, for the `status` filter (so it pages with the keyset): the rank of the partner's best
 * agreement, 1 (`expired`) when it has none. Dates are `YYYY-MM-DD` text, so text order is date order on every
 * database; the day arithmetic is done here, not in SQL.
 */
export function partnerStatusIs(partnerId: Expression<string>, status: AgreementStatus, day: StatusDay): Expression<SqlBool> {
  return sql<SqlBool>`coalesce((select max(case
      when a.starts_on > ${day.today} then 2
      when a.ends_on < ${day.today} then 1
      when a.ends_on <= ${day.expiringBy} then 3
      else 4 end) from agreements a where a.partner_id = ${partnerId}), 1) = ${RANK[status]}`;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

type AgreementRow = Selectable<AgreementTable>;

/**
 * Flat, parents before children: each MoU (by `startsOn`, then id) followed by its PKS, each PKS followed by its
 * implementation arrangements, siblings by `startsOn`. An agreement whose parent is missing is treated as a root.
 */
export function treeOrder<T extends Pick<AgreementRow, 'id' | 'parent_id' | 'starts_on'>>(rows: readonly T[]): T[] {
  const ids = new Set(rows.map((r) => r.id));
  const children = new Map<string | null, T[]>();
  for (const r of rows) {
    const parent = r.parent_id !== null && ids.has(r.parent_id) ? r.parent_id : null;
    const list = children.get(parent) ?? [];
    list.push(r);
    children.set(parent, list);
  }
  for (const list of children.values()) list.sort((a, b) => (a.starts_on === b.starts_on ? (a.id < b.id ? -1 : 1) : a.starts_on < b.starts_on ? -1 : 1));
  const out: T[] = [];
  const visit = (parent: string | null) => {
    for (const r of children.get(parent) ?? []) {
      out.push(r);
      visit(r.id);
    }
  };
  visit(null);
  return out;
}

export const toAgreement = (row: AgreementRow, delivered: Agreement['delivered'], day: StatusDay): Agreement => ({
  id: row.id as Agreement['id'],
  kind: row.kind,
  parentId: row.parent_id as Agreement['parentId'],
  number: row.number,
  title: row.title,
  scope: JSON.parse(row.scope) as string[],
  signatories: JSON.parse(row.signatories) as Agreement['signatories'],
  startsOn: row.starts_on,
  endsOn: row.ends_on,
  status: agreementStatus(row, day),
  delivered,
  version: row.version,
});

/**
 * What was delivered under each agreement of `agreementIds`: programs that ran or are announced (not drafts, not
 * cancelled ones: nothing was delivered, and a draft is not for every reader) and openings that are not drafts.
 */
async function deliveredUnder(db: Kysely<DB>, agreementIds: readonly string[]): Promise<Map<string, Agreement['delivered']>> {
  const out = new Map<string, Agreement['delivered']>(agreementIds.map((id) => [id, { programs: [], openings: [] }]));
  for (const part of chunks(agreementIds)) {
    const programs = await db
      .selectFrom('programs')
      .select(['id', 'title', 'agreement_id'])
      .where('agreement_id', 'in', part)
      .where('status', 'not in', ['draft', 'cancelled'])
      .orderBy('starts_at')
      .orderBy('id')
      .execute();
    for (const p of programs) out.get(p.agreement_id!)?.programs.push({ id: p.id as `prg_${string}`, title: p.title });
    const openings = await db
      .selectFrom('internship_openings')
      .select(['id', 'title', 'agreement_id'])
      .where('agreement_id', 'in', part)
      .where('status', '!=', 'draft')
      .orderBy('starts_on')
      .orderBy('id')
      .execute();
    for (const o of openings) out.get(o.agreement_id!)?.openings.push({ id: o.id as `int_${string}`, title: o.title });
  }
  return out;
}

/** The partners of `ids` (unknown ids left out), by id, each with its agreements in tree order. */
export async function loadPartners(db: Kysely<DB> | Database, ids: readonly string[], today: string): Promise<Map<string, Partner>> {
  const unique = [...new Set(ids)];
  const out = new Map<string, Partner>();
  if (unique.length === 0) return out;
  const day = statusDay(today);
  const partners: Selectable<PartnerTable>[] = [];
  const agreements: AgreementRow[] = [];
  for (const part of chunks(unique)) {
    partners.push(...(await db.selectFrom('partners').selectAll().where('id', 'in', part).execute()));
    agreements.push(...(await db.selectFrom('agreements').selectAll().where('partner_id', 'in', part).execute()));
  }
  const delivered = await deliveredUnder(db, agreements.map((a) => a.id));
  const byPartner = new Map<string, AgreementRow[]>();
  for (const a of agreements) {
    const list = byPartner.get(a.partner_id) ?? [];
    list.push(a);
    byPartner.set(a.partner_id, list);
  }
  for (const p of partners) {
    const own = treeOrder(byPartner.get(p.id) ?? []).map((a) => toAgreement(a, delivered.get(a.id)!, day));
    out.set(p.id, {
      id: p.id as Partner['id'],
      name: p.name,
      kind: p.kind,
      city: p.city,
      website: p.website as Partner['website'],
      status: partnerStatus(own.map((a) => a.status)),
      agreements: own,
      version: p.version,
    });
  }
  return out;
}

/** One partner (see `loadPartners`), or undefined. */
export async function loadPartner(db: Kysely<DB> | Database, id: string, today: string): Promise<Partner | undefined> {
  return (await loadPartners(db, [id], today)).get(id);
}

/** One agreement in the contract's shape, or undefined. */
export async function loadAgreement(db: Kysely<DB> | Database, id: string, today: string): Promise<Agreement | undefined> {
  const row = await db.selectFrom('agreements').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const delivered = await deliveredUnder(db, [row.id]);
  return toAgreement(row, delivered.get(row.id)!, statusDay(today));
}
