// The student's private link (GET /applications/private#<token>): status, contact correction and withdrawal.
// The token is in the URL's fragment, which browsers never send to a server (no logs, no Referer). Everything the
// API returns is put in the page as text (textContent), never as HTML. Indonesian, English with `?lang=en`.
'use strict';

(() => {
  const lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'id';
  document.documentElement.lang = lang;

  const T = {
    id: {
      title: 'Lamaran magang Anda',
      docTitle: 'Lamaran magang Anda — BKPSDM Kota Sorong',
      loading: 'Memuat lamaran…',
      badLink: 'Tautan ini tidak lengkap atau tidak dikenal. Buka tautan pribadi persis seperti yang Anda terima saat melamar.',
      notFound: 'Tautan ini tidak dikenal. Periksa bahwa Anda membuka tautan pribadi persis seperti yang Anda terima saat melamar.',
      failed: 'Lamaran tidak dapat dimuat sekarang. Periksa sambungan Anda, lalu muat ulang halaman.',
      tooMany: 'Terlalu banyak percobaan. Tunggu sebentar, lalu coba lagi.',
      keep: 'Simpan tautan halaman ini dan jangan bagikan: siapa pun yang memegangnya dapat melihat lamaran Anda.',
      reference: 'Nomor referensi',
      opening: 'Lowongan',
      partner: 'Kampus',
      status: 'Status',
      sent: 'Dikirim',
      notice: 'Versi pemberitahuan privasi yang Anda setujui',
      statuses: { submitted: 'Terkirim, menunggu ditinjau', reviewing: 'Sedang ditinjau', accepted: 'Diterima', rejected: 'Tidak diterima', withdrawn: 'Ditarik' },
      erased: (at) => `Data pribadi Anda dihapus pada ${at}. Yang tersisa hanya nomor referensi, lowongan, kampus, dan catatan bahwa lamaran ini ditarik atau masa simpannya berakhir.`,
      yourData: 'Data Anda',
      correct: 'Perbaiki data kontak',
      correctHelp: 'Ubah yang perlu diperbaiki, lalu simpan. Untuk perbaikan NIM atau motivasi, kirim email ke BKPSDM dengan menyebutkan nomor referensi.',
      name: 'Nama lengkap',
      studyProgram: 'Program studi',
      semester: 'Semester',
      email: 'Email',
      phone: 'Nomor ponsel',
      phoneHint: 'Contoh: 0812 3456 7890',
      nim: 'NIM',
      save: 'Simpan perbaikan',
      saving: 'Menyimpan…',
      saved: 'Perbaikan tersimpan.',
      nothing: 'Tidak ada yang berubah.',
      fix: 'Ada isian yang belum diterima. Periksa kolom yang ditandai.',
      fieldErrors: {
        name: 'Isi nama lengkap (2–120 karakter).',
        studyProgram: 'Isi program studi (2–120 karakter).',
        semester: 'Isi semester dengan angka 1 sampai 14.',
        email: 'Isi alamat email yang benar, misalnya nama@contoh.ac.id.',
        phone: 'Isi nomor ponsel Indonesia, misalnya 0812 3456 7890 atau +62 812 3456 7890.',
      },
      withdrawTitle: 'Tarik lamaran',
      withdrawHelp: 'Jika Anda menarik lamaran, pemrosesan langsung berhenti dan data pribadi Anda dihapus saat itu juga. Ini tidak dapat dibatalkan.',
      withdraw: 'Tarik lamaran…',
      confirm: 'Ya, tarik lamaran dan hapus data saya',
      cancel: 'Batal',
      confirmText: 'Yakin? Lamaran akan ditarik dan data pribadi Anda dihapus sekarang.',
      withdrawing: 'Menarik lamaran…',
      withdrawn: 'Lamaran Anda sudah ditarik dan data pribadi Anda sudah dihapus.',
      conflict: 'Lamaran ini berubah atau sudah ditarik. Muat ulang halaman untuk melihat keadaannya sekarang.',
      switchTo: 'English',
    },
    en: {
      title: 'Your internship application',
      docTitle: 'Your internship application — BKPSDM Kota Sorong',
      loading: 'Loading the application…',
      badLink: 'This link is incomplete or unknown. Open the private link exactly as you received it when you applied.',
      notFound: 'This link is not known. Check that you opened the private link exactly as you received it when you applied.',
      failed: 'The application cannot be loaded now. Check your connection, then reload the page.',
      tooMany: 'Too many attempts. Wait a moment, then try again.',
      keep: 'Keep the address of this page and do not share it: anyone holding it can see your application.',
      reference: 'Reference',
      opening: 'Opening',
      partner: 'University',
      status: 'Status',
      sent: 'Sent',
      notice: 'Version of the privacy notice you agreed to',
      statuses: { submitted: 'Sent, waiting for review', reviewing: 'Being reviewed', accepted: 'Accepted', rejected: 'Not accepted', withdrawn: 'Withdrawn' },
      erased: (at) => `Your personal data was erased on ${at}. Only the reference, the opening, the university and the fact that the application was withdrawn or its retention ended remain.`,
      yourData: 'Your data',
      correct: 'Correct your contact data',
      correctHelp: 'Change what needs correcting, then save. To correct your NIM or motivation, e-mail BKPSDM quoting the reference.',
      name: 'Full name',
      studyProgram: 'Study program',
      semester: 'Semester',
      email: 'E-mail',
      phone: 'Mobile number',
      phoneHint: 'For example: 0812 3456 7890',
      nim: 'NIM',
      save: 'Save corrections',
      saving: 'Saving…',
      saved: 'Corrections saved.',
      nothing: 'Nothing changed.',
      fix: 'Some fields were not accepted. Check the marked fields.',
      fieldErrors: {
        name: 'Enter your full name (2–120 characters).',
        studyProgram: 'Enter your study program (2–120 characters).',
        semester: 'Enter the semester as a number from 1 to 14.',
        email: 'Enter a valid e-mail address, such as name@example.ac.id.',
        phone: 'Enter an Indonesian mobile number, such as 0812 3456 7890 or +62 812 3456 7890.',
      },
      withdrawTitle: 'Withdraw the application',
      withdrawHelp: 'If you withdraw, processing stops at once and your personal data is erased at that moment. This cannot be undone.',
      withdraw: 'Withdraw the application…',
      confirm: 'Yes, withdraw and erase my data',
      cancel: 'Cancel',
      confirmText: 'Are you sure? The application will be withdrawn and your personal data erased now.',
      withdrawing: 'Withdrawing…',
      withdrawn: 'Your application was withdrawn and your personal data erased.',
      conflict: 'This application changed or was withdrawn. Reload the page to see where it stands now.',
      switchTo: 'Bahasa Indonesia',
    },
  }[lang];

  const main = document.getElementById('app');
  const token = location.hash.replace(/^#/, '');
  const api = `/v1/applications/private/${encodeURIComponent(token)}`;
  const when = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Jayapura' });
  const formatTime = (iso) => `${when.format(new Date(iso))} WIT`;

  document.title = T.docTitle;

  /** An element with attributes and children; strings become text nodes (never HTML). */
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value === false || value === null || value === undefined) continue;
      node.setAttribute(name, value === true ? '' : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return node;
  }

  function languageSwitch() {
    const nav = document.querySelector('.lang');
    const url = new URL(location.href);
    url.searchParams.set('lang', lang === 'en' ? 'id' : 'en');
    nav.replaceChildren(el('a', { href: `${url.pathname}${url.search}${url.hash}`, hreflang: lang === 'en' ? 'id' : 'en' }, T.switchTo));
  }

  function show(...children) {
    main.replaceChildren(el('h1', {}, T.title), ...children);
  }

  async function call(method, path, body) {
    const res = await fetch(path, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    let json = null;
    try {
      json = await res.json();
    } catch {
      json = null;
    }
    return { status: res.status, ok: res.ok, json };
  }

  const problemText = (status) => (status === 404 ? T.notFound : status === 409 ? T.conflict : status === 429 ? T.tooMany : T.failed);

  function summary(view) {
    const rows = [
      [T.reference, view.reference],
      [T.opening, view.openingTitle],
      [T.partner, view.partnerName],
      [T.status, T.statuses[view.status] || view.status],
      [T.sent, formatTime(view.createdAt)],
      [T.notice, view.notice.version],
    ];
    return el('dl', { class: 'summary' }, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
  }

  function field(name, label, value, attrs, hint) {
    const id = `f-${name}`;
    const hintId = hint ? `${id}-hint` : null;
    const errorId = `${id}-error`;
    return el(
      'div',
      { class: 'field' },
      el('label', { for: id }, label),
      hint ? el('p', { class: 'hint', id: hintId }, hint) : null,
      el('input', { id, name, value: value === null || value === undefined ? '' : String(value), 'aria-describedby': [hintId, errorId].filter(Boolean).join(' '), ...attrs }),
      el('p', { class: 'error', id: errorId, hidden: true }),
    );
  }

  function contactForm(view, status) {
    const s = view.student;
    const form = el(
      'form',
      { class: 'contact', novalidate: true, 'aria-labelledby': 'contact-title' },
      el('h2', { id: 'contact-title' }, T.correct),
      el('p', { class: 'muted' }, T.correctHelp),
      el('p', { class: 'readonly' }, `${T.nim}: `, el('strong', {}, s.nim)),
      field('name', T.name, s.name, { autocomplete: 'name', required: true, maxlength: 120 }),
      field('studyProgram', T.studyProgram, s.studyProgram, { required: true, maxlength: 120 }),
      field('semester', T.semester, s.semester, { type: 'number', inputmode: 'numeric', min: 1, max: 14, required: true }),
      field('email', T.email, s.email, { type: 'email', autocomplete: 'email', required: true, maxlength: 254 }),
      field('phone', T.phone, s.phone, { type: 'tel', autocomplete: 'tel', required: true, maxlength: 24 }, T.phoneHint),
      el('button', { type: 'submit' }, T.save),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const button = form.querySelector('button');
      if (button.disabled) return;
      const value = (name) => form.elements.namedItem(name).value.trim();
      const changes = {};
      if (value('name') !== s.name) changes.name = value('name');
      if (value('studyProgram') !== s.studyProgram) changes.studyProgram = value('studyProgram');
      if (value('semester') !== String(s.semester)) changes.semester = Number(value('semester'));
      if (value('email') !== s.email) changes.email = value('email');
      if (value('phone') !== s.phone) changes.phone = value('phone');
      for (const p of form.querySelectorAll('.error')) p.hidden = true;
      for (const input of form.querySelectorAll('input')) input.removeAttribute('aria-invalid');
      if (Object.keys(changes).length === 0) {
        status.textContent = T.nothing;
        return;
      }
      button.disabled = true;
      button.textContent = T.saving;
      try {
        const res = await call('PATCH', api, changes);
        if (res.ok) {
          render(res.json, T.saved);
          return;
        }
        const errors = (res.json && Array.isArray(res.json.errors) ? res.json.errors : []).filter((e) => e && typeof e.path === 'string');
        let first = null;
        for (const e of errors) {
          const name = e.path.split('.')[0];
          const input = form.elements.namedItem(name);
          if (!input || !T.fieldErrors[name]) continue;
          input.setAttribute('aria-invalid', 'true');
          const p = document.getElementById(`f-${name}-error`);
          p.textContent = T.fieldErrors[name];
          p.hidden = false;
          first = first || input;
        }
        status.textContent = first ? T.fix : problemText(res.status);
        if (first) first.focus();
      } catch {
        status.textContent = T.failed;
      } finally {
        button.disabled = false;
        button.textContent = T.save;
      }
    });
    return form;
  }

  function withdrawSection(status) {
    const start = el('button', { type: 'button', class: 'danger' }, T.withdraw);
    const confirmButton = el('button', { type: 'button', class: 'danger' }, T.confirm);
    const cancel = el('button', { type: 'button', class: 'secondary' }, T.cancel);
    const confirmBox = el('div', { class: 'confirm', hidden: true, role: 'group', 'aria-labelledby': 'confirm-text' }, el('p', { id: 'confirm-text' }, T.confirmText), confirmButton, cancel);
    start.addEventListener('click', () => {
      start.hidden = true;
      confirmBox.hidden = false;
      cancel.focus();
    });
    cancel.addEventListener('click', () => {
      confirmBox.hidden = true;
      start.hidden = false;
      start.focus();
    });
    confirmButton.addEventListener('click', async () => {
      if (confirmButton.disabled) return;
      confirmButton.disabled = true;
      cancel.disabled = true;
      confirmButton.textContent = T.withdrawing;
      try {
        const res = await call('POST', `${api}/withdraw`, {});
        if (res.ok) {
          render(res.json, T.withdrawn);
          return;
        }
        status.textContent = problemText(res.status);
      } catch {
        status.textContent = T.failed;
      }
      confirmButton.disabled = false;
      cancel.disabled = false;
      confirmButton.textContent = T.confirm;
    });
    return el('section', { class: 'withdraw', 'aria-labelledby': 'withdraw-title' }, el('h2', { id: 'withdraw-title' }, T.withdrawTitle), el('p', {}, T.withdrawHelp), start, confirmBox);
  }

  /** The whole page for an application; `message` is announced (saved, withdrawn). */
  function render(view, message) {
    const status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
    const parts = [el('p', { class: 'keep' }, T.keep), summary(view), status];
    if (view.erasedAt || !view.student) {
      parts.push(el('p', { class: 'erased' }, T.erased(formatTime(view.erasedAt || view.createdAt))));
    } else {
      parts.push(contactForm(view, status));
      if (view.status !== 'withdrawn') parts.push(withdrawSection(status));
    }
    show(...parts);
    if (message) {
      // Set after the live region is in the page, so screen readers announce it.
      requestAnimationFrame(() => {
        status.textContent = message;
      });
      main.focus();
    }
  }

  async function start() {
    languageSwitch();
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) {
      show(el('p', { class: 'problem', role: 'alert' }, T.badLink));
      return;
    }
    show(el('p', { class: 'muted' }, T.loading));
    try {
      const res = await call('GET', api);
      if (res.ok) render(res.json);
      else show(el('p', { class: 'problem', role: 'alert' }, problemText(res.status)));
    } catch {
      show(el('p', { class: 'problem', role: 'alert' }, T.failed));
    }
  }

  window.addEventListener('hashchange', () => location.reload());
  void start();
})();
