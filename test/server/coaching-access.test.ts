// Who may do what in the coaching loop: one test per cell that matters.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { problemTypes } from '../../src/contract/index.js';
import { startServer, type TestServer } from '../../server/testing.js';
import { expectProblem } from './helpers.js';
import { caller, castOf, feedbackBody, goalBody, type Cast } from './coaching-helpers.js';

describe('coaching: who may do what', () => {
  let server: TestServer;
  let cast: Cast;
  let goalId: string;
  type Call = ReturnType<typeof caller>;
  let as: Record<'asn' | 'supervisor' | 'skipLevel' | 'colleague' | 'admin', Call>;

  before(async () => {
    server = await startServer({ quiet: true });
    cast = await castOf(server);
    as = {
      asn: caller(server, cast.asn.token),
      supervisor: caller(server, cast.supervisor.token),
      skipLevel: caller(server, cast.skipLevel.token),
      colleague: caller(server, cast.colleague.token),
      admin: caller(server, cast.admin.token),
    };
    const res = await as.asn('POST', '/v1/employees/me/goals', goalBody());
    assert.equal(res.status, 201, await res.clone().text());
    goalId = (await res.json()).id;
  });
  after(() => server.close());

  const forbidden = async (res: Response) => {
    const p = await expectProblem(res, 403);
    assert.equal(p.type, problemTypes.forbidden);
  };

  describe('goals', () => {
    it('list: the owner (also as "me"), the direct supervisor and an admin read them', async () => {
      for (const [who, path] of [
        ['asn', `/v1/employees/${cast.asn.id}/goals`],
        ['asn', '/v1/employees/me/goals'],
        ['supervisor', `/v1/employees/${cast.asn.id}/goals`],
        ['admin', `/v1/employees/${cast.asn.id}/goals`],
      ] as const) {
        const res = await as[who]('GET', path);
        assert.equal(res.status, 200, `${who}: ${await res.clone().text()}`);
        const body = await res.json();
        assert.ok(body.data.some((g: { id: string }) => g.id === goalId), `${who} sees the goal`);
      }
    });

    it('list: a colleague and a skip-level supervisor get 403', async () => {
      await forbidden(await as.colleague('GET', `/v1/employees/${cast.asn.id}/goals`));
      await forbidden(await as.skipLevel('GET', `/v1/employees/${cast.asn.id}/goals`));
    });

    it('list of an unknown employee: 403 for a non-admin (no leak), 404 for an admin', async () => {
      await forbidden(await as.asn('GET', '/v1/employees/emp_doesnotexist1/goals'));
      await expectProblem(await as.admin('GET', '/v1/employees/emp_doesnotexist1/goals'), 404);
    });

    it('create: the owner and an admin may; the supervisor and a colleague get 403', async () => {
      assert.equal((await as.admin('POST', `/v1/employees/${cast.asn.id}/goals`, goalBody({ title: 'Ditetapkan admin' }))).status, 201);
      await forbidden(await as.supervisor('POST', `/v1/employees/${cast.asn.id}/goals`, goalBody()));
      await forbidden(await as.colleague('POST', `/v1/employees/${cast.asn.id}/goals`, goalBody()));
      await forbidden(await as.asn('POST', '/v1/employees/emp_doesnotexist1/goals', goalBody()));
      await expectProblem(await as.admin('POST', '/v1/employees/emp_doesnotexist1/goals', goalBody()), 404);
    });

    it('patch: the owner and an admin may; the supervisor (read-only) and a colleague get 403', async () => {
      const read = async () => (await (await as.asn('GET', '/v1/employees/me/goals')).json()).data.find((g: { id: string }) => g.id === goalId);
      let goal = await read();
      await forbidden(await as.supervisor('PATCH', `/v1/goals/${goalId}`, { version: goal.version, title: 'Diubah atasan' }));
      await forbidden(await as.colleague('PATCH', `/v1/goals/${goalId}`, { version: goal.version, title: 'Diubah rekan' }));
      assert.equal((await read()).version, goal.version, 'a refused patch changes nothing');
      const own = await as.asn('PATCH', `/v1/goals/${goalId}`, { version: goal.version, title: 'Diubah pemilik' });
      assert.equal(own.status, 200, await own.clone().text());
      goal = await own.json();
      const admin = await as.admin('PATCH', `/v1/goals/${goalId}`, { version: goal.version, title: 'Diubah admin' });
      assert.equal(admin.status, 200);
      assert.equal((await admin.json()).title, 'Diubah admin');
    });

    it('an unknown goal id: 403 for a non-admin (the same answer as a goal they may not see), 404 for an admin', async () => {
      await forbidden(await as.asn('PATCH', '/v1/goals/goal_doesnotexist1', { version: 1, title: 'Tidak ada' }));
      await forbidden(await as.asn('GET', '/v1/goals/goal_doesnotexist1/check-ins'));
      await forbidden(await as.asn('POST', '/v1/goals/goal_doesnotexist1/check-ins', { value: 1 }));
      await expectProblem(await as.admin('PATCH', '/v1/goals/goal_doesnotexist1', { version: 1, title: 'Tidak ada' }), 404);
      await expectProblem(await as.admin('GET', '/v1/goals/goal_doesnotexist1/check-ins'), 404);
    });
  });

  describe('check-ins', () => {
    it('create: only the owner; the supervisor, a colleague and an admin get 403', async () => {
      await forbidden(await as.supervisor('POST', `/v1/goals/${goalId}/check-ins`, { value: 1 }));
      await forbidden(await as.colleague('POST', `/v1/goals/${goalId}/check-ins`, { value: 1 }));
      await forbidden(await as.admin('POST', `/v1/goals/${goalId}/check-ins`, { value: 1 }));
      const res = await as.asn('POST', `/v1/goals/${goalId}/check-ins`, { value: 2, note: 'Dua modul selesai' });
      assert.equal(res.status, 201, await res.clone().text());
    });

    it('list: the owner, the supervisor and an admin read; a colleague and a skip-level supervisor get 403', async () => {
      for (const who of ['asn', 'supervisor', 'admin'] as const) {
        const res = await as[who]('GET', `/v1/goals/${goalId}/check-ins`);
        assert.equal(res.status, 200, who);
        assert.ok((await res.json()).data.length >= 1, `${who} sees the check-in`);
      }
      await forbidden(await as.colleague('GET', `/v1/goals/${goalId}/check-ins`));
      await forbidden(await as.skipLevel('GET', `/v1/goals/${goalId}/check-ins`));
    });
  });

  describe('feedback', () => {
    const url = () => `/v1/employees/${cast.asn.id}/feedback`;

    it('create: the direct supervisor and an admin may', async () => {
      const sup = await as.supervisor('POST', url(), feedbackBody());
      assert.equal(sup.status, 201, await sup.clone().text());
      assert.equal((await sup.json()).authorId, cast.supervisor.id);
      const admin = await as.admin('POST', url(), feedbackBody({ kind: 'guidance', rating: null }));
      assert.equal(admin.status, 201);
    });

    it('create: 403 for a colleague, for the employee to themselves, for a skip-level supervisor, and upwards', async () => {
      await forbidden(await as.colleague('POST', url(), feedbackBody()));
      await forbidden(await as.asn('POST', url(), feedbackBody()));
      await forbidden(await as.asn('POST', '/v1/employees/me/feedback', feedbackBody()));
      await forbidden(await as.skipLevel('POST', url(), feedbackBody()));
      await forbidden(await as.asn('POST', `/v1/employees/${cast.supervisor.id}/feedback`, feedbackBody()));
      await forbidden(await as.admin('POST', '/v1/employees/me/feedback', feedbackBody()));
    });

    it('create for an unknown employee: 403 for a supervisor, 404 for an admin', async () => {
      await forbidden(await as.supervisor('POST', '/v1/employees/emp_doesnotexist1/feedback', feedbackBody()));
      await expectProblem(await as.admin('POST', '/v1/employees/emp_doesnotexist1/feedback', feedbackBody()), 404);
    });

    it('list: the recipient, the supervisor and an admin read; a colleague and a skip-level supervisor get 403', async () => {
      for (const who of ['asn', 'supervisor', 'admin'] as const) assert.equal((await as[who]('GET', url())).status, 200, who);
      await forbidden(await as.colleague('GET', url()));
      await forbidden(await as.skipLevel('GET', url()));
    });

    it('acknowledge: only the recipient (403 for the author, a colleague, an admin); twice → 409', async () => {
      const created = await (await as.supervisor('POST', url(), feedbackBody({ message: 'Untuk dikonfirmasi' }))).json();
      const ack = `/v1/feedback/${created.id}/acknowledge`;
      const byAuthor = await expectProblem(await as.supervisor('POST', ack, {}), 403);
      assert.match(byAuthor.detail ?? '', /recipient/);
      await forbidden(await as.colleague('POST', ack, {}));
      await forbidden(await as.admin('POST', ack, {}));
      const ok = await as.asn('POST', ack, { response: 'Siap, terima kasih.' });
      assert.equal(ok.status, 200, await ok.clone().text());
      const body = await ok.json();
      assert.ok(body.acknowledgedAt);
      assert.equal(body.response, 'Siap, terima kasih.');
      const again = await expectProblem(await as.asn('POST', ack, {}), 409);
      assert.equal(again.type, problemTypes.conflict);
    });

    it('acknowledge an unknown feedback: 403 for a non-admin, 404 for an admin', async () => {
      await forbidden(await as.asn('POST', '/v1/feedback/fb_doesnotexist1/acknowledge', {}));
      await expectProblem(await as.admin('POST', '/v1/feedback/fb_doesnotexist1/acknowledge', {}), 404);
    });
  });

  describe('team', () => {
    it('the supervisor lists their own team (also as "me"); an admin lists anyone\'s', async () => {
      for (const [who, path] of [
        ['supervisor', '/v1/employees/me/team'],
        ['supervisor', `/v1/employees/${cast.supervisor.id}/team`],
        ['admin', `/v1/employees/${cast.supervisor.id}/team`],
      ] as const) {
        const res = await as[who]('GET', path);
        assert.equal(res.status, 200, `${who} ${path}`);
        const ids = (await res.json()).data.map((m: { employee: { id: string } }) => m.employee.id);
        assert.ok(ids.includes(cast.asn.id), `${who} sees the ASN in the team`);
      }
    });

    it("403 for another person's team: the ASN, a colleague, and the skip-level supervisor", async () => {
      await forbidden(await as.asn('GET', `/v1/employees/${cast.supervisor.id}/team`));
      await forbidden(await as.colleague('GET', `/v1/employees/${cast.supervisor.id}/team`));
      await forbidden(await as.skipLevel('GET', `/v1/employees/${cast.supervisor.id}/team`));
      await forbidden(await as.supervisor('GET', '/v1/employees/emp_doesnotexist1/team'));
      await expectProblem(await as.admin('GET', '/v1/employees/emp_doesnotexist1/team'), 404);
    });

    it('scope=all: admins only (403 for a supervisor); an admin gets every employee', async () => {
      await forbidden(await as.supervisor('GET', '/v1/employees/me/team?scope=all'));
      await forbidden(await as.asn('GET', '/v1/employees/me/team?scope=all'));
      const res = await as.admin('GET', '/v1/employees/me/team?scope=all&limit=500');
      assert.equal(res.status, 200);
      const body = await res.json();
      const { n } = await server.deps.db.selectFrom('employees').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      assert.equal(body.data.length, Number(n));
      assert.equal(body.nextCursor, null);
    });

    it('an ASN without reports gets an empty team of their own', async () => {
      const res = await as.asn('GET', '/v1/employees/me/team');
      assert.equal(res.status, 200);
      assert.deepEqual((await res.json()).data, []);
    });
  });
});
