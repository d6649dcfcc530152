// The demo portal's own script. It signs in with a sandbox token and hands it to <asn-provider>; the
// components do the rest. A real portal passes its own user's token (or a getToken function) instead.
import { createClient } from '/dist/cdn/pembinaan-asn.js';

const provider = document.getElementById('provider');
const userSelect = document.getElementById('user-select');
const localeSelect = document.getElementById('locale-select');
const signinStatus = document.getElementById('signin-status');
const learningForm = document.getElementById('learning-form');
const learningStatus = document.getElementById('learning-status');

const api = location.origin;
provider.setAttribute('base-url', api);
const roleLabel = { employee: 'ASN', supervisor: 'Atasan', admin: 'Admin BKPSDM' };
let token = null;

async function json(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  return body;
}

async function loadUsers() {
  const users = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
    const page = await json(await fetch(`${api}/v1/sandbox/users?${query}`));
    users.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && users.length < 300);
  userSelect.replaceChildren(
    ...users.map((user) => {
      const option = document.createElement('option');
      option.value = user.id;
      option.textContent = `${user.name} — ${user.position} (${roleLabel[user.role]}, ${user.unit.name})`;
      return option;
    }),
  );
  // Start as an ASN who has a supervisor, like most visitors of the portal.
  const first = users.find((u) => u.role === 'employee' && u.supervisorId) ?? users[0];
  if (first) userSelect.value = first.id;
}

async function signIn(employeeId) {
  signinStatus.textContent = 'Masuk…';
  const session = await json(
    await fetch(`${api}/v1/sandbox/tokens`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ employeeId }),
    }),
  );
  token = session.token;
  provider.token = token;
  signinStatus.textContent = `Masuk sebagai ${session.employee.name} (${roleLabel[session.employee.role]}).`;
}

userSelect.addEventListener('change', () => signIn(userSelect.value).catch((e) => (signinStatus.textContent = e.message)));
localeSelect.addEventListener('change', () => {
  provider.setAttribute('locale', localeSelect.value);
  document.documentElement.lang = localeSelect.value;
});

learningForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!token) return;
  const data = new FormData(learningForm);
  const button = learningForm.querySelector('button');
  button.disabled = true;
  learningStatus.textContent = 'Menyimpan…';
  try {
    // Through the SDK, so cached reads are invalidated and every widget showing this data refreshes.
    const client = provider.client ?? createClient({ baseUrl: api, token });
    await client.learning.create('me', {
      title: String(data.get('title')),
      jp: Number(data.get('jp')),
      competency: String(data.get('competency')),
      completedAt: new Date().toISOString(),
    });
    learningStatus.textContent = 'Tersimpan. Kartu progres diperbarui secara langsung.';
  } catch (error) {
    learningStatus.textContent = `Gagal menyimpan: ${error.message}`;
  } finally {
    button.disabled = false;
  }
});

try {
  await loadUsers();
  if (userSelect.value) await signIn(userSelect.value);
} catch (error) {
  signinStatus.textContent = `Server sandbox tidak dapat dihubungi: ${error.message}`;
}
