// GET|POST /v1/internships, GET|PATCH /v1/internships/{id}, GET /v1/privacy-notices/internship-application,
// POST /v1/challenges, POST /v1/internships/{id}/applications, GET|PATCH /v1/applications/private/{token},
// POST /v1/applications/private/{token}/withdraw, GET /v1/applications, GET /v1/applications/{id},
// POST /v1/applications/{id}/transition, and the private link's page GET /applications/private.
//
// The rules (who sees which opening, consent, the private link, erasure, the quota) are in docs/architecture.md,
// "Partners and internships". Names, motivations and reasons are plain text, stored as given; components render
// them as text. Times come from the server's clock (`nowOf(deps)`), which tests move.
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Context, Hono } from 'hono';
import { sql, type Kysely } from 'kysely';
import { z } from 'zod/mini';
import {
  ApplicationToken, createApplication, createChallenge, createInternship, getApplication, getInternship, getPrivacyNotice,
  getPrivateApplication, listApplications, listInternships, topicFor, transitionApplication, updateInternship,
  updatePrivateApplication, withdrawPrivateApplication,
  type ApplicationReceipt, type FieldError, type InternshipOpening, type ServerEvent,
} from '../../src/contract/index.js';
import type { Caller } from '../auth.js';
import { bind } from '../bind.js';
import { checkChallenge, issueChallenge, spendChallenge } from '../challenge.js';
import type { DB, InternshipApplicationTable, InternshipOpeningTable } from '../db/database.js';
import {
  applicationEvent, applicationQuery, containsPattern, erasedColumns, jsonListContains, loadOpening, loadOpenings, openingStatus,
  openingStatusSql, parseIds, publicOpening, toApplication, toPrivateView,
} from '../db/internships.js';
import { originOf } from '../db/programs.js';
import { nowOf, type AppDeps, type AppEnv } from '../deps.js';
import { newId } from '../ids.js';
import { DEFAULT_LIMIT, decodeCursor, encodeCursor } from '../pagination.js';
import { NOTICE_HASH, NOTICE_PURPOSES, NOTICE_VERSION, privacyNotice } from '../privacy-notice.js';
import { ApiProblem, fieldProblem, problemResponse } from '../problem.js';
import type { KeyCaller } from '../publishable.js';
import { witToday, witYear } from '../time.js';

type ApplicationStatus = InternshipApplicationTable['status'];

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const conflict = (detail: string, options: { errors?: FieldError[]; code?: string } = {}) => new ApiProblem('conflict', detail, options);

/** Who a challenge is issued to and spent by: a key, or a signed-in employee. */
const scopeOf = (caller: Caller | null, key: KeyCaller | null) => (key ? `key:${key.id}` : `user:${caller!.id}`);

/** A page cursor of `[text, id]`: `[applyBy, id]` of the openings (soonest first), `[createdAt, id]` of the queue (oldest first). */
function afterCursor(cursor: string): [string, string] {
  const [at, id] = decodeCursor(cursor, 2);
  if (typeof at !== 'string' || typeof id !== 'string') throw fieldProblem('cursor', 'cursor.invalid', 'The cursor is not one this server gave out');
  return [at, id];
}

// ── Openings ────────────────────────────────────────────────────────────────────────────────────────────────

interface OpeningShape {
  unitId: string;
  partnerIds: string[];
  startsOn: string;
  endsOn: string;
  applyBy: string;
}

/** Every rule at once, so a form can mark all its wrong fields in one round trip. */
async function checkOpening(db: Kysely<DB>, o: OpeningShape): Promise<void> {
  const errors: FieldError[] = [];
  const fail = (path: string, code: string, message: string) => errors.push({ path, code, message });
  const unit = await db.selectFrom('units').select('id').where('id', '=', o.unitId).executeTakeFirst();
  if (!unit) fail('unitId', 'unit.unknown', 'No such unit');
  const known = new Set((await db.selectFrom('partners').select('id').where('id', 'in', o.partnerIds).execute()).map((p) => p.id));
  o.partnerIds.forEach((id, i) => {
    if (!known.has(id)) fail(`partnerIds.${i}`, 'partner.unknown', 'No such partner');
    else if (o.partnerIds.indexOf(id) !== i) fail(`partnerIds.${i}`, 'partner.repeated', 'This partner is already in the list');
  });
  if (o.endsOn < o.startsOn) fail('endsOn', 'dates.order', 'endsOn must be on or after startsOn');
  if (o.applyBy > o.startsOn) fail('applyBy', 'apply_by.after_start', 'applyBy must be on or before startsOn: students apply before the internship starts');
  if (errors.length > 0) throw new ApiProblem('validation', errors[0].message, { errors });
}

