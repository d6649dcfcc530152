// GET|POST /v1/partners, GET|PATCH /v1/partners/{id}, POST /v1/partners/{id}/agreements, PATCH /v1/agreements/{id},
// GET|POST /v1/partners/{id}/keys, POST /v1/keys/{id}/revoke
//
// Partners and their agreement trees (docs/architecture.md, "Partners and internships"): every signed-in user reads
// them, only admins change them, at the `version` they read (409 when stale). Publishable keys: admins only; the key
// itself is in the answer to its creation and nowhere else (server/keys.ts).
import type { Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import {
  createAgreement, createPartner, createPartnerKey, getPartner, listPartnerKeys, listPartners, revokeKey, updateAgreement,
  updatePartner, type AgreementKind, type Partner, type PublishableKeyCreated,
} from '../../src/contract/index.js';
import { bind } from '../bind.js';
import type { DB } from '../db/database.js';
import { loadAgreement, loadPartner, loadPartners, partnerStatusIs, statusDay } from '../db/partners.js';
import { nowOf, type AppDeps, type AppEnv } from '../deps.js';
import { newId } from '../ids.js';
import { forgetKeyOrigins, generateKey, hashKey, originRuleErrors, toPublishableKey } from '../keys.js';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor } from '../pagination.js';
import { ApiProblem, fieldProblem } from '../problem.js';
import { witToday } from '../time.js';

