// The requests of `npm run fuzz`: per route a valid base (hand-written, checked against the contract at start), then
// 1–3 mutations of it; whatever the oracle (scripts/fuzz-oracle.ts) says the server could still accept gets one more
// decisive defect, so no request can reach a writing handler.
import { z } from 'zod/mini';
import type { RouteDef } from '../src/contract/index.js';
import type { WireRequest } from './fuzz-oracle.js';
import {
  badPathSegments, badQueryValues, hugeLength, invalidUtf8, nastyStrings, prototypeKeys, randomWord, rngFor, setOwn,
  wrongTypeValues, type Rng,
} from './fuzz-values.js';

/** What the generator needs from the running server: credentials and ids that exist. */
export interface FuzzContext {
  adminToken: string;
  employeeToken: string;
  /** A valid HS256 token of the server's secret that is expired, and one naming no employee. */
  expiredToken: string;
  strangerToken: string;
  publishableKey: string;
  ids: Record<string, string>;
}

export interface FuzzRequest extends WireRequest {
  route: string;
  index: number;
  /** What was done to the base, in order; `force:*` is the defect added because the oracle would have accepted it. */
  tags: string[];
  /** Protocol-level bytes for a raw socket (framing the HTTP client will not produce). */
  raw?: Buffer;
}

/** A byte sequence spliced into the JSON text where this value stands (`inString`: inside the string literal). */
class Splice {
  constructor(readonly bytes: Buffer, readonly before = '', readonly after = '') {}
}

interface Draft {
  method: string;
  params: Record<string, string>;
  /** Replaces the whole path when set. */
  path?: string;
  query: Array<[string, string]>;
  /** Raw query string (after `?`) when set. */
  rawQuery?: string;
  headers: Array<[string, string]>;
  /** JSON value of the body (`undefined`: none); `rawBody` wins when set. */
  body: unknown;
  rawBody?: Buffer;
  tags: string[];
}

