// The demo portal's own script. It signs in with a sandbox token, makes ONE SDK client (with the offline outbox)
// and hands it to <asn-provider>; the components do the rest. A real portal passes its own user's token (or a
// getToken function) instead. `?as=emp_…` signs in as that employee (for a second tab as the supervisor);
// `?lang=en` opens the page in English (the second tab gets the locale chosen in the first).
import { createClient } from '/dist/cdn/pembinaan-asn.js';

/**
 * The page's own text, by locale (the widgets translate themselves). Elements carry `data-i18n="key"` (text)
 * or `data-i18n-aria-label="key"`; index.html holds the Indonesian for the first paint.
 */
const TEXT = {
  id: {
    pageTitle: 'Portal ASN — Pemerintah Kota Sorong (demo)',
    brandSmall: 'Pemerintah Kota Sorong · BKPSDM',
    brandTitle: 'Portal Pengembangan Kompetensi ASN',
    navLabel: 'Menu portal',
    navHome: 'Beranda',
    navAsn: 'Tampilan ASN',
    navSupervisor: 'Tampilan Atasan',
    signinTitle: 'Demo sandbox',
    introBefore: 'Halaman ini meniru portal pemerintah yang menyematkan komponen',
    introAfter:
      'dengan satu tag skrip. Pilih ASN dari data contoh untuk masuk sebagai dia. Untuk melihat alur pembinaan secara langsung, buka tampilan atasan di tab kedua: umpan balik yang ditulis atasan muncul seketika di tab ASN.',
    userLabel: 'Masuk sebagai',
    usersLoading: 'Memuat daftar pegawai…',
    localeLabel: 'Bahasa',
    secondTab: 'Buka tampilan atasan saya di tab baru',
    asnTitle: 'Tampilan ASN: progres, sasaran dan umpan balik saya',
    learningTitle: 'Catat pembelajaran mandiri',
    learningHint: 'Simpan catatan dan kartu progres berubah tanpa memuat ulang halaman.',
    learningTitleLabel: 'Judul kegiatan',
    learningTitleValue: 'Webinar Keamanan Siber untuk ASN',
    learningJpLabel: 'Jam pelajaran (JP)',
    learningCompetencyLabel: 'Jenis kompetensi',
    technical: 'Teknis',
    managerial: 'Manajerial',
    socioCultural: 'Sosial kultural',
    learningSave: 'Simpan',
    supervisorTitle: 'Tampilan atasan: tim saya',
    teamHint: 'Masuk sebagai pegawai yang memiliki bawahan (atasan) untuk melihat tim dan memberi umpan balik.',
    feedbackPick: 'Pilih baris pegawai di tabel tim (Enter atau klik) untuk memberi umpan balik.',
    navAdmin: 'Tampilan Admin',
    adminTitle: 'Tampilan admin: program, lamaran magang dan mitra',
    adminHint: 'Masuk sebagai admin BKPSDM untuk mencatat kehadiran, menyelesaikan program pelatihan dan meninjau lamaran magang.',
    programLabel: 'Program pelatihan',
    applicationsTitle: 'Lamaran magang mahasiswa',
    partnersTitle: 'Mitra dan perjanjian kerja sama',
    universityLink: 'Halaman kampus mitra: lowongan dan formulir magang (origin dan CSP sendiri)',
    programOption: (title, enrolled, capacity) => `${title} (${enrolled}/${capacity} kursi)`,
    footer:
      'Data contoh (sandbox). 1 JP = 45 menit · Setiap PNS berhak dan wajib mengikuti pengembangan kompetensi paling sedikit 20 JP per tahun (PP 17/2020).',
    roleEmployee: 'ASN',
    roleSupervisor: 'Atasan',
    roleAdmin: 'Admin BKPSDM',
    signingIn: 'Masuk…',
    signedInAs: (name, role) => `Masuk sebagai ${name} (${role}).`,
    unreachable: (detail) => `Server sandbox tidak dapat dihubungi: ${detail}`,
    feedbackFor: (name) => `Umpan balik untuk ${name}`,
    saving: 'Menyimpan…',
    saved: 'Tersimpan. Kartu progres diperbarui secara langsung.',
    saveFailed: (detail) => `Gagal menyimpan: ${detail}`,
  },
  en: {
    pageTitle: 'Civil Servant Portal — Sorong City Government (demo)',
    brandSmall: 'Sorong City Government · BKPSDM',
    brandTitle: 'Civil Servant Competency Development Portal',
    navLabel: 'Portal menu',
    navHome: 'Home',
    navAsn: 'Civil servant view',
    navSupervisor: 'Supervisor view',
    signinTitle: 'Sandbox demo',
    introBefore: 'This page imitates a government portal that embeds the',
    introAfter:
      'components with one script tag. Choose a civil servant from the sample data to sign in as them. To watch coaching happen live, open the supervisor view in a second tab: feedback the supervisor writes appears at once in the civil servant’s tab.',
    userLabel: 'Sign in as',
    usersLoading: 'Loading employees…',
    localeLabel: 'Language',
    secondTab: 'Open my supervisor’s view in a new tab',
    asnTitle: 'Civil servant view: my progress, goals and feedback',
    learningTitle: 'Record self-directed learning',
    learningHint: 'Save a record and the progress card changes without reloading the page.',
    learningTitleLabel: 'Activity title',
    learningTitleValue: 'Cyber Security Webinar for Civil Servants',
    learningJpLabel: 'Lesson hours (JP)',
    learningCompetencyLabel: 'Competency type',
    technical: 'Technical',
    managerial: 'Managerial',
    socioCultural: 'Socio-cultural',
    learningSave: 'Save',
    supervisorTitle: 'Supervisor view: my team',
    teamHint: 'Sign in as an employee who has staff (a supervisor) to see the team and give feedback.',
    feedbackPick: 'Choose an employee’s row in the team table (Enter or click) to give feedback.',
    navAdmin: 'Admin view',
    adminTitle: 'Admin view: programs, internship applications and partners',
    applicationsTitle: 'Student internship applications',
    partnersTitle: 'Partners and cooperation agreements',
    universityLink: 'A partner university’s page: openings and the internship form (its own origin and CSP)',
    adminHint: 'Sign in as a BKPSDM admin to record attendance, complete training programs and review internship applications.',
    programLabel: 'Training program',
    programOption: (title, enrolled, capacity) => `${title} (${enrolled}/${capacity} seats)`,
    footer:
      'Sample data (sandbox). 1 JP = 45 minutes · Every civil servant has the right and the duty to at least 20 JP of competency development a year (PP 17/2020).',
    roleEmployee: 'Civil servant',
    roleSupervisor: 'Supervisor',
    roleAdmin: 'BKPSDM admin',
    signingIn: 'Signing in…',
    signedInAs: (name, role) => `Signed in as ${name} (${role}).`,
    unreachable: (detail) => `Cannot reach the sandbox server: ${detail}`,
    feedbackFor: (name) => `Feedback for ${name}`,
    saving: 'Saving…',
    saved: 'Saved. The progress card was updated live.',
    saveFailed: (detail) => `Could not save: ${detail}`,
  },
};
const LOCALES = Object.keys(TEXT);
const params = new URLSearchParams(location.search);
let locale = LOCALES.includes(params.get('lang')) ? params.get('lang') : 'id';
/** A text of the current locale; a function entry is called with `args` (a function arg is itself a text, called now). */
const t = (key, ...args) => {
  const entry = TEXT[locale][key];
  return typeof entry === 'function' ? entry(...args.map((arg) => (typeof arg === 'function' ? arg() : arg))) : entry;
};

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
const adminHint = document.getElementById('admin-hint');
const adminWidgets = document.getElementById('admin-widgets');
const programSelect = document.getElementById('program-select');
const roster = document.getElementById('roster');
/** The programs an admin can open in the roster (the select's options). */
let programs = [];

