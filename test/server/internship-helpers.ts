// Shared bits of the internship tests: a test server whose limits leave room for many applications, calls through a
// partner's publishable key from the demo university's origin, openings straight into the database, and applying
// with a solved challenge.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { z } from 'zod/mini';
import { ApplicationReceipt, Challenge, PrivacyNotice } from '../../src/contract/index.js';
import { solveForTest } from '../../server/challenge.js';
import type { InternshipOpeningTable } from '../../server/db/database.js';
import { nowOf } from '../../server/deps.js';
import { newId } from '../../server/ids.js';
import { startServer, type StartServerOptions, type TestServer } from '../../server/testing.js';
import { witToday } from '../../server/time.js';
import { jsonHeaders } from './helpers.js';

export const ORIGIN = 'http://localhost:5173';
export const DAY = 86_400_000;

/** Rate limits out of the way: these tests send far more applications than a student would. */
export const internshipServer = (options: StartServerOptions = {}) =>
  startServer({ quiet: true, rateLimits: { read: 10_000, challenge: 10_000, submit: 10_000, private: 10_000 }, ...options });

export type Call = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;

/** Calls as a university's page does: its publishable key, from its origin. */
export const viaKey =
  (server: TestServer, partnerId: string): Call =>
  (method, path, body, headers = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { ...jsonHeaders(server.publishableKey(partnerId), { origin: ORIGIN }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

/** Calls with a bearer token (or none). */
export const viaToken =
  (server: TestServer, token?: string): Call =>
  (method, path, body, headers = {}) =>
    fetch(`${server.url}${path}`, {
      method,
      headers: jsonHeaders(token, headers),
      body: body === undefined ? undefined : JSON.stringify(body),
    });

/** The WIT day `offset` days from the server's clock, `YYYY-MM-DD`. */
export const witDay = (server: TestServer, offset = 0) => witToday(new Date(nowOf(server.deps).getTime() + offset * DAY));

export interface OpeningSeed {
  title?: string;
  partners?: string[];
  quota?: number;
  accepted?: number;
  status?: InternshipOpeningTable['status'];
  /** Days from the server's clock; 10 by default. */
  applyBy?: number;
  /** An exact `applyBy` instead. */
  applyByDate?: string;
}

/** An opening straight into the database (applyBy in ten days, open to UM Sorong), so a test may set what routes refuse. */
export async function insertOpening(server: TestServer, seed: OpeningSeed = {}): Promise<string> {
  const id = newId('int');
  const applyBy = seed.applyByDate ?? witDay(server, seed.applyBy ?? 10);
  // The internship starts two weeks after the deadline, as the routes require (applyBy on or before startsOn).
  const later = (days: number) => new Date(Date.parse(`${applyBy}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
  const row: InternshipOpeningTable = {
    id,
    title: seed.title ?? 'Magang Pengelolaan Data Layanan Publik',
    unit_id: 'unit_diskominfo',
    description: 'Mahasiswa membantu tim Diskominfo merapikan data layanan publik Kota Sorong.',
    skills: JSON.stringify(['spreadsheet']),
    quota: seed.quota ?? 3,
    accepted: seed.accepted ?? 0,
    starts_on: later(14),
    ends_on: later(100),
    apply_by: applyBy,
    status: seed.status ?? 'open',
    partner_ids: JSON.stringify(seed.partners ?? ['ptn_umsorong']),
    version: 1,
  };
  await server.deps.db.insertInto('internship_openings').values(row).execute();
  return id;
}

export async function currentNotice(server: TestServer): Promise<PrivacyNotice> {
  const res = await fetch(`${server.url}/v1/privacy-notices/internship-application`);
  assert.equal(res.status, 200);
  return z.parse(PrivacyNotice, await res.json());
}

/** A fresh challenge fetched by `call`, solved in Node: the `altcha` field of an application. */
export async function solvedChallenge(call: Call): Promise<string> {
  const res = await call('POST', '/v1/challenges', {});
  assert.equal(res.status, 201, await res.clone().text());
  return solveForTest(z.parse(Challenge, await res.json()));
}

/** A unique NIM (UM Sorong's 12 digits). */
export const freshNim = () => `14${String(randomBytes(5).readUIntBE(0, 5)).padStart(10, '0').slice(-10)}`;

export function applicationBody(notice: Pick<PrivacyNotice, 'version' | 'hash'>, altcha: string, over: Record<string, unknown> = {}) {
  const { student, ...rest } = over as { student?: Record<string, unknown> };
  return {
    student: {
      name: 'Yohana Kambu',
      nim: freshNim(),
      studyProgram: 'Teknik Informatika',
      semester: 5,
      email: 'yohana.kambu@mahasiswa.example.ac.id',
      phone: '0812 3456 7890',
      ...student,
    },
    motivation: 'Saya ingin belajar membangun layanan publik digital bersama Pemerintah Kota Sorong.',
    consent: { noticeVersion: notice.version, noticeHash: notice.hash, accepted: true },
    altcha,
    website: '',
    ...rest,
  };
}

/** Applies through `call` with a fresh solved challenge; `over` replaces body fields. */
export async function apply(server: TestServer, call: Call, openingId: string, over: Record<string, unknown> = {}, headers?: Record<string, string>) {
  const notice = await currentNotice(server);
  const body = applicationBody(notice, await solvedChallenge(call), over);
  return { res: await call('POST', `/v1/internships/${openingId}/applications`, body, headers), body };
}

export async function applyOk(server: TestServer, call: Call, openingId: string, over: Record<string, unknown> = {}) {
  const { res, body } = await apply(server, call, openingId, over);
  assert.equal(res.status, 201, await res.clone().text());
  const receipt = z.parse(ApplicationReceipt, await res.json());
  return { receipt, body, token: tokenOf(receipt) };
}

/** The private link's token: the fragment of `privateUrl`. */
export function tokenOf(receipt: ApplicationReceipt): string {
  const url = new URL(receipt.privateUrl);
  assert.equal(url.pathname, '/applications/private');
  return url.hash.slice(1);
}

export const applicationRow = (server: TestServer, id: string) =>
  server.deps.db.selectFrom('internship_applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

export const openingRow = (server: TestServer, id: string) =>
  server.deps.db.selectFrom('internship_openings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