/** encodeURIComponent that survives lone surrogates (they go as U+FFFD). */
const encode = (value: string) =>
  encodeURIComponent(value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

// ── Valid bases ─────────────────────────────────────────────────────────────────────────────────────────────────

const session = {
  startsAt: '2026-09-01T09:00:00+09:00',
  endsAt: '2026-09-01T12:00:00+09:00',
  location: 'Aula BKPSDM',
  onlineUrl: null,
};
const signatory = { name: 'Budi Santoso', position: 'Kepala Bagian Kerja Sama' };

function baseBodies(ids: Record<string, string>): Record<string, unknown> {
  return {
    createLearningRecord: {
      title: 'Pelatihan Analisis Data',
      competency: 'technical',
      jp: 2,
      completedAt: '2026-03-01T09:00:00+09:00',
      programId: null,
      evidenceUrl: 'https://example.org/sertifikat.pdf',
    },
    createGoal: {
      title: 'Menyelesaikan laporan kinerja',
      kind: 'performance',
      competency: 'technical',
      measure: { unit: 'laporan', target: 4 },
      year: 2026,
      dueDate: '2026-12-31',
      alignedGoalId: null,
    },
    updateGoal: { version: 1, title: 'Judul yang baru', status: 'active', dueDate: '2026-12-31', measure: { unit: 'dokumen', target: 5 } },
    createCheckIn: { value: 2, note: 'Sudah dua laporan' },
    createFeedback: { kind: 'appreciation', rating: 'meets', goalId: null, message: 'Kerja yang bagus' },
    acknowledgeFeedback: { response: 'Terima kasih' },
    createSandboxToken: { role: 'employee' },
    createProgram: {
      title: 'Pelatihan Kepemimpinan',
      description: 'Tiga sesi tatap muka',
      type: 'training',
      competency: 'managerial',
      mode: 'classroom',
      sessions: [session],
      jp: null,
      jpReason: null,
      capacity: 30,
      enrollFrom: '2026-08-01T00:00:00+09:00',
      enrollUntil: '2026-08-25T00:00:00+09:00',
      cancelUntil: '2026-08-28T00:00:00+09:00',
      attendanceThreshold: 1,
      partnerId: null,
      organizerId: null,
      status: 'draft',
    },
    updateProgram: { version: 1, title: 'Pelatihan Kepemimpinan II', capacity: 40 },
    createEnrollment: { employeeId: ids.employee },
    cancelEnrollment: {},
    putAttendance: { present: [ids.employee] },
    completeProgram: {},
    createRecommendation: { programId: ids.program, note: 'Cocok untuk Anda' },
    createPartner: { name: 'Universitas Contoh', kind: 'university', city: 'Sorong', website: 'https://contoh.ac.id' },
    updatePartner: { version: 1, city: 'Kota Sorong' },
    createAgreement: {
      kind: 'mou',
      parentId: null,
      number: '001/MOU/2026',
      title: 'Nota kesepahaman magang',
      scope: ['magang'],
      signatories: { partner: signatory, government: signatory },
      startsOn: '2026-01-01',
      endsOn: '2027-01-01',
    },
    updateAgreement: { version: 1, title: 'Nota kesepahaman baru' },
    createPartnerKey: { mode: 'test', label: 'Situs kampus', allowedOrigins: ['https://sia.contoh.ac.id'] },
    revokeKey: {},
    createInternship: {
      title: 'Magang pengembang web',
      unitId: ids.unit,
      description: 'Membangun layanan publik bersama tim',
      skills: ['TypeScript'],
      quota: 2,
      startsOn: '2026-10-01',
      endsOn: '2026-12-31',
      applyBy: '2026-09-15',
      partnerIds: [ids.partner],
      status: 'draft',
    },
    updateInternship: { version: 1, quota: 3 },
    createChallenge: {},
    createApplication: {
      student: {
        name: 'Siti Aminah',
        nim: '2021.01.0042',
        studyProgram: 'Informatika',
        semester: 5,
        email: 'siti@contoh.ac.id',
        phone: '081234567890',
      },
      motivation: 'Saya ingin belajar membangun layanan publik yang baik.',
      consent: { noticeVersion: '1', noticeHash: 'a'.repeat(64), accepted: true },
      altcha: 'eyJjaGFsbGVuZ2UiOnt9fQ==',
      website: '',
    },
    updatePrivateApplication: { email: 'siti.baru@contoh.ac.id', phone: '081234567891' },
    withdrawPrivateApplication: {},
    transitionApplication: { to: 'reviewing', version: 1 },
  };
}

/** Known ids for each path parameter, by the parameter's schema prefix (checked against the route at start). */
function baseParams(route: RouteDef, ids: Record<string, string>): Record<string, string> {
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
  const out: Record<string, string> = {};
  for (const name of names) {
    if (name === 'n') out.n = '1';
    else if (name === 'number') out.number = ids.certificate;
    else if (name === 'token') out.token = ids.privateToken;
    else {
      const prefix = /\/v1\/(\w[\w-]*)\/\{id\}/.exec(route.path)?.[1] ?? '';
      out.id = ids[`path:${prefix}`] ?? 'me';
    }
  }
  return out;
}

/** A valid query: nothing, except what a route requires. */
function baseQuery(route: RouteDef, ids: Record<string, string>): Array<[string, string]> {
  if (route.id === 'streamEvents') return [['topics', `employee:${ids.employee}`]];
  return [];
}

/** The keys of a zod object schema (through optional/nullable/pipe wrappers), for query mutations. */
function shapeKeys(schema: unknown): string[] {
  let s = schema as { _zod?: { def?: { type?: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown } } } | undefined;
  for (let i = 0; i < 5 && s?._zod?.def; i++) {
    const def = s._zod.def;
    if (def.shape) return Object.keys(def.shape);
    s = (def.innerType ?? def.in) as typeof s;
  }
  return [];
}

// ── The fixture per route: base + precomputed decisive defects ─────────────────────────────────────────────────────

export interface RouteFixture {
  route: RouteDef;
  params: Record<string, string>;
  query: Array<[string, string]>;
  body: unknown;
  queryKeys: string[];
  /** `[field, value]` that make the base body invalid on their own (a required field of the wrong type). */
  bodyDefects: Array<[string, unknown]>;
  /** `[key, value]` that make the base query invalid on their own. */
  queryDefects: Array<[string, string]>;
}

export function fixtureFor(route: RouteDef, ctx: FuzzContext): RouteFixture {
  const bodies = baseBodies(ctx.ids);
  const body = route.body ? bodies[route.id] : undefined;
  if (route.body && !(route.id in bodies)) throw new Error(`fuzz: no base body for ${route.id}; add one to scripts/fuzz-cases.ts`);
  const params = baseParams(route, ctx.ids);
  const query = baseQuery(route, ctx.ids);
  const problems: string[] = [];
  if (route.body && !z.safeParse(route.body, body).success) problems.push('body');
  if (route.params && !z.safeParse(route.params, params).success) problems.push(`params ${JSON.stringify(params)}`);
  if (route.query && !z.safeParse(route.query, Object.fromEntries(query)).success) problems.push('query');
  if (problems.length) throw new Error(`fuzz: the base request of ${route.id} fails the contract (${problems.join(', ')}): fix scripts/fuzz-cases.ts`);

  const bodyDefects: Array<[string, unknown]> = [];
  if (route.body && body && typeof body === 'object') {
    for (const field of Object.keys(body)) {
      for (const value of [{ wrong: true }, 123456, 'x', null]) {
        const broken = { ...(body as Record<string, unknown>), [field]: value };
        if (!z.safeParse(route.body, broken).success) {
          bodyDefects.push([field, value]);
          break;
        }
      }
    }
  }
  const queryKeys = shapeKeys(route.query);
  const queryDefects: Array<[string, string]> = [];
  for (const key of queryKeys) {
    for (const value of ['x', '-1', 'a'.repeat(2001)]) {
      const q = Object.fromEntries([...query.filter(([k]) => k !== key), [key, value]]);
      if (!z.safeParse(route.query!, q).success) {
        queryDefects.push([key, value]);
        break;
      }
    }
  }
  return { route, params, query, body, queryKeys, bodyDefects, queryDefects };
}

// ── Mutations ───────────────────────────────────────────────────────────────────────────────────────────────────

type Path = Array<string | number>;

/** Every position in a JSON value (the root is `[]`). */
function positions(value: unknown, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (value instanceof Splice) return out;
  if (Array.isArray(value)) value.forEach((v, i) => positions(v, [...path, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) positions(v, [...path, k], out);
  return out;
}

function setAt(root: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node?.[step] as Record<string | number, unknown>;
  // An earlier mutation may have replaced the parent with a scalar: then there is nothing to set.
  if (node === null || typeof node !== 'object' || node instanceof Splice) return root;
  const last = path[path.length - 1];
  if (typeof last === 'string') setOwn(node as Record<string, unknown>, last, value);
  else node[last] = value;
  return root;
}

function deleteAt(root: unknown, path: Path): void {
  if (path.length === 0) return;
  let node = root as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) node = node?.[step] as Record<string | number, unknown>;
  if (node === null || typeof node !== 'object' || node instanceof Splice) return;
  const last = path[path.length - 1];
  if (Array.isArray(node)) node.splice(last as number, 1);
  else delete node[last];
}

const objectPositions = (value: unknown) =>
  positions(value).filter((p) => {
    let node: unknown = value;
    for (const step of p) node = (node as Record<string | number, unknown>)[step];
    return node !== null && typeof node === 'object' && !Array.isArray(node) && !(node instanceof Splice);
  });

function deepValue(rng: Rng): Splice {
  // Deep enough to overflow a recursive walk (a few thousand levels do), at most ~1 MB.
  const depth = rng.pick([64, 1_000, 5_000, 20_000, 70_000]);
  const [open, close] = rng.pick([['[', ']'], ['{"a":', '}'], ['[{"__proto__":', '}]']]);
  const inner = rng.pick(['1', '"x"', 'null', '{}']);
  return new Splice(Buffer.from(open.repeat(depth) + inner + close.repeat(depth)));
}

function hugeValue(rng: Rng): unknown {
  const n = hugeLength(rng);
  switch (rng.int(5)) {
    case 0:
      return 'a'.repeat(n);
    case 1:
      return rng.pick(nastyStrings).repeat(Math.max(1, Math.floor(n / 8)));
    case 2:
      return Array.from({ length: Math.min(n, 50_000) }, (_, i) => i);
    case 3:
      return new Splice(Buffer.from('9'.repeat(n)));
    default:
      return Object.fromEntries(Array.from({ length: Math.min(n / 16, 20_000) }, (_, i) => [`k${i}`, i]));
  }
}

const contentTypes = [
  'text/plain',
  'text/plain;charset=utf-8',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=latin1',
  'application/json; charset=utf-16',
  'application/jsonx',
  'application/json, text/html',
  'application/*',
  '*/*',
  '',
  ';',
  'application/json;' + 'a=b;'.repeat(500),
  'APPLICATION/JSON',
  'application/problem+json',
  'application/merge-patch+json',
  'image/png',
];

const badJsonTexts = [
  '{',
  '}',
  '{"a":}',
  "{'title':'x'}",
  '{"a":1,}',
  '[1,]',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '{/*c*/}',
  '// c\n{}',
  '{"a":"\\uZZZZ"}',
  '{"a":"\\x41"}',
  '{"a":01}',
  '{"a":1e}',
  '{"a":.5}',
  '{"a":"\t"}',
  '{"a":"line\nbreak"}',
  '{}{}',
  '{} x',
  'null',
  'true',
  '0',
  '"x"',
  '[]',
  '\u0000',
  '\ufeff{}',
  '\ufeff\ufeff{}',
  ' '.repeat(100_000),
  'tr',
  '{"a":1}'.repeat(1000),
];

const badTokens = (ctx: FuzzContext, rng: Rng): string[] => {
  const [h, p, s] = ctx.adminToken.split('.');
  const flip = (part: string, at: number) => part.slice(0, at) + (part[at] === 'A' ? 'B' : 'A') + part.slice(at + 1);
  const noneHeader = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
  return [
    'Bearer',
    'Bearer ',
    'Bearer x',
    'Bearer a.b.c',
    'Bearer ..',
    `Bearer ${h}.${p}`,
    `Bearer ${h}.${p}.`,
    `Bearer ${noneHeader}.${p}.`,
    `Bearer ${h}.${flip(p, Math.floor(p.length / 2))}.${s}`,
    `Bearer ${h}.${p}.${flip(s, 10)}`,
    `Bearer ${ctx.expiredToken}`,
    `Bearer ${ctx.strangerToken}`,
    `Basic ${Buffer.from('admin:admin').toString('base64')}`,
    `Token ${ctx.adminToken}`,
    `Bearer ${ctx.adminToken}x`,
    `Bearer ${ctx.adminToken}.x`,
    `Bearer ${ctx.adminToken} ${ctx.adminToken}`,
    `${ctx.adminToken}`,
    `Bearer ${'a'.repeat(hugeLength(rng) % 15_000)}`,
    `Bearer ${randomWord(rng, 40)}.${randomWord(rng, 80)}.${randomWord(rng, 43)}`,
    'Bearer pk_',
    'Bearer pk_test_',
    `Bearer pk_test_${randomWord(rng, 32)}`,
    `Bearer pk_live_${randomWord(rng, 32)}`,
    `Bearer ${ctx.publishableKey}x`,
    `Bearer ${ctx.publishableKey.slice(0, -1)}`,
    'Bearer pk_\u00e9',
    `Bearer ${h}.${p}.${s}\u00ff`,
  ];
};

function setHeader(d: Draft, name: string, value: string | null): void {
  d.headers = d.headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase());
  if (value !== null) d.headers.push([name, value]);
}

type Mutation = { name: string; weight: (f: RouteFixture) => number; apply: (d: Draft, rng: Rng, f: RouteFixture, ctx: FuzzContext) => string | void };

const hasBody = (f: RouteFixture) => f.route.body !== undefined;
const isMutation = (f: RouteFixture) => f.route.method !== 'GET';
const hasParams = (f: RouteFixture) => Object.keys(f.params).length > 0;

function withBody(d: Draft, f: RouteFixture): Record<string, unknown> | undefined {
  if (d.rawBody) return undefined;
  if (d.body === undefined) d.body = clone(f.body) ?? {};
  return d.body as Record<string, unknown>;
}

const mutations: Mutation[] = [
  {
    name: 'body.wrongType',
    weight: (f) => (hasBody(f) ? 12 : 0),
    apply(d, rng, f) {
      const body = withBody(d, f);
      if (body === undefined) return;
      const at = rng.pick(positions(body));
      const value = rng.chance(0.7) ? rng.pick(wrongTypeValues) : rng.pick(nastyStrings);
      d.body = setAt(body, at, clone(value));
      return at.join('.') || '(root)';
    },
  },
  {
    name: 'body.missing',
    weight: (f) => (hasBody(f) ? 6 : 0),
    apply(d, rng, f) {
      const body = withBody(d, f);
      if (body === undefined) return;
      const at = rng.pick(positions(body).filter((p) => p.length > 0));
      if (at) deleteAt(body, at);
      return at?.join('.');
    },
  },
  {
    name: 'body.extra',
    weight: (f) => (hasBody(f) ? 5 : 0),
    apply(d, rng, f) {
      const body = withBody(d, f);
      if (body === undefined) return;
      const targets = objectPositions(body);
      for (let i = 0, n = 1 + rng.int(5); i < n && targets.length; i++) {
        const at = rng.pick(targets);
        const key = rng.chance(0.5) ? rng.pick(['id', 'employeeId', 'role', 'isAdmin', 'version', 'status', 'createdAt', 'seats_taken']) : randomWord(rng, 1 + rng.int(12));
        setAt(body, [...at, key], clone(rng.pick([...wrongTypeValues, ...nastyStrings.slice(0, 10)])));
      }
    },
  },
  {
    name: 'body.proto',
    weight: (f) => (hasBody(f) ? 5 : 0),
    apply(d, rng, f) {
      const body = withBody(d, f);
      if (body === undefined) return;
      const at = rng.pick(objectPositions(body)) ?? [];
      const key = rng.pick(prototypeKeys);
      const value = rng.pick<unknown>([{ isAdmin: true, role: 'admin' }, { prototype: { polluted: 1 } }, null, 1, 'x', []]);
      setAt(body, [...at, key], clone(value));
      return `${[...at, key].join('.')}`;
    },
  },
  {
    name: 'body.huge',
    weight: (f) => (hasBody(f) ? 4 : 0),
    apply(d, rng, f) {
      const body = withBody(d, f);
      if (body === undefined) return;
      const at = rng.pick(positions(body));
      d.body = setAt(body, at, hugeValue(rng));
      return at.join('.') || '(root)';
    },
  },
  {
    name: 'body.deep',
    weight: (f) => (hasBody(f) ? 3 : 0),
    apply(d, rng, f) {
      const body = withBody(d, f);
      if (body === undefined) return;
      const at = rng.pick(positions(body));
      d.body = setAt(body, at, deepValue(rng));
      return at.join('.') || '(root)';
    },
  },
  {
    name: 'body.badJson',
    weight: (f) => (isMutation(f) ? 4 : 1),
    apply(d, rng, f) {
      if (rng.chance(0.4) && f.body !== undefined) {
        const text = JSON.stringify(f.body);
        d.rawBody = Buffer.from(text.slice(0, rng.int(text.length)));
        return 'truncated';
      }
      d.rawBody = Buffer.from(rng.pick(badJsonTexts));
    },
  },
  {
    name: 'body.invalidUtf8',
    weight: (f) => (isMutation(f) ? 4 : 1),
    apply(d, rng, f) {
      const bytes = rng.pick(invalidUtf8);
      const body = withBody(d, f);
      const strings = body === undefined ? [] : positions(body).filter((p) => {
        let node: unknown = body;
        for (const step of p) node = (node as Record<string | number, unknown>)[step];
        return typeof node === 'string';
      });
      if (body !== undefined && strings.length && rng.chance(0.8)) {
        const at = rng.pick(strings);
        d.body = setAt(body, at, new Splice(bytes, '"ab', 'cd"'));
        return at.join('.');
      }
      const text = Buffer.from(JSON.stringify(f.body ?? {}));
      const cut = rng.int(text.length + 1);
      d.rawBody = Buffer.concat([text.subarray(0, cut), bytes, text.subarray(cut)]);
      return 'raw';
    },
  },
  {
    name: 'body.rootType',
    weight: (f) => (hasBody(f) ? 2 : 0),
    apply(d, rng) {
      d.body = clone(rng.pick(wrongTypeValues));
    },
  },
  {
    name: 'body.empty',
    weight: (f) => (isMutation(f) ? 2 : 0),
    apply(d, rng) {
      d.rawBody = Buffer.from(rng.pick(['', ' ', '\r\n', '\t']));
    },
  },
  {
    name: 'body.onGet',
    weight: (f) => (isMutation(f) ? 0 : 1),
    apply(d, rng) {
      d.rawBody = Buffer.from(rng.pick(['{"a":1}', 'x'.repeat(hugeLength(rng)), '\u0000']));
    },
  },
  {
    name: 'contentType',
    weight: (f) => (isMutation(f) ? 6 : 1),
    apply(d, rng) {
      const type = rng.chance(0.15) ? null : rng.pick(contentTypes);
      setHeader(d, 'Content-Type', type);
      return type ?? '(none)';
    },
  },
  {
    name: 'param',
    weight: (f) => (hasParams(f) ? 10 : 0),
    apply(d, rng, f) {
      const name = rng.pick(Object.keys(f.params));
      const value = rng.chance(0.75)
        ? rng.pick(badPathSegments)
        : rng.chance(0.5)
          ? encode(rng.pick(nastyStrings))
          : `${f.params[name]}${rng.pick(['%00', '%2F', '/', '/..', '%20', '.json', ';x=1', '\u00e9', '%E9', randomWord(rng, 3)])}`;
      d.params[name] = value;
      return `${name}=${value.slice(0, 60)}`;
    },
  },
  {
    name: 'path.shape',
    weight: () => 3,
    apply(d, rng, f) {
      const path = renderPath(f.route.path, d.params);
      const shapes = [
        `${path}/`,
        `${path}//`,
        path.replace('/v1/', '/v1//'),
        path.replace('/v1/', '/V1/'),
        path.toUpperCase(),
        path.replace('/v1/', '/v1/./'),
        path.replace('/v1/', '/v1/x/../'),
        path.replace(/\//g, '%2F'),
        `${path}%00`,
        `${path}.json`,
        `${path};a=b`,
        `${path}#frag`,
        `/..${path}`,
        `//${path}`,
        `${path}/${'a'.repeat(hugeLength(rng) % 20_000)}`,
        path.replace('/v1', '/v2'),
        '*',
        `http://evil.example${path}`,
        `http://127.0.0.1:1${path}`,
        `${path}\u00ff`,
      ];
      d.path = rng.pick(shapes);
      return d.path.slice(0, 60);
    },
  },
  {
    name: 'query.bad',
    weight: (f) => (f.queryKeys.length ? 10 : 1),
    apply(d, rng, f) {
      const key = f.queryKeys.length && rng.chance(0.85) ? rng.pick(f.queryKeys) : rng.pick(['limit', 'cursor', 'year', 'q']);
      const value = rng.chance(0.8) ? rng.pick(badQueryValues) : encode(rng.pick(nastyStrings));
      d.query = [...d.query.filter(([k]) => k !== key), [key, value]];
      return `${key}=${value.slice(0, 40)}`;
    },
  },
  {
    name: 'query.cursor',
    weight: (f) => (f.queryKeys.includes('cursor') ? 4 : 0),
    apply(d, rng) {
      const junk = [
        randomWord(rng, 1 + rng.int(60)),
        Buffer.from(JSON.stringify(rng.pick<unknown>([[], [null], ['x', 1], { a: 1 }, [1e308, 'x'], ['\u0000'], 'x']))).toString('base64url'),
        Buffer.from(rng.pick(invalidUtf8)).toString('base64url'),
        '%ff%fe',
        '____',
        '-',
        'eyJ',
        'AAAA',
      ];
      const value = rng.pick(junk);
      d.query = [...d.query.filter(([k]) => k !== 'cursor'), ['cursor', value]];
      return value.slice(0, 40);
    },
  },
  {
    name: 'query.extra',
    weight: () => 4,
    apply(d, rng) {
      const key = rng.pick([...prototypeKeys, 'a[b]', 'a[]', 'a.b', '%zz', '%00', '', '=', '&', randomWord(rng, 6), 'constructor[prototype][x]']);
      d.query.push([key, rng.pick(badQueryValues)]);
      return key;
    },
  },
  {
    name: 'query.dup',
    weight: (f) => (f.queryKeys.length ? 3 : 0),
    apply(d, rng, f) {
      const key = rng.pick(f.queryKeys);
      d.query.push([key, rng.pick(badQueryValues)], [key, rng.pick(['10', '2026', 'x'])]);
      return key;
    },
  },
  {
    name: 'query.raw',
    weight: () => 3,
    apply(d, rng) {
      d.rawQuery = rng.pick([
        '',
        '&&&',
        '=',
        '==',
        '?',
        '%',
        'a=%E0%A4%A',
        'a',
        'limit',
        'limit=10&limit',
        'limit=\u00ff',
        'year=2026\u00e9',
        `${'a=1&'.repeat(hugeLength(rng) % 5_000)}`,
        `q=${'x'.repeat(hugeLength(rng) % 30_000)}`,
        '__proto__[x]=1',
        'limit=1#frag',
      ]);
      return d.rawQuery.slice(0, 40);
    },
  },
  {
    name: 'idempotency',
    weight: (f) => (isMutation(f) ? 5 : 1),
    apply(d, rng) {
      const values = ['', ' ', 'a b', 'a'.repeat(256), 'a'.repeat(10_000), '\u00e9', 'key\u00ff', 'k\tk', '"', "'", '%00'];
      if (rng.chance(0.2)) {
        d.headers.push(['Idempotency-Key', randomWord(rng, 20)], ['Idempotency-Key', randomWord(rng, 20)]);
        return 'twice';
      }
      const value = rng.pick(values);
      setHeader(d, 'Idempotency-Key', value);
      return JSON.stringify(value.slice(0, 20));
    },
  },
  {
    name: 'auth',
    weight: () => 6,
    apply(d, rng, _f, ctx) {
      const choice = rng.int(5);
      if (choice === 0) {
        setHeader(d, 'Authorization', null);
        return '(none)';
      }
      if (choice === 1) {
        setHeader(d, 'Authorization', `Bearer ${ctx.employeeToken}`);
        return 'employee';
      }
      if (choice === 2) {
        setHeader(d, 'Authorization', `Bearer ${ctx.publishableKey}`);
        if (rng.chance(0.5)) setHeader(d, 'Origin', rng.pick(['https://evil.example', 'null', 'http://localhost.evil.example', 'http://127.0.0.1.nip.io']));
        return 'publishable key';
      }
      const value = rng.pick(badTokens(ctx, rng));
      setHeader(d, 'Authorization', value);
      return value.slice(0, 24);
    },
  },
  {
    name: 'headers',
    weight: () => 3,
    apply(d, rng) {
      const junk: Array<[string, string]> = [
        ['X-Forwarded-For', rng.pick(['', 'x', '1.1.1.1, ' + 'x,'.repeat(2000), '::1', '999.999.999.999'])],
        ['Host', rng.pick(['', 'a b', 'evil.example', '127.0.0.1:99999', '[::1', 'x'.repeat(300)])],
        ['Origin', rng.pick(['', 'null', 'https://evil.example', 'http://localhost:' + '9'.repeat(20), '\u00ff'])],
        ['Last-Event-ID', rng.pick(['-1', 'x', '9'.repeat(400), '1e9', ''])],
        ['Accept', rng.pick(['text/event-stream', 'image/png', '*/*;q=x', ''])],
        ['Accept-Encoding', rng.pick(['gzip;q=2', 'x'.repeat(2000), 'br, deflate, gzip, zstd'])],
        ['Content-Encoding', rng.pick(['gzip', 'br', 'deflate', 'x'])],
        ['Cookie', 'a=' + 'b'.repeat(hugeLength(rng) % 12_000)],
        ['Range', 'bytes=0-1,1-2'],
        ['X-HTTP-Method-Override', 'DELETE'],
        ['Expect', '100-continue'],
        ['If-None-Match', '*'],
        ['X-Junk', '\u00e9\u00ff\u0080'],
      ];
      const n = 1 + rng.int(3);
      for (let i = 0; i < n; i++) {
        const [name, value] = rng.pick(junk);
        setHeader(d, name, value);
      }
      if (rng.chance(0.1)) for (let i = 0; i < 150; i++) d.headers.push([`X-H${i}`, 'v']);
    },
  },
  {
    name: 'method',
    weight: () => 2,
    apply(d, rng) {
      d.method = rng.pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'TRACE']);
      return d.method;
    },
  },
  {
    name: 'raw',
    weight: () => 3,
    apply(d, rng) {
      // The framing is corrupted when the request is rendered (renderRaw).
      return String(rng.int(RAW_FRAMINGS.length));
    },
  },
];