/** `q` as a LIKE pattern matching anywhere, `%`, `_` and `\` literal; compared with `lower()` on both sides (PostgreSQL's LIKE is case-sensitive). */
const containsPattern = (q: string) => `%${q.toLowerCase().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const stale = (what: 'partner' | 'agreement', sent: number, current: number) =>
  new ApiProblem(
    'conflict',
    `The ${what} was changed since you read it: you sent version ${sent}, the current version is ${current}. Reload it and apply your change again.`,
  );

/** The kind an agreement's parent must have: an MoU has none, a PKS implements an MoU, an arrangement a PKS. */
const PARENT_KIND: Record<AgreementKind, AgreementKind | null> = { mou: null, pks: 'mou', implementation: 'pks' };
const KIND_NAME: Record<AgreementKind, string> = { mou: 'an MoU', pks: 'a PKS', implementation: 'an implementation arrangement' };

/** The tree rule for one agreement of `partnerId`: 400 naming `parentId` when its parent does not fit its kind. */
async function checkParent(db: Kysely<DB>, partnerId: string, kind: AgreementKind, parentId: string | null): Promise<void> {
  const wanted = PARENT_KIND[kind];
  if (wanted === null) {
    if (parentId !== null) throw fieldProblem('parentId', 'agreement.parent_not_allowed', 'An MoU has no parent agreement: parentId must be null');
    return;
  }
  if (parentId === null) throw fieldProblem('parentId', 'agreement.parent_required', `${KIND_NAME[kind]} needs a parentId: ${KIND_NAME[wanted]} of the same partner`);
  const parent = await db.selectFrom('agreements').select(['partner_id', 'kind']).where('id', '=', parentId).executeTakeFirst();
  // Another partner's agreement gets the same answer as an unknown one.
  if (!parent || parent.partner_id !== partnerId) throw fieldProblem('parentId', 'agreement.parent_unknown', `parentId must be ${KIND_NAME[wanted]} of the same partner`);
  if (parent.kind !== wanted) throw fieldProblem('parentId', 'agreement.parent_kind', `The parent of ${KIND_NAME[kind]} must be ${KIND_NAME[wanted]}, not ${KIND_NAME[parent.kind]}`);
}

export function registerPartners(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;
  const today = () => witToday(nowOf(deps));

  bind(app, deps, listPartners, async ({ query }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const day = statusDay(today());
    let q = db.selectFrom('partners as p').select(['p.id', 'p.name']);
    if (query.kind) q = q.where('p.kind', '=', query.kind);
    if (query.status) q = q.where((eb) => partnerStatusIs(eb.ref('p.id'), query.status!, day));
    if (query.q) {
      const pattern = containsPattern(query.q);
      q = q.where((eb) =>
        eb.or([
          sql<boolean>`lower(${eb.ref('p.name')}) like ${pattern} escape '\\'`,
          sql<boolean>`lower(${eb.ref('p.city')}) like ${pattern} escape '\\'`,
          eb.exists(
            eb
              .selectFrom('agreements as a')
              .select('a.id')
              .whereRef('a.partner_id', '=', 'p.id')
              .where(sql<boolean>`(lower(a.number) like ${pattern} escape '\\' or lower(a.title) like ${pattern} escape '\\')`),
          ),
        ]),
      );
    }
    // By name, the id breaking ties: an ascending keyset on the shared cursor codec.
    if (query.cursor) {
      const [name, id] = decodeCursor(query.cursor, 2).map(String);
      q = q.where((eb) => eb.or([eb('p.name', '>', name), eb.and([eb('p.name', '=', name), eb('p.id', '>', id)])]));
    }
    const rows = await q.orderBy('p.name').orderBy('p.id').limit(limit + 1).execute();
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    const loaded = await loadPartners(db, pageRows.map((r) => r.id), day.today);
    return {
      body: {
        data: pageRows.map((r) => loaded.get(r.id)).filter((p): p is Partner => p !== undefined),
        nextCursor: rows.length > limit && last ? encodeCursor([last.name, last.id]) : null,
      },
    };
  });

  bind(app, deps, getPartner, async ({ params }) => {
    const partner = await loadPartner(db, params.id, today());
    if (!partner) throw new ApiProblem('notFound', `No partner ${params.id}`);
    return { body: partner };
  });

  bind(app, deps, createPartner, async ({ body }) => {
    const id = newId('ptn');
    await db.insertInto('partners').values({ id, name: body.name, kind: body.kind, city: body.city, website: body.website, version: 1 }).execute();
    return { status: 201, body: (await loadPartner(db, id, today()))! };
  });

  bind(app, deps, updatePartner, async ({ params, body }) => {
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('partners').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!before) throw new ApiProblem('notFound', `No partner ${params.id}`);
      if (body.version !== before.version) throw stale('partner', body.version, before.version);
      // Compare-and-set on the version: a concurrent PATCH between the read above and this write changes nothing.
      const result = await trx
        .updateTable('partners')
        .set((eb) => ({
          name: body.name ?? before.name,
          kind: body.kind ?? before.kind,
          city: body.city ?? before.city,
          website: body.website === undefined ? before.website : body.website,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', before.id)
        .where('version', '=', body.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx.selectFrom('partners').select('version').where('id', '=', before.id).executeTakeFirstOrThrow();
        throw stale('partner', body.version, current.version);
      }
    });
    return { body: (await loadPartner(db, params.id, today()))! };
  });

  bind(app, deps, createAgreement, async ({ params, body }) => {
    const id = newId('agr');
    await db.transaction().execute(async (trx) => {
      const partner = await trx.selectFrom('partners').select('id').where('id', '=', params.id).executeTakeFirst();
      if (!partner) throw new ApiProblem('notFound', `No partner ${params.id}`);
      await checkParent(trx, partner.id, body.kind, body.parentId);
      await trx
        .insertInto('agreements')
        .values({
          id,
          partner_id: partner.id,
          kind: body.kind,
          parent_id: body.parentId,
          number: body.number,
          title: body.title,
          scope: JSON.stringify(body.scope),
          signatories: JSON.stringify(body.signatories),
          starts_on: body.startsOn,
          ends_on: body.endsOn,
          version: 1,
        })
        .execute();
    });
    return { status: 201, body: (await loadAgreement(db, id, today()))! };
  });

  bind(app, deps, updateAgreement, async ({ params, body }) => {
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('agreements').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!before) throw new ApiProblem('notFound', `No agreement ${params.id}`);
      if (body.version !== before.version) throw stale('agreement', body.version, before.version);
      const kind = body.kind ?? before.kind;
      const parentId = body.parentId === undefined ? before.parent_id : body.parentId;
      const startsOn = body.startsOn ?? before.starts_on;
      const endsOn = body.endsOn ?? before.ends_on;
      // The contract checks the order when both dates are sent; the merged result must hold it too.
      if (endsOn < startsOn) throw fieldProblem(body.endsOn !== undefined ? 'endsOn' : 'startsOn', 'dates.order', 'endsOn must not be before startsOn');
      if (kind !== before.kind || parentId !== before.parent_id) {
        await checkParent(trx, before.partner_id, kind, parentId);
        // The agreements under this one must still fit: a PKS stays under an MoU, an arrangement under a PKS.
        if (kind !== before.kind) {
          const child = await trx.selectFrom('agreements').select('kind').where('parent_id', '=', before.id).limit(1).executeTakeFirst();
          if (child) {
            throw fieldProblem('kind', 'agreement.kind_has_children', `Agreements are filed under this one: it stays ${KIND_NAME[before.kind]} while they do`);
          }
        }
      }
      const result = await trx
        .updateTable('agreements')
        .set((eb) => ({
          kind,
          parent_id: parentId,
          number: body.number ?? before.number,
          title: body.title ?? before.title,
          scope: body.scope ? JSON.stringify(body.scope) : before.scope,
          signatories: body.signatories ? JSON.stringify(body.signatories) : before.signatories,
          starts_on: startsOn,
          ends_on: endsOn,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', before.id)
        .where('version', '=', body.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx.selectFrom('agreements').select('version').where('id', '=', before.id).executeTakeFirstOrThrow();
        throw stale('agreement', body.version, current.version);
      }
    });
    return { body: (await loadAgreement(db, params.id, today()))! };
  });

  // ── Publishable keys ─────────────────────────────────────────────────────────────────────────────────────────

  const assertPartner = async (id: string) => {
    const partner = await db.selectFrom('partners').select('id').where('id', '=', id).executeTakeFirst();
    if (!partner) throw new ApiProblem('notFound', `No partner ${id}`);
    return partner.id;
  };

  bind(app, deps, listPartnerKeys, async ({ params }) => {
    const partnerId = await assertPartner(params.id);
    const rows = await db.selectFrom('publishable_keys').selectAll().where('partner_id', '=', partnerId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    return { body: { data: rows.map(toPublishableKey) } };
  });

  bind(app, deps, createPartnerKey, async ({ params, body }) => {
    const partnerId = await assertPartner(params.id);
    const allowedOrigins = [...new Set(body.allowedOrigins.map((o) => o.toLowerCase()))];
    const errors = originRuleErrors(body.mode, body.allowedOrigins);
    if (errors.length > 0) throw new ApiProblem('validation', errors[0].message, { errors });
    const key = generateKey(body.mode);
    const row = {
      id: newId('key'),
      partner_id: partnerId,
      mode: body.mode,
      label: body.label,
      key_hash: hashKey(key),
      hint: key.slice(-4),
      allowed_origins: JSON.stringify(allowedOrigins),
      created_at: nowOf(deps).toISOString(),
      revoked_at: null,
    };
    await db.insertInto('publishable_keys').values(row).execute();
    forgetKeyOrigins(db);
    const created: PublishableKeyCreated = { ...toPublishableKey(row), key };
    return { status: 201, body: created };
  });

  bind(app, deps, revokeKey, async ({ params }) => {
    // Revoking twice keeps the first time: the key stopped working then.
    await db.updateTable('publishable_keys').set({ revoked_at: nowOf(deps).toISOString() }).where('id', '=', params.id).where('revoked_at', 'is', null).execute();
    const row = await db.selectFrom('publishable_keys').selectAll().where('id', '=', params.id).executeTakeFirst();
    if (!row) throw new ApiProblem('notFound', `No publishable key ${params.id}`);
    forgetKeyOrigins(db);
    return { body: toPublishableKey(row) };
  });
}