const api = location.origin;
// The sandbox serves the university's page on the next port: another origin, as a university's site is.
document.getElementById('university-link').href = `${location.protocol}//${location.hostname}:${Number(location.port || 80) + 1}/`;
provider.setAttribute('base-url', api);
const roleKey = { employee: 'roleEmployee', supervisor: 'roleSupervisor', admin: 'roleAdmin' };
const roleLabel = (role) => t(roleKey[role]);
let token = null;
/** One client for the whole page: the widgets and this script share its cache, event stream and outbox. */
let client = null;
const wanted = params.get('as');
let users = [];
let supervisorId = null;
/** What each status line or heading says, as [key, ...args], so a change of language can say it again. */
const said = new Map();

function say(element, key, ...args) {
  said.set(element, [key, ...args]);
  element.textContent = t(key, ...args);
}

/** Applies `locale` to the page around the widgets, to the widgets (through the provider) and to the links. */
function applyLocale(next) {
  locale = next;
  localeSelect.value = next;
  document.documentElement.lang = next;
  provider.setAttribute('locale', next);
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  // A sample value the visitor has not changed follows the language; an edited one is theirs.
  for (const el of document.querySelectorAll('[data-i18n-value]')) {
    const key = el.dataset.i18nValue;
    if (LOCALES.some((l) => el.value === TEXT[l][key])) el.value = t(key);
  }
  for (const [element, [key, ...args]] of said) element.textContent = t(key, ...args);
  renderUsers();
  renderPrograms();
  updateSecondTab();
  // A reload keeps the language.
  const url = new URL(location.href);
  url.searchParams.set('lang', next);
  history.replaceState(history.state, '', url);
}