// ── Rendering ───────────────────────────────────────────────────────────────────────────────────────────────────

function renderPath(routePath: string, params: Record<string, string>): string {
  return routePath.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

function renderBody(d: Draft): Buffer | null {
  if (d.rawBody) return d.rawBody;
  if (d.body === undefined) return null;
  const splices: Splice[] = [];
  const text = JSON.stringify(d.body, (_k, v) => {
    if (v instanceof Splice) {
      splices.push(v);
      return `\u0001${splices.length - 1}\u0001`;
    }
    return v;
  });
  if (splices.length === 0) return Buffer.from(text);
  // JSON.stringify escapes U+0001 as `\u0001`: the marker is `"\u0001<n>\u0001"` in the text.
  const parts: Buffer[] = [];
  const marker = /"\\u0001(\d+)\\u0001"/g;
  let last = 0;
  for (const m of text.matchAll(marker)) {
    const s = splices[Number(m[1])];
    parts.push(Buffer.from(text.slice(last, m.index)), Buffer.from(s.before), s.bytes, Buffer.from(s.after));
    last = m.index! + m[0].length;
  }
  parts.push(Buffer.from(text.slice(last)));
  return Buffer.concat(parts);
}

function renderTarget(d: Draft, f: RouteFixture): string {
  const path = d.path ?? renderPath(f.route.path, d.params);
  const query = d.rawQuery ?? d.query.map(([k, v]) => (v === '' && k === '' ? '' : `${k}=${v}`)).join('&');
  return query === '' && d.rawQuery === undefined ? path : `${path}?${query}`;
}

/** Framings the HTTP client will not produce; each keeps the request's (bad) credentials. */
const RAW_FRAMINGS: Array<(head: string, lines: string[], body: Buffer) => Buffer> = [
  (head, lines, body) => Buffer.concat([Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nContent-Length: ${body.length + 10}\r\n\r\n`), body]),
  (head, lines, body) => Buffer.concat([Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nContent-Length: ${body.length}\r\nContent-Length: ${body.length + 1}\r\n\r\n`), body]),
  (head, lines, body) => Buffer.concat([Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nContent-Length: -1\r\n\r\n`), body]),
  (head, lines, body) => Buffer.concat([Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nContent-Length: ${body.length}\r\nTransfer-Encoding: chunked\r\n\r\n`), body]),
  (head, lines, body) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n${body.toString('latin1')}\r\n0\r\n\r\n`, 'latin1'),
  (head, lines, body) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nTransfer-Encoding: chunked\r\n\r\n${body.length.toString(16)};${'x'.repeat(20_000)}\r\n${body.toString('latin1')}\r\n0\r\n\r\n`, 'latin1'),
  (head, lines, body) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffff\r\n${body.toString('latin1')}\r\n0\r\n\r\n`, 'latin1'),
  (head, lines, body) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nTransfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n${body.toString('latin1')}`, 'latin1'),
  (head, lines) => Buffer.from(`${head}\n${lines.join('\n')}\n\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\n X-Folded: continued\r\n\r\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nBad Header: x\r\n\r\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nNoColon\r\n\r\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nX: a\u0000b\r\n\r\n`, 'latin1'),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nX: a\rb\r\n\r\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.filter((l) => !/^host:/i.test(l)).join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nHost: second.example\r\n\r\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nX-Long: ${'a'.repeat(20_000)}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(' HTTP/1.1', ' HTTP/1.0')}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(' HTTP/1.1', ' HTTP/2.0')}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(' HTTP/1.1', '')}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(' ', '  ')}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(' ', '\t')}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(/^\S+/, (m) => m.toLowerCase())}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(/ \//, ' /\u00ff\u00fe')}\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
  (head, lines) => Buffer.from(`${head.replace(/ \//, ' /a b/')}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head.replace(/ \//, ' /\u0000')}\r\n${lines.join('\r\n')}\r\n\r\n`, 'latin1'),
  (head, lines) => Buffer.from(`\r\n\r\n${head}\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines) => Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nX: ${'\u00e9\u00ff'.repeat(50)}\r\n\r\n`, 'latin1'),
  () => Buffer.from('\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003', 'latin1'),
  () => Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n'),
  (_head, lines) => Buffer.from(`CONNECT 127.0.0.1:22 HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`),
  (head, lines, body) => Buffer.concat([Buffer.from(`${head}\r\n${lines.join('\r\n')}\r\nContent-Length: ${body.length}\r\n\r\n`), body, Buffer.from('GET /v1/me HTTP/1.1\r\nHost: x\r\n\r\n')]),
];