const staleOpening = (sent: number, current: number) =>
  conflict(`The opening was changed since you read it: you sent version ${sent}, the current version is ${current}. Reload it and apply your change again.`);

const quotaBelowAccepted = (accepted: number) =>
  conflict(`The quota cannot go below the ${accepted} students already accepted`, {
    errors: [{ path: 'quota', code: 'quota.below_accepted', message: `quota cannot go below the ${accepted} students already accepted` }],
  });

// ── Applications ────────────────────────────────────────────────────────────────────────────────────────────

/** The one answer to a private link that does not exist, malformed or not: nothing to tell them apart. */
const NO_SUCH_LINK = 'No application has this link';
const noSuchLink = () => new ApiProblem('notFound', NO_SUCH_LINK);

/** The database refused a second (partner, NIM, opening) (index `internship_applications_once`): SQLite or PostgreSQL wording. */
function isDuplicateApplication(error: unknown): boolean {
  const e = error as { code?: unknown; constraint?: unknown; message?: unknown };
  if (e?.code === '23505') return e.constraint === 'internship_applications_once';
  return e?.code === 'SQLITE_CONSTRAINT_UNIQUE' && typeof e.message === 'string' && e.message.includes('internship_applications.nim');
}

const duplicateApplication = () =>
  conflict(
    'An application with this NIM already exists for this opening from this university. Use the private link you received when you applied to see it, correct your contact data or withdraw it.',
    { code: 'application.duplicate' },
  );

/** Review moves: submitted → reviewing | rejected, reviewing → accepted | rejected; nothing leaves accepted or rejected. */
const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['reviewing', 'rejected'],
  reviewing: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
  withdrawn: [],
};

const staleApplication = (sent: number, current: number) =>
  conflict(`The application was changed since you read it: you sent version ${sent}, the current version is ${current}. Reload it and decide again.`);

// ── The private link's page ─────────────────────────────────────────────────────────────────────────────────