function updateSecondTab() {
  secondTab.hidden = !supervisorId;
  if (supervisorId) {
    const query = new URLSearchParams({ as: supervisorId, lang: locale });
    secondTab.href = `/?${query}#atasan`;
  }
}

async function json(response) {
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(body.detail || body.title || `HTTP ${response.status}`);
  return body;
}

function renderUsers() {
  if (!users.length) return;
  const chosen = userSelect.value;
  userSelect.replaceChildren(
    ...users.map((user) => {
      const option = document.createElement('option');
      option.value = user.id;
      option.textContent = `${user.name} — ${user.position} (${roleLabel(user.role)}, ${user.unit.name})`;
      return option;
    }),
  );
  if (chosen && !users.some((u) => u.id === chosen)) userSelect.add(new Option(chosen, chosen));
  if (chosen) userSelect.value = chosen;
}

async function loadUsers() {
  users = [];
  let cursor = null;
  do {
    const query = new URLSearchParams({ limit: '100', ...(cursor ? { cursor } : {}) });
    const page = await json(await fetch(`${api}/v1/sandbox/users?${query}`));
    users.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor && users.length < 300);
  renderUsers();
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
  say(signinStatus, 'signingIn');
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
  say(signinStatus, 'signedInAs', employee.name, () => roleLabel(employee.role));
  showTeam(employee.role !== 'employee');
  await showAdmin(employee.role === 'admin');
  supervisorId = employee.supervisorId ?? null;
  updateSecondTab();
}

function showTeam(isSupervisor) {
  teamHint.hidden = isSupervisor;
  teamWidgets.hidden = !isSupervisor;
  feedbackPanel.hidden = true;
  feedbackPick.hidden = false;
  feedbackForm.removeAttribute('employee');
}

function renderPrograms() {
  const chosen = programSelect.value;
  programSelect.replaceChildren(...programs.map((p) => new Option(t('programOption', p.title, p.enrolled, p.capacity), p.id)));
  if (chosen) programSelect.value = chosen;
}

/** The admin view: the roster of a program (attendance, completion); only an admin (or a program's organiser) may open it. */
async function showAdmin(isAdmin) {
  adminHint.hidden = isAdmin;
  adminWidgets.hidden = !isAdmin;
  const reviewSlot = document.getElementById('review-slot');
  if (!isAdmin) {
    roster.removeAttribute('program');
    reviewSlot.replaceChildren();
    return;
  }
  if (!reviewSlot.firstElementChild) reviewSlot.append(document.createElement('asn-application-review'));
  programs = [];
  for await (const p of client.programs.all({ limit: 100 })) programs.push(p);
  renderPrograms();
  // Start with a program that has people and is not closed yet: attendance to mark.
  const first = programs.find((p) => p.enrolled > 0 && (p.status === 'open' || p.status === 'closed')) ?? programs[0];
  if (first) programSelect.value = first.id;
  roster.setAttribute('program', programSelect.value);
}
programSelect.addEventListener('change', () => roster.setAttribute('program', programSelect.value));

// Choosing a row in the team table opens the feedback form for that employee.
document.addEventListener('asn-employee-selected', (event) => {
  const { employeeId, member } = event.detail;
  feedbackForm.setAttribute('employee', employeeId);
  say(feedbackFor, 'feedbackFor', member.employee.name);
  feedbackPanel.hidden = false;
  feedbackPick.hidden = true;
  feedbackPanel.scrollIntoView({ block: 'nearest' });
});

userSelect.addEventListener('change', () =>
  signIn(userSelect.value).catch((e) => {
    said.delete(signinStatus);
    signinStatus.textContent = e.message;
  }),
);
localeSelect.addEventListener('change', () => applyLocale(localeSelect.value));

learningForm.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (!token) return;
  const data = new FormData(learningForm);
  const button = learningForm.querySelector('button');
  button.disabled = true;
  say(learningStatus, 'saving');
  try {
    // Through the SDK, so cached reads are invalidated and every widget showing this data refreshes.
    await client.learning.create('me', {
      title: String(data.get('title')),
      jp: Number(data.get('jp')),
      competency: String(data.get('competency')),
      completedAt: new Date().toISOString(),
    });
    say(learningStatus, 'saved');
  } catch (error) {
    say(learningStatus, 'saveFailed', error.message);
  } finally {
    button.disabled = false;
  }
});

if (locale !== 'id') applyLocale(locale);
try {
  await loadUsers();
  if (userSelect.value) await signIn(userSelect.value);
} catch (error) {
  say(signinStatus, 'unreachable', error.message);
}