function renderRaw(d: Draft, f: RouteFixture, choice: number, host: string): Buffer {
  const body = renderBody(d) ?? Buffer.alloc(0);
  const target = renderTarget(d, f);
  const head = `${d.method} ${target} HTTP/1.1`;
  const lines = [`Host: ${host}`, ...d.headers.filter(([n]) => n.toLowerCase() !== 'host').map(([n, v]) => `${n}: ${v}`), 'Connection: close'];
  return RAW_FRAMINGS[choice % RAW_FRAMINGS.length](head, lines, body);
}

// ── Generation ──────────────────────────────────────────────────────────────────────────────────────────────────

function pickMutation(rng: Rng, f: RouteFixture): Mutation {
  const weighted = mutations.map((m) => [m, m.weight(f)] as const).filter(([, w]) => w > 0);
  let x = rng.next() * weighted.reduce((s, [, w]) => s + w, 0);
  for (const [m, w] of weighted) {
    x -= w;
    if (x < 0) return m;
  }
  return weighted[weighted.length - 1][0];
}

function baseDraft(f: RouteFixture, ctx: FuzzContext, rng: Rng, index: number): Draft {
  const headers: Array<[string, string]> = [['X-Request-Id', `fuzz-${f.route.id.slice(0, 30)}-${index}`]];
  if (f.route.access.kind === 'publishable' && rng.chance(0.5)) headers.push(['Authorization', `Bearer ${ctx.publishableKey}`]);
  else if (f.route.access.kind !== 'public' || rng.chance(0.3)) headers.push(['Authorization', `Bearer ${ctx.adminToken}`]);
  if (f.route.body) headers.push(['Content-Type', 'application/json']);
  if (f.route.method !== 'GET' && rng.chance(0.5)) headers.push(['Idempotency-Key', `fuzz-${randomWord(rng, 16)}`]);
  return {
    method: f.route.method,
    params: { ...f.params },
    query: f.query.map(([k, v]) => [k, encode(v)] as [string, string]),
    headers,
    body: undefined,
    tags: [],
  };
}