const PAGE_DIR = new URL('../private-page/', import.meta.url);
const pageFile = (name: string) => readFileSync(new URL(name, PAGE_DIR), 'utf8');
/** Nothing inline, nothing from elsewhere, no framing, no referrer: the token sits in the fragment of this page's URL. */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function registerInternships(app: Hono<AppEnv>, deps: AppDeps): void {
  const { db } = deps;
  const today = () => witToday(nowOf(deps));

  bind(app, deps, getPrivacyNotice, async ({ query }) => ({ body: privacyNotice(query.locale ?? 'id') }));

  bind(app, deps, createChallenge, async ({ caller, key }) => ({
    status: 201,
    body: await issueChallenge(deps.config, scopeOf(caller, key), nowOf(deps).getTime()),
  }));

  bind(app, deps, listInternships, async ({ caller, key, query }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    const day = today();
    const status = openingStatusSql(day);
    const none = { body: { data: [], nextCursor: null } };
    let q = db.selectFrom('internship_openings as o').select(['o.id', 'o.apply_by']);
    if (key) {
      // Only what the key's students may apply to now; a filter asking for anything else finds nothing.
      if ((query.partner && query.partner !== key.partnerId) || (query.status && query.status !== 'open')) return none;
      q = q.where(status, '=', 'open').where(jsonListContains(sql.ref('o.partner_ids'), key.partnerId));
    } else {
      if (caller!.role !== 'admin') q = q.where(status, '<>', 'draft');
      if (query.status) q = q.where(status, '=', query.status);
      if (query.partner) q = q.where(jsonListContains(sql.ref('o.partner_ids'), query.partner));
    }
    if (query.q) {
      const pattern = containsPattern(query.q);
      q = q.where((eb) => sql<boolean>`(lower(${eb.ref('o.title')}) like ${pattern} escape '\\' or lower(${eb.ref('o.description')}) like ${pattern} escape '\\')`);
    }
    if (query.cursor) {
      const [at, id] = afterCursor(query.cursor);
      q = q.where((eb) => eb.or([eb('o.apply_by', '>', at), eb.and([eb('o.apply_by', '=', at), eb('o.id', '>', id)])]));
    }
    const rows = await q.orderBy('o.apply_by').orderBy('o.id').limit(limit + 1).execute();
    const pageRows = rows.slice(0, limit);
    const last = pageRows.at(-1);
    const loaded = await loadOpenings(db, pageRows.map((r) => r.id), day);
    const data = pageRows.map((r) => loaded.get(r.id)).filter((o): o is InternshipOpening => o !== undefined);
    return {
      body: {
        data: key ? data.map(publicOpening) : data,
        nextCursor: rows.length > limit && last ? encodeCursor([last.apply_by, last.id]) : null,
      },
    };
  });

  bind(app, deps, getInternship, async ({ caller, key, params }) => {
    const opening = await loadOpening(db, params.id, today());
    // Not there for whoever may not see it: a draft to non-admins, anything not open to a key's partner.
    const offered = (o: InternshipOpening, partnerId: string) => o.status === 'open' && (o.partnerIds ?? []).some((id) => id === partnerId);
    const visible = opening && (key ? offered(opening, key.partnerId) : opening.status !== 'draft' || caller!.role === 'admin');
    if (!opening || !visible) throw new ApiProblem('notFound', `No opening ${params.id}`);
    return { body: key ? publicOpening(opening) : opening };
  });

  bind(app, deps, createInternship, async ({ body }) => {
    await checkOpening(db, body);
    const row: InternshipOpeningTable = {
      id: newId('int'),
      title: body.title,
      unit_id: body.unitId,
      description: body.description,
      skills: JSON.stringify(body.skills),
      quota: body.quota,
      accepted: 0,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      apply_by: body.applyBy,
      status: body.status ?? 'draft',
      partner_ids: JSON.stringify(body.partnerIds),
      version: 1,
    };
    await db.insertInto('internship_openings').values(row).execute();
    return { status: 201, body: (await loadOpening(db, row.id, today()))! };
  });

  bind(app, deps, updateInternship, async ({ params, body }) => {
    await db.transaction().execute(async (trx) => {
      const before = await trx.selectFrom('internship_openings').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!before) throw new ApiProblem('notFound', `No opening ${params.id}`);
      if (body.version !== before.version) throw staleOpening(body.version, before.version);
      const merged = {
        unitId: body.unitId ?? before.unit_id,
        partnerIds: body.partnerIds ?? parseIds(before.partner_ids),
        startsOn: body.startsOn ?? before.starts_on,
        endsOn: body.endsOn ?? before.ends_on,
        applyBy: body.applyBy ?? before.apply_by,
      };
      await checkOpening(trx, merged);
      const quota = body.quota ?? before.quota;
      if (quota < before.accepted) throw quotaBelowAccepted(before.accepted);
      if (body.status === 'draft' && before.status !== 'draft') {
        const applied = await trx.selectFrom('internship_applications').select('id').where('opening_id', '=', before.id).executeTakeFirst();
        if (applied) throw conflict('An opening that has applications cannot go back to draft; close it instead');
      }
      // The version and the quota are checked again by the statement itself: an accept that took the last seat in
      // the meantime makes this a 409, never a quota below `accepted`.
      const result = await trx
        .updateTable('internship_openings')
        .set((eb) => ({
          title: body.title ?? before.title,
          unit_id: merged.unitId,
          description: body.description ?? before.description,
          skills: body.skills ? JSON.stringify(body.skills) : before.skills,
          quota,
          starts_on: merged.startsOn,
          ends_on: merged.endsOn,
          apply_by: merged.applyBy,
          status: body.status ?? (before.status === 'filled' ? 'open' : before.status),
          partner_ids: JSON.stringify(merged.partnerIds),
          version: eb('version', '+', 1),
        }))
        .where('id', '=', before.id)
        .where('version', '=', body.version)
        .where('accepted', '<=', quota)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx.selectFrom('internship_openings').select(['version', 'accepted']).where('id', '=', before.id).executeTakeFirstOrThrow();
        if (current.version !== body.version) throw staleOpening(body.version, current.version);
        throw quotaBelowAccepted(current.accepted);
      }
    });
    return { body: (await loadOpening(db, params.id, today()))! };
  });

  // ── Applying ──────────────────────────────────────────────────────────────────────────────────────────────

  bind(app, deps, createApplication, async ({ c, caller, key, params, body }) => {
    const now = nowOf(deps);
    let partnerId: string;
    if (key) {
      if (body.partnerId !== undefined && body.partnerId !== key.partnerId) {
        throw fieldProblem('partnerId', 'partner.key_mismatch', "A publishable key applies for its own partner only: leave partnerId out");
      }
      partnerId = key.partnerId;
    } else {
      if (caller!.role !== 'admin') {
        throw new ApiProblem('forbidden', "Students apply through their university's form; with a token only an admin may enter an application");
      }
      if (body.partnerId === undefined) throw fieldProblem('partnerId', 'partner.required', 'With a token, give the partnerId of the university the student applies through');
      partnerId = body.partnerId;
    }

    const opening = await db.selectFrom('internship_openings').selectAll().where('id', '=', params.id).executeTakeFirst();
    const invited = opening ? parseIds(opening.partner_ids).includes(partnerId) : false;
    // Through a key, an opening not offered to its partner is not there at all (as in getInternship).
    if (!opening || opening.status === 'draft' || (key && !invited)) throw new ApiProblem('notFound', `No opening ${params.id}`);
    if (!invited) throw fieldProblem('partnerId', 'partner.not_invited', "This opening does not take applications from this partner's students");
    const status = openingStatus(opening, witToday(now));
    if (status === 'filled') throw conflict('This opening is filled: every place has been taken');
    if (status === 'closed') throw conflict(`Applications for this opening are closed (the last day was ${opening.apply_by}, WIT)`);

    if (body.consent.noticeVersion !== NOTICE_VERSION || body.consent.noticeHash !== NOTICE_HASH) {
      const message = `The privacy notice has changed: show the student the current notice (version ${NOTICE_VERSION}) and ask for consent again`;
      const path = body.consent.noticeVersion !== NOTICE_VERSION ? 'consent.noticeVersion' : 'consent.noticeHash';
      throw conflict(message, { errors: [{ path, code: 'notice.outdated', message }] });
    }

    // Spent before the application is written, and for good even when it is then refused (a duplicate): every
    // attempt costs a proof of work, so probing which NIMs applied stays slow.
    const verified = await checkChallenge(deps.config, body.altcha, scopeOf(caller, key), now.getTime());
    await spendChallenge(db, verified);

    const token = randomBytes(32).toString('base64url');
    const at = now.toISOString();
    const year = witYear(now);
    const id = newId('app');
    let reference = '';
    let events: ServerEvent[];
    try {
      events = await db.transaction().execute(async (trx) => {
        // The year's next number: one upsert, so two applications never share one.
        const counter = await trx
          .insertInto('application_counters')
          .values({ year, last: 1 })
          .onConflict((oc) => oc.column('year').doUpdateSet((eb) => ({ last: eb('application_counters.last', '+', 1) })))
          .returning('last')
          .executeTakeFirstOrThrow();
        // Six digits are a million applications a year: far beyond Sorong's, so the contract's pattern holds.
        if (counter.last > 999_999) throw new Error(`application reference counter of ${year} ran past 999999`);
        reference = `MG-${year}-${String(counter.last).padStart(6, '0')}`;
        const row: InternshipApplicationTable = {
          id,
          reference,
          opening_id: opening.id,
          partner_id: partnerId,
          name: body.student.name,
          nim: body.student.nim,
          study_program: body.student.studyProgram,
          semester: body.student.semester,
          email: body.student.email,
          phone: body.student.phone,
          motivation: body.motivation,
          notice_version: NOTICE_VERSION,
          notice_hash: NOTICE_HASH,
          purposes: JSON.stringify(NOTICE_PURPOSES),
          consent_at: at,
          origin: key ? key.origin : (c.req.header('origin') ?? null),
          key_id: key?.id ?? null,
          withdrawn_at: null,
          status: 'submitted',
          reason: null,
          private_token_hash: sha256(token),
          created_at: at,
          updated_at: at,
          erased_at: null,
          version: 1,
        };
        await trx.insertInto('internship_applications').values(row).execute();
        return deps.events.write(trx, [applicationEvent('application.created', row, at)], [topicFor.applications]);
      });
    } catch (error) {
      // A repeat and a race alike: the unique index refused the row and the transaction rolled back.
      if (isDuplicateApplication(error)) throw duplicateApplication();
      throw error;
    }
    deps.events.notify(events);
    const receipt: ApplicationReceipt = {
      id: id as ApplicationReceipt['id'],
      reference,
      openingId: opening.id as ApplicationReceipt['openingId'],
      status: 'submitted',
      createdAt: at,
      // The token travels in the fragment: browsers never send it to a server, so it stays out of logs and Referer.
      privateUrl: `${originOf(c.req.url)}/applications/private#${token}`,
    };
    return { status: 201, body: receipt };
  });

  // ── The private link ──────────────────────────────────────────────────────────────────────────────────────

  // A malformed token gets exactly the answer of a wrong one (404, same detail), not the 400 of path validation.
  app.use('/v1/applications/private/:token/*', async (c, next) => {
    if (!z.safeParse(ApplicationToken, c.req.param('token')).success) return problemResponse(c, 'notFound', NO_SUCH_LINK);
    return next();
  });
  app.use('/v1/applications/private/:token', async (c, next) => {
    if (!z.safeParse(ApplicationToken, c.req.param('token')).success) return problemResponse(c, 'notFound', NO_SUCH_LINK);
    return next();
  });

  const byToken = (trx: Kysely<DB>, token: string) => applicationQuery(trx).where('a.private_token_hash', '=', sha256(token)).executeTakeFirst();

  bind(app, deps, getPrivateApplication, async ({ c, params }) => {
    const found = await byToken(db, params.token);
    if (!found) throw noSuchLink();
    c.header('Cache-Control', 'no-store');
    return { body: toPrivateView(found) };
  });

  bind(app, deps, updatePrivateApplication, async ({ params, body }) => {
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.studyProgram !== undefined ? { study_program: body.studyProgram } : {}),
      ...(body.semester !== undefined ? { semester: body.semester } : {}),
      ...(body.email !== undefined ? { email: body.email } : {}),
      ...(body.phone !== undefined ? { phone: body.phone } : {}),
    };
    if (Object.keys(changes).length === 0) throw fieldProblem('', 'update.empty', 'Send at least one field to correct');
    const at = nowOf(deps).toISOString();
    const events = await db.transaction().execute(async (trx) => {
      const found = await byToken(trx, params.token);
      if (!found) throw noSuchLink();
      if (found.status === 'withdrawn' || found.erased_at) {
        throw conflict('This application was withdrawn or its data erased: there is nothing left to correct');
      }
      const result = await trx
        .updateTable('internship_applications')
        .set((eb) => ({ ...changes, updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', found.id)
        .where('version', '=', found.version)
        .where('erased_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw conflict('The application changed at the same moment; reload it and try again');
      return deps.events.write(trx, [applicationEvent('application.updated', found, at)], [topicFor.applications]);
    });
    deps.events.notify(events);
    return { body: toPrivateView((await byToken(db, params.token))!) };
  });

  bind(app, deps, withdrawPrivateApplication, async ({ params }) => {
    const at = nowOf(deps).toISOString();
    const events = await db.transaction().execute(async (trx) => {
      const found = await byToken(trx, params.token);
      if (!found) throw noSuchLink();
      // Withdrawn already (a second click, a retry): nothing left to do, and the answer is the same.
      if (found.status === 'withdrawn') return [];
      // Processing stops and the personal data goes at once (UU 27/2022 Pasal 40 and 43); the reference, the
      // opening, the partner, the proof of consent and the fact of withdrawal stay.
      const result = await trx
        .updateTable('internship_applications')
        .set((eb) => ({
          ...erasedColumns,
          status: 'withdrawn' as const,
          withdrawn_at: at,
          erased_at: found.erased_at ?? at,
          updated_at: at,
          version: eb('version', '+', 1),
        }))
        .where('id', '=', found.id)
        .where('version', '=', found.version)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw conflict('The application changed at the same moment; reload it and try again');
      if (found.status === 'accepted') {
        // Its place goes back to the opening.
        await trx.updateTable('internship_openings').set((eb) => ({ accepted: eb('accepted', '-', 1) })).where('id', '=', found.opening_id).where('accepted', '>', 0).execute();
      }
      return deps.events.write(trx, [applicationEvent('application.updated', found, at)], [topicFor.applications]);
    });
    deps.events.notify(events);
    return { body: toPrivateView((await byToken(db, params.token))!) };
  });

  // ── Review (admins) ───────────────────────────────────────────────────────────────────────────────────────

  bind(app, deps, listApplications, async ({ query }) => {
    const limit = query.limit ?? DEFAULT_LIMIT;
    let q = applicationQuery(db);
    if (query.opening) q = q.where('a.opening_id', '=', query.opening);
    if (query.partner) q = q.where('a.partner_id', '=', query.partner);
    if (query.status) q = q.where('a.status', '=', query.status);
    if (query.q) {
      const pattern = containsPattern(query.q);
      q = q.where((eb) =>
        eb.or(
          (['a.name', 'a.nim', 'a.email', 'a.reference'] as const).map((column) => sql<boolean>`lower(${eb.ref(column)}) like ${pattern} escape '\\'`),
        ),
      );
    }
    if (query.cursor) {
      const [at, id] = afterCursor(query.cursor);
      q = q.where((eb) => eb.or([eb('a.created_at', '>', at), eb.and([eb('a.created_at', '=', at), eb('a.id', '>', id)])]));
    }
    const rows = await q.orderBy('a.created_at').orderBy('a.id').limit(limit + 1).execute();
    const data = rows.slice(0, limit);
    const last = data.at(-1);
    return { body: { data: data.map(toApplication), nextCursor: rows.length > limit && last ? encodeCursor([last.created_at, last.id]) : null } };
  });

  bind(app, deps, getApplication, async ({ params }) => {
    const found = await applicationQuery(db).where('a.id', '=', params.id).executeTakeFirst();
    if (!found) throw new ApiProblem('notFound', `No application ${params.id}`);
    return { body: toApplication(found) };
  });

  bind(app, deps, transitionApplication, async ({ params, body }) => {
    const at = nowOf(deps).toISOString();
    const events = await db.transaction().execute(async (trx) => {
      const found = await trx.selectFrom('internship_applications').selectAll().where('id', '=', params.id).executeTakeFirst();
      if (!found) throw new ApiProblem('notFound', `No application ${params.id}`);
      if (found.status === 'withdrawn' || found.erased_at) {
        throw conflict(`This application was ${found.status === 'withdrawn' ? 'withdrawn' : 'erased'}: it can no longer be reviewed`);
      }
      if (body.version !== found.version) throw staleApplication(body.version, found.version);
      if (!NEXT[found.status].includes(body.to)) {
        const allowed = NEXT[found.status];
        throw conflict(`An application that is ${found.status} cannot move to ${body.to}${allowed.length ? ` (only to ${allowed.join(' or ')})` : ''}`);
      }
      if (body.to === 'reviewing' && body.reason !== undefined) {
        throw fieldProblem('reason', 'reason.not_applicable', 'A reason goes with accepted or rejected, not with reviewing');
      }
      if (body.to === 'accepted') {
        // The seat check and the seat are one statement, in this transaction: two admins accepting the last place
        // at once cannot both succeed, and a failure below gives the seat back with the rollback.
        const seat = await trx
          .updateTable('internship_openings')
          .set((eb) => ({ accepted: eb('accepted', '+', 1) }))
          .where('id', '=', found.opening_id)
          .whereRef('accepted', '<', 'quota')
          .executeTakeFirst();
        if (Number(seat.numUpdatedRows) === 0) {
          const opening = await trx.selectFrom('internship_openings').select(['quota']).where('id', '=', found.opening_id).executeTakeFirstOrThrow();
          throw conflict(`The opening's quota of ${opening.quota} is reached: no place is left to accept this application`, { code: 'opening.quota_reached' });
        }
      }
      const result = await trx
        .updateTable('internship_applications')
        .set((eb) => ({ status: body.to, reason: body.reason ?? null, updated_at: at, version: eb('version', '+', 1) }))
        .where('id', '=', found.id)
        .where('version', '=', body.version)
        .where('status', '=', found.status)
        .where('erased_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) {
        const current = await trx.selectFrom('internship_applications').select('version').where('id', '=', found.id).executeTakeFirstOrThrow();
        throw staleApplication(body.version, current.version);
      }
      return deps.events.write(trx, [applicationEvent('application.updated', found, at)], [topicFor.applications]);
    });
    deps.events.notify(events);
    const updated = await applicationQuery(db).where('a.id', '=', params.id).executeTakeFirstOrThrow();
    return { body: toApplication(updated) };
  });

  // ── The private link's page: static HTML, script and style, no inline anything ───────────────────────────

  const page = { html: pageFile('index.html'), js: pageFile('app.js'), css: pageFile('app.css') };
  const serve = (body: string, type: string) => (c: Context<AppEnv>) => {
    c.header('Content-Type', type);
    c.header('Content-Security-Policy', PAGE_CSP);
    c.header('Referrer-Policy', 'no-referrer');
    c.header('X-Robots-Tag', 'noindex, nofollow');
    c.header('Cache-Control', 'no-cache');
    return c.body(body);
  };
  app.get('/applications/private', serve(page.html, 'text/html; charset=utf-8'));
  app.get('/applications/private/app.js', serve(page.js, 'text/javascript; charset=utf-8'));
  app.get('/applications/private/app.css', serve(page.css, 'text/css; charset=utf-8'));
}
