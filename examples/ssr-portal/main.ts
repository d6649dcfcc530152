// Runs the SSR portal against a sandbox API (`npm start` serves one on http://127.0.0.1:8787):
//   npx vite build examples/ssr-portal --outDir ../../.tmp/examples/ssr-portal && npx tsx examples/ssr-portal/main.ts
// The sandbox token of a seeded ASN stands in for the portal's session (docs/embedding/ssr.md).
import { startSsrPortal } from './server.js';

const apiUrl = process.env.API_URL ?? 'http://127.0.0.1:8787';
const users = (await (await fetch(`${apiUrl}/v1/sandbox/users?limit=100`)).json()) as { data: Array<{ id: string; role: string; supervisorId: string | null }> };
// An ASN with a supervisor (feedback to show), as the demo portal starts with.
const employeeId = process.env.EMPLOYEE_ID ?? users.data.find((u) => u.role === 'employee' && u.supervisorId)?.id;
const tokenResponse = await fetch(`${apiUrl}/v1/sandbox/tokens`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ employeeId }),
});
if (!tokenResponse.ok) throw new Error(`no sandbox token for ${employeeId}: ${tokenResponse.status}`);
const { token } = (await tokenResponse.json()) as { token: string };
const portal = await startSsrPortal({ apiUrl, token, port: Number(process.env.PORT ?? 5180) });
console.log(`SSR portal on ${portal.url} (as ${employeeId}, API ${apiUrl})`);