/** A defect the server refuses before any handler, whatever else the request carries. */
function forceDefect(d: Draft, rng: Rng, f: RouteFixture, ctx: FuzzContext, last: boolean): string {
  const options: string[] = [];
  if (!last) {
    if (f.bodyDefects.length && !d.rawBody && (d.body === undefined || (d.body !== null && typeof d.body === 'object' && !Array.isArray(d.body)))) options.push('body');
    if (hasParams(f) && !d.path) options.push('param');
    if (f.queryDefects.length && d.rawQuery === undefined) options.push('query');
    if (isMutation(f)) options.push('idempotency');
  }
  const choice = options.length ? rng.pick(options) : 'auth';
  switch (choice) {
    case 'body': {
      const body = withBody(d, f)!;
      const [field, value] = rng.pick(f.bodyDefects);
      setAt(body, [field], clone(value));
      return `force:body.${field}`;
    }
    case 'param': {
      const name = rng.pick(Object.keys(f.params));
      d.params[name] = `x${rng.pick(['', '!', '-', '%2F'])}`;
      return `force:param.${name}`;
    }
    case 'query': {
      const [key, value] = rng.pick(f.queryDefects);
      d.query = [...d.query.filter(([k]) => k !== key), [key, value]];
      return `force:query.${key}`;
    }
    case 'idempotency':
      setHeader(d, 'Idempotency-Key', 'not valid');
      return 'force:idempotency';
    default: {
      // Never a credential the server accepts: an unknown key where a key is checked, else a malformed token.
      const value = f.route.access.kind === 'public' ? `Bearer pk_test_${randomWord(rng, 32)}` : f.route.access.kind === 'sandbox' ? 'Bearer pk_x' : 'Bearer x.y.z';
      setHeader(d, 'Authorization', value);
      return 'force:auth';
    }
  }
}

