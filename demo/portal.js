// The demo portal's own script. It signs in with a sandbox token, makes ONE SDK client (with the offline outbox)
// and hands it to <asn-provider>; the components do the rest. A real portal passes its own user's token (or a
// getToken function) instead. `?as=emp_…` signs in as that employee (for a second tab as the supervisor).
import { createClient } from '/dist/cdn/pembinaan-asn.js';

const provider = document.getElementById('provider');
const userSelect = document.getElementById('user-select');
const localeSelect = document.getElementById('locale-select');
const signinStatus = document.getElementById('signin-status');
const learningForm = document.getElementById('learning-form');
const learningStatus = document.getElementById('learning-status');
const secondTab = document.getElementById('second-tab');
const teamHint = document.getElementById('team-hint');
const teamWidgets = document.getElementById('team-widgets');
const feedbackPanel = document.getElementById('feedback-panel');
const feedbackFor = document.getElementById('feedback-for');
const feedbackForm = document.getElementById('feedback-form');
const feedbackPick = document.getElementById('feedback-pick');

const api = location.origin;
provider.setAttribute('base-url', api);
const roleLabel = { employee: 'ASN', supervisor: 'Atasan', admin: 'Admin BKPSDM' };
let token = null;
/** One client for the whole page: the widgets and this script share its cache, event stream and outbox. */
let client = null;
const wanted = new URLSearchParams(location.search).get('as');

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
  if (wanted && /^emp_[A-Za-z0-9]+$/.test(wanted)) {
    if (!users.some((u) => u.id === wanted)) userSelect.add(new Option(wanted, wanted));
    userSelect.value = wanted;
    return;
  }
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
  if (!client) {
    client = createClient({ baseUrl: api, token, outbox: true });
    provider.client = client;
  } else {
    provider.token = token; // the provider passes it to client.setToken(); the widgets re-fetch as this user
  }
  const { employee } = session;
  signinStatus.textContent = `Masuk sebagai ${employee.name} (${roleLabel[employee.role]}).`;
  showTeam(employee.role !== 'employee');
  secondTab.hidden = !employee.supervisorId;
  if (employee.supervisorId) secondTab.href = `/?as=${encodeURIComponent(employee.supervisorId)}#atasan`;
}

function showTeam(isSupervisor) {
  teamHint.hidden = isSupervisor;
  teamWidgets.hidden = !isSupervisor;
  feedbackPanel.hidden = true;
  feedbackPick.hidden = false;
  feedbackForm.removeAttribute('employee');
}

// Choosing a row in the team table opens the feedback form for that employee.
document.addEventListener('asn-employee-selected', (event) => {
  const { employeeId, member } = event.detail;
  feedbackForm.setAttribute('employee', employeeId);
  feedbackFor.textContent = `Umpan balik untuk ${member.employee.name}`;
  feedbackPanel.hidden = false;
  feedbackPick.hidden = true;
  feedbackPanel.scrollIntoView({ block: 'nearest' });
});

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