export interface Generated {
  request: FuzzRequest;
  /** The oracle would have accepted it: the route is a read, and the request goes as generated. */
  acceptedRead: boolean;
}

export function generate(
  f: RouteFixture,
  ctx: FuzzContext,
  seed: string,
  index: number,
  host: string,
  mayBeAccepted: (r: WireRequest) => boolean,
): Generated {
  const rng = rngFor(seed, f.route.id, index);
  const d = baseDraft(f, ctx, rng, index);
  const count = rng.chance(0.6) ? 1 : rng.chance(0.75) ? 2 : 3;
  let rawChoice = -1;
  for (let i = 0; i < count; i++) {
    const m = pickMutation(rng, f);
    const detail = m.apply(d, rng, f, ctx);
    if (m.name === 'raw') rawChoice = Number(detail);
    d.tags.push(detail ? `${m.name}(${detail})` : m.name);
  }
  // Reads may stay as generated (their handlers must not write either; the table check holds them to it), but
  // writes and streams never go out while the oracle would accept them. Raw framings carry no accepted credential.
  const mustReject = f.route.method !== 'GET' || f.route.stream === true || rawChoice >= 0;
  const render = (): WireRequest => ({ method: d.method, target: renderTarget(d, f), headers: d.headers, body: renderBody(d) });
  // A corrupted framing may be read in ways the oracle does not model: such a request never carries an accepted credential.
  if (rawChoice >= 0) d.tags.push(forceDefect(d, rng, f, ctx, true));
  let wire = render();
  let accepted = mayBeAccepted(wire);
  for (let attempt = 0; accepted && mustReject && attempt < 5; attempt++) {
    d.tags.push(forceDefect(d, rng, f, ctx, attempt === 4 || rawChoice >= 0));
    wire = render();
    accepted = mayBeAccepted(wire);
  }
  if (accepted && mustReject) throw new Error(`fuzz: could not make request ${index} of ${f.route.id} invalid (${d.tags.join(', ')})`);
  const request: FuzzRequest = { ...wire, route: f.route.id, index, tags: d.tags };
  if (rawChoice >= 0) request.raw = renderRaw(d, f, rawChoice, host);
  return { request, acceptedRead: accepted };
}
