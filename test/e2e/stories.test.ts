// Every Storybook story renders in Chromium from the static build, with no page error and no failed request:
// designers open these without a server, so a story that throws is a broken deliverable. Docs pages too, since
// their tables come from custom-elements.json (the controls' source). And what designers see there: the page font,
// every property in the right table and no private member, controls that work (offline, year), the fixtures; each
// element's embed snippets; the theming page (every token a control, applied in both schemes, the CSS to copy).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';
import { storybookIsStale } from '../../scripts/freshness.mjs';
import { elementApis as manifestApis, reactEventProp } from '../../scripts/manifest-api.mjs';
import { axeViolations } from './axe.js';
import { serveStatic, type StaticSite } from './static-site.js';

const ROOT = 'storybook-static';

interface Entry { id: string; title: string; name: string; type: 'story' | 'docs' }

/** What the raw custom-elements.json says about one element (the input of the docs tables and the controls). */
interface ElementApi {
  /** Public instance fields: what a portal sets, so what the tables list as properties. */
  fields: Set<string>;
  booleans: Set<string>;
  /** Private, protected and static members, and anything named `_…`: never in a table or a control. */
  hidden: Set<string>;
  parts: string[];
  /** Read-only public fields (a getter without setter): listed, never a control. */
  readonly: Set<string>;
  /** Field → its type text as the manifest states it. */
  types: Map<string, string>;
}

interface ManifestMember { kind?: string; name: string; privacy?: string; static?: boolean; readonly?: boolean; type?: { text?: string }; attribute?: string }
interface ManifestDeclaration {
  tagName?: string;
  members?: ManifestMember[];
  attributes?: { name: string; fieldName?: string; type?: { text?: string } }[];
  cssParts?: { name: string }[];
}

const isBooleanType = (text?: string) => !!text && text.split('|').map((t) => t.trim()).filter((t) => t !== 'undefined' && t !== 'null').every((t) => t === 'boolean');

function elementApis(): Map<string, ElementApi> {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: ManifestDeclaration[] }[] };
  const apis = new Map<string, ElementApi>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) {
    if (!d.tagName) continue;
    const api: ElementApi = { fields: new Set(), booleans: new Set(), hidden: new Set(['styles']), parts: (d.cssParts ?? []).map((p) => p.name), readonly: new Set(), types: new Map() };
    for (const m of d.members ?? []) {
      if (m.privacy === 'private' || m.privacy === 'protected' || m.static || /^[_#]/.test(m.name)) api.hidden.add(m.name);
      else if (m.kind === 'field') {
        api.fields.add(m.name);
        const attribute = (d.attributes ?? []).find((a) => a.fieldName === m.name);
        if (isBooleanType(m.type?.text ?? attribute?.type?.text)) api.booleans.add(m.name);
        if (m.readonly) api.readonly.add(m.name);
        api.types.set(m.name, m.type?.text ?? attribute?.type?.text ?? '');
      }
    }
    apis.set(d.tagName, api);
  }
  return apis;
}

/** The element a story is about: its title ends with the tag (`Widgets/asn-goal-list`). */
const tagOf = (entry: Entry) => entry.title.split('/').pop()!;

/** An argType as the Controls panel sees it. */
interface ArgTypeView { category?: string; hidden: boolean; control: string | false | null; options?: unknown[] }

/** The current story's args and argTypes, from the preview (what the Controls panel and the docs table use). */
async function storyState(page: Page): Promise<{ args: Record<string, unknown>; argTypes: Record<string, ArgTypeView> }> {
  return page.evaluate(() => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const preview = (window as any).__STORYBOOK_PREVIEW__;
    const story = preview.currentRender.story;
    const argTypes: Record<string, ArgTypeView> = {};
    for (const [name, a] of Object.entries(story.argTypes as Record<string, any>)) {
      argTypes[name] = {
        category: a.table?.category,
        hidden: a.table?.disable === true,
        control: a.control === false || a.control?.disable === true ? false : (a.control?.type ?? null),
        options: a.options,
      };
    }
    const args = preview.storyStoreValue.args.get(story.id) as Record<string, unknown>;
    // Only what JSON carries: the checks compare plain values (years, booleans).
    const plain = Object.fromEntries(Object.entries(args).filter(([, v]) => v === null || ['string', 'number', 'boolean'].includes(typeof v)));
    return { args: plain, argTypes };
  });
}

/** Changes args the way the Controls panel does (the `updateStoryArgs` event on the preview's channel). */
async function updateArgs(page: Page, storyId: string, updatedArgs: Record<string, unknown>): Promise<void> {
  await page.evaluate(
    ([storyId, updatedArgs]) => {
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      (window as any).__STORYBOOK_PREVIEW__.channel.emit('updateStoryArgs', { storyId, updatedArgs });
    },
    [storyId, updatedArgs] as const,
  );
}

/** A row of the docs page's args table: its section ("properties", "css shadow parts", …), name and control. */
interface TableRow { section: string; name: string; control: string }

async function docsTable(page: Page): Promise<TableRow[]> {
  await page.locator('#storybook-docs .docblock-argstable').first().waitFor({ timeout: 15_000 });
  return page.evaluate(() => {
    const rows: TableRow[] = [];
    let section = '';
    for (const tr of document.querySelectorAll('#storybook-docs .docblock-argstable tbody > tr')) {
      const title = tr.getAttribute('title') ?? '';
      const heading = /^(?:Hide|Show) (.*) items$/.exec(title);
      if (heading) {
        section = heading[1];
        continue;
      }
      const cells = tr.children;
      const control = cells[cells.length - 1] as HTMLElement;
      const kind = control.querySelector('input[type="checkbox"]')
        ? 'boolean'
        : control.querySelector('input[type="number"]')
          ? 'number'
          : control.querySelector('textarea')
            ? 'text'
            : control.querySelector('input[type="radio"]')
              ? 'radio'
              : control.querySelector('select')
                ? 'select'
                : control.querySelector('.rejt-tree')
                  ? 'object'
                  : control.textContent!.trim() || '-';
      rows.push({ section, name: cells[0].textContent!.trim(), control: kind });
    }
    return rows;
  });
}

/** The widget's shadow text without its header: what changes when the data changes (not just the title). */
async function bodyText(page: Page, tag: string): Promise<string> {
  return page.evaluate((tag) => {
    const el = [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName === tag);
    if (!el?.shadowRoot) return '';
    const box = document.createElement('div');
    for (const node of el.shadowRoot.childNodes) box.append(node.cloneNode(true));
    for (const header of box.querySelectorAll('[part~="header"], [part~="title"], style')) header.remove();
    return box.textContent!.replace(/\s+/g, ' ').trim();
  }, tag);
}

/** Every `--asn-*` token: the manifest's `cssProperties` of every element, and what the shared token styles read. */
function manifestTokens(): Set<string> {
  const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8')) as { modules: { declarations?: { tagName?: string; cssProperties?: { name: string }[] }[] }[] };
  const names = new Set<string>();
  for (const d of manifest.modules.flatMap((m) => m.declarations ?? [])) for (const p of d.tagName ? (d.cssProperties ?? []) : []) names.add(p.name);
  return names;
}
const sharedTokens = () => new Set(readFileSync('components/shared/tokens.styles.ts', 'utf8').match(/--asn-[a-z0-9-]+/g) ?? []);

/** The named unions of literals the elements' property types use (selects in the controls, see .storybook/preview.ts). */
const ENUM_ALIASES = new Set(['GoalStatus', 'ApplicationStatus', 'PartnerKind', 'AgreementStatus', 'ProgramType', 'Competency', 'CatalogView']);

/** The control kinds a docs-table row of a property with this type may show (`Set …`: the value is unset yet). */
function expectedControls(type: string): string[] {
  const parts = type.split('|').map((t) => t.trim()).filter((t) => t !== '' && t !== 'undefined' && t !== 'null');
  if (parts.every((t) => t === 'boolean')) return ['boolean', 'Set boolean'];
  // A number may be offered as the fixtures' values (`year`: the years they have data for).
  if (parts.every((t) => t === 'number')) return ['number', 'Set number', 'radio', 'select'];
  if (parts.every((t) => /^'.*'$/.test(t) || ENUM_ALIASES.has(t))) return ['radio', 'select'];
  // A string may be offered as a select of the fixtures' ids (a story's own argTypes).
  if (parts.includes('string')) return ['text', 'Set string', 'select', 'radio'];
  return ['object', 'Set object'];
}

/** `#7a1f2b` → `rgb(122, 31, 43)`, as getComputedStyle reports a colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/** The computed values of `property` on every element in the shadow root of `tag` in one scheme's panel of the theming page. */
async function shadowValues(page: Page, scheme: 'light' | 'dark', tag: string, property: string): Promise<string[]> {
  return page.evaluate(
    ([scheme, tag, property]) => {
      const host = document.querySelector(`.theming-${scheme} ${tag}`);
      const values = new Set<string>();
      for (const el of host?.shadowRoot?.querySelectorAll('*') ?? []) values.add(getComputedStyle(el).getPropertyValue(property));
      return [...values];
    },
    [scheme, tag, property] as const,
  );
}

describe('Storybook (static build)', () => {
  let site: StaticSite | undefined;
  let base: string;
  let browser: Browser;
  let entries: Entry[];

  before(async () => {
    // The build is cheap (~10 s); make it when missing or stale so `npm test` covers the stories as they are.
    if (storybookIsStale()) {
      const result = spawnSync('npm', ['run', '--silent', 'build-storybook'], { stdio: 'inherit' });
      assert.equal(result.status, 0, 'npm run build-storybook failed');
    }
    entries = Object.values(JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')).entries as Record<string, Entry>);
    site = await serveStatic(ROOT, { hostname: '127.0.0.1' });
    base = site.url;
    browser = await chromium.launch({ executablePath: findChromium(), headless: true, args: chromiumArgs });
  });
  after(async () => {
    await browser?.close();
    await site?.close();
  });

  it('has stories for every element, in both locales and the main states', () => {
    const stories = entries.filter((e) => e.type === 'story');
    for (const tag of ['asn-progress-card', 'asn-goal-list', 'asn-feedback-form', 'asn-feedback-feed', 'asn-team-overview']) {
      const names = stories.filter((s) => s.title.endsWith(tag)).map((s) => s.name);
      for (const state of ['Loaded', 'Empty', 'Loading', 'Offline', 'Indonesian', 'English']) {
        assert.ok(names.includes(state), `${tag} has no "${state}" story (has: ${names.join(', ')})`);
      }
      assert.ok(names.some((n) => n.startsWith('Error')), `${tag} has no error story`);
    }
    assert.ok(stories.some((s) => s.title.endsWith('asn-team-overview') && s.name === '1,000 rows'));
    // The provider sets the widgets' language (its `locale`): both are shown.
    const provider = stories.filter((s) => s.title.endsWith('asn-provider')).map((s) => s.name);
    for (const locale of ['Indonesian', 'English']) assert.ok(provider.includes(locale), `asn-provider has no "${locale}" story (has: ${provider.join(', ')})`);
  });

  it('renders every story and docs page without an error', { timeout: 180_000 }, async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    let current = '';
    page.on('pageerror', (error) => failures.push(`${current}: ${error.message}`));
    page.on('console', (msg) => {
      // A failed load is reported with its URL below; the browser's own favicon probe is not the story's.
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) failures.push(`${current}: console: ${msg.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) failures.push(`${current}: ${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => {
      // A story of the offline/loading states makes no request; any failed one is a missing asset. Not one this
      // test aborted by moving on (e.g. the English strings, loaded lazily, while the next story opens): a missing
      // asset answers 404 (above).
      if (request.url().startsWith(base) && request.failure()?.errorText !== 'net::ERR_ABORTED') failures.push(`${current}: failed ${request.url()}`);
    });
    for (const entry of entries) {
      current = entry.id;
      await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=${entry.type === 'docs' ? 'docs' : 'story'}`);
      if (entry.type === 'story') {
        // Rendered: the story root holds an asn-* element that has a shadow root with content.
        await page.waitForFunction(
          () => {
            const widgets = [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('asn-') && el.localName !== 'asn-provider');
            return widgets.length > 0 && widgets.every((el) => (el.shadowRoot?.childElementCount ?? 0) > 0);
          },
          undefined,
          { timeout: 15_000 },
        ).catch(() => failures.push(`${entry.id}: nothing rendered within 15 s`));
      } else {
        await page.locator('#storybook-docs .sbdocs-content').waitFor({ timeout: 15_000 }).catch(() => failures.push(`${entry.id}: docs page did not render`));
      }
    }
    assert.deepEqual(failures, []);
  });

  /** Opens a story and waits until its widgets have rendered (as in the test above); false if they did not. */
  async function openStory(page: Page, id: string): Promise<boolean> {
    await page.goto(`${base}/iframe.html?id=${id}&viewMode=story`);
    return page.waitForFunction(
      () => {
        const widgets = [...document.querySelectorAll('#storybook-root *')].filter((el) => el.localName.startsWith('asn-') && el.localName !== 'asn-provider');
        return widgets.length > 0 && widgets.every((el) => (el.shadowRoot?.childElementCount ?? 0) > 0);
      },
      undefined,
      { timeout: 15_000 },
    ).then(() => true, () => false);
  }

  const stories = () => entries.filter((e) => e.type === 'story');
  const docsPages = () => entries.filter((e) => e.type === 'docs');

  /** Each element's docs page with its args table, opened in turn on one page. */
  async function* elementDocsTables(page: Page, apis: Map<string, ElementApi>) {
    for (const entry of docsPages()) {
      const api = apis.get(tagOf(entry));
      if (!api) continue;
      await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=docs`);
      yield { entry, api, rows: await docsTable(page) };
    }
  }

  it('passes axe (WCAG 2.2 AA) in every story, as designers and the docs pages show it', { timeout: 600_000 }, async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const entry of stories()) {
      if (!(await openStory(page, entry.id))) {
        failures.push(`${entry.id}: nothing rendered within 15 s`);
        continue;
      }
      // The story as shown, not Storybook's own hidden chrome around it.
      for (const v of await axeViolations(page, '#storybook-root')) failures.push(`${entry.id}: ${v}`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('uses the system sans-serif font stack in the preview (the widgets inherit the page font)', async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const entry of stories().filter((e) => e.name === 'Loaded' || e.name === 'With Client')) {
      if (!(await openStory(page, entry.id))) {
        failures.push(`${entry.id}: nothing rendered within 15 s`);
        continue;
      }
      const fonts = await page.evaluate((tag) => {
        const el = [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName === tag);
        return { body: getComputedStyle(document.body).fontFamily, widget: el ? getComputedStyle(el).fontFamily : '' };
      }, entry.name === 'Loaded' ? tagOf(entry) : 'asn-progress-card');
      for (const [where, family] of Object.entries(fonts)) {
        const first = family.split(',')[0].trim().replace(/^["']|["']$/g, '').toLowerCase();
        if (['serif', 'times', 'times new roman', 'georgia'].includes(first) || !/sans-serif\s*$/.test(family)) {
          failures.push(`${entry.id}: ${where} font-family is "${family}"`);
        }
      }
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('lists properties under "properties" in the docs tables, never under CSS parts, slots or events', { timeout: 60_000 }, async () => {
    const apis = elementApis();
    const page = await browser.newPage();
    const failures: string[] = [];
    for await (const { entry, api, rows } of elementDocsTables(page, apis)) {
      for (const field of api.fields) {
        const sections = rows.filter((r) => r.name === field).map((r) => r.section);
        if (sections.length === 0) failures.push(`${entry.id}: property ${field} is not in the table`);
        for (const section of sections) if (section !== 'properties' && section !== 'attributes') failures.push(`${entry.id}: property ${field} is listed under "${section}"`);
      }
      const parts = rows.filter((r) => r.section === 'css shadow parts').map((r) => r.name.replace(/^::part\((.*)\)$/, '$1'));
      for (const part of api.parts) if (!parts.includes(part)) failures.push(`${entry.id}: part ${part} is not under "css shadow parts"`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('offers offline (and every boolean property) as a working boolean control in every story', { timeout: 300_000 }, async () => {
    const apis = elementApis();
    const page = await browser.newPage();
    const failures: string[] = [];
    for await (const { entry, api, rows } of elementDocsTables(page, apis)) {
      for (const row of rows) {
        if (api.booleans.has(row.name) && row.control !== 'boolean' && row.control !== 'Set boolean') failures.push(`${entry.id}: the docs control of ${row.name} is "${row.control}"`);
      }
    }
    for (const entry of stories()) {
      const tag = tagOf(entry);
      const api = apis.get(tag);
      if (!api || api.booleans.size === 0) continue;
      if (!(await openStory(page, entry.id))) {
        failures.push(`${entry.id}: nothing rendered within 15 s`);
        continue;
      }
      const { args, argTypes } = await storyState(page);
      for (const name of api.booleans) {
        const argType = argTypes[name];
        if (name === 'offline' && (!argType || argType.hidden)) failures.push(`${entry.id}: no offline control`);
        else if (argType && !argType.hidden && argType.control !== 'boolean') failures.push(`${entry.id}: ${name} has a "${argType.control}" control, not a boolean one`);
      }
      if (!api.booleans.has('offline') || argTypes.offline?.control !== 'boolean') continue;
      // The toggle works: the widget follows it and shows (or drops) its offline notice.
      for (const offline of [!args.offline, Boolean(args.offline)]) {
        await updateArgs(page, entry.id, { offline });
        await page
          .waitForFunction(
            ([tag, offline]) => {
              const el = [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName === tag) as (HTMLElement & { offline?: boolean }) | undefined;
              return !!el && el.offline === offline && !!el.shadowRoot?.querySelector('[part~="offline"]') === offline;
            },
            [tag, offline] as const,
            { timeout: 5_000 },
          )
          .catch(() => failures.push(`${entry.id}: setting offline to ${offline} did not ${offline ? 'show' : 'hide'} the offline notice`));
      }
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('shows no private, protected or static member in the docs tables or the controls', { timeout: 120_000 }, async () => {
    const apis = elementApis();
    const page = await browser.newPage();
    const failures: string[] = [];
    const isHidden = (api: ElementApi, name: string) => api.hidden.has(name) || /^[_#]/.test(name);
    for await (const { entry, api, rows } of elementDocsTables(page, apis)) {
      for (const row of rows) if (isHidden(api, row.name)) failures.push(`${entry.id}: the docs table lists ${row.name}`);
    }
    for (const entry of stories()) {
      const api = apis.get(tagOf(entry));
      if (!api) continue;
      if (!(await openStory(page, entry.id))) {
        failures.push(`${entry.id}: nothing rendered within 15 s`);
        continue;
      }
      const { argTypes } = await storyState(page);
      for (const [name, argType] of Object.entries(argTypes)) if (!argType.hidden && isHidden(api, name)) failures.push(`${entry.id}: the controls offer ${name}`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('feeds the 5,000-row story varied, deterministic Indonesian and Papuan names, positions and units', { timeout: 60_000 }, async () => {
    const entry = stories().find((e) => tagOf(e) === 'asn-team-overview' && e.name === '5,000 rows');
    assert.ok(entry, 'no "5,000 rows" story');
    const page = await browser.newPage();
    const sample = async () => {
      assert.ok(await openStory(page, entry.id), 'the 5,000 rows story did not render');
      return page.evaluate(() => {
        const el = document.querySelector('asn-team-overview') as (HTMLElement & { members?: { employee: { id: string; name: string; position: string; unit: { id: string; name: string } } }[] }) | null;
        const members = el?.members ?? [];
        const counts = new Map<string, number>();
        for (const m of members) counts.set(m.employee.name, (counts.get(m.employee.name) ?? 0) + 1);
        const words = members.map((m) => m.employee.name.split(' '));
        return {
          rows: members.length,
          ids: new Set(members.map((m) => m.employee.id)).size,
          names: counts.size,
          mostRepeated: Math.max(0, ...counts.values()),
          given: new Set(words.map((w) => w[0])).size,
          family: new Set(words.map((w) => w[w.length - 1])).size,
          surnames: [...new Set(words.map((w) => w[w.length - 1]))],
          positions: new Set(members.map((m) => m.employee.position)).size,
          units: new Set(members.map((m) => m.employee.unit.id)).size,
          first: members.slice(0, 50).map((m) => `${m.employee.name}|${m.employee.position}|${m.employee.unit.name}`),
        };
      });
    };
    const one = await sample();
    const two = await sample();
    await page.close();
    assert.equal(one.rows, 5000);
    assert.equal(one.ids, 5000, 'employee ids repeat');
    assert.ok(one.names >= 4500, `only ${one.names} distinct names in 5,000 rows`);
    assert.ok(one.mostRepeated <= 4, `one name is used ${one.mostRepeated} times`);
    assert.ok(one.given >= 60, `only ${one.given} distinct given names`);
    assert.ok(one.family >= 80, `only ${one.family} distinct family names`);
    for (const surname of ['Kambu', 'Wanma', 'Mayor', 'Rumbiak', 'Sawaki', 'Kareth', 'Siregar', 'Wijaya', 'Nasution', 'Pattiasina', 'Saragih']) {
      assert.ok(one.surnames.includes(surname), `no ${surname} in the team`);
    }
    assert.ok(one.positions >= 30, `only ${one.positions} distinct positions`);
    assert.ok(one.units >= 15, `only ${one.units} distinct units`);
    assert.deepEqual(two.first, one.first, 'the fixture differs between two loads (not deterministic)');
    assert.ok(!/Math\.random\s*\(/.test(readFileSync('stories/fixtures.ts', 'utf8')), 'stories/fixtures.ts calls Math.random(): use its seeded PRNG');
  });

  it('gives year a visible effect on the data in every story that offers it', { timeout: 300_000 }, async () => {
    const apis = elementApis();
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const entry of stories()) {
      const tag = tagOf(entry);
      if (!apis.get(tag)?.fields.has('year')) continue;
      if (!(await openStory(page, entry.id))) {
        failures.push(`${entry.id}: nothing rendered within 15 s`);
        continue;
      }
      const { args, argTypes } = await storyState(page);
      const year = argTypes.year;
      if (!year || year.hidden || year.control === false) continue;
      const current = Number(args.year);
      const other = (year.options as number[] | undefined)?.find((y) => y !== current) ?? current - 1;
      const before = await bodyText(page, tag);
      await updateArgs(page, entry.id, { year: other });
      const changed = await page
        .waitForFunction(
          ([tag, before]) => {
            const el = [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName === tag);
            if (!el?.shadowRoot) return false;
            const box = document.createElement('div');
            for (const node of el.shadowRoot.childNodes) box.append(node.cloneNode(true));
            for (const header of box.querySelectorAll('[part~="header"], [part~="title"], style')) header.remove();
            const text = box.textContent!.replace(/\s+/g, ' ').trim();
            return text !== '' && text !== before;
          },
          [tag, before] as const,
          { timeout: 5_000 },
        )
        .then(() => true, () => false);
      if (!changed) failures.push(`${entry.id}: year ${current} → ${other} changes nothing but the title (key the fixture by year, or hide the control)`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('renders the English stories in English and the Indonesian ones in Indonesian', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    const byTitle = new Map<string, Entry[]>();
    for (const e of stories()) byTitle.set(e.title, [...(byTitle.get(e.title) ?? []), e]);
    for (const [title, group] of byTitle) {
      const indonesian = group.find((e) => e.name === 'Indonesian');
      const english = group.find((e) => e.name === 'English');
      if (!indonesian || !english) continue;
      const tag = tagOf(indonesian) === 'asn-provider' ? 'asn-progress-card' : tagOf(indonesian);
      const textOf = () =>
        page.evaluate((tag) => {
          const el = [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName === tag);
          return { lang: document.documentElement.lang, text: el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '' };
        }, tag);
      if (!(await openStory(page, indonesian.id))) {
        failures.push(`${indonesian.id}: nothing rendered within 15 s`);
        continue;
      }
      await page.waitForTimeout(300);
      const id = await textOf();
      if (!(await openStory(page, english.id))) {
        failures.push(`${english.id}: nothing rendered within 15 s`);
        continue;
      }
      const switched = await page
        .waitForFunction(
          ([tag, idText]) => {
            const el = [...document.querySelectorAll('#storybook-root *')].find((e) => e.localName === tag);
            const text = el?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
            return text !== '' && text !== idText;
          },
          [tag, id.text] as const,
          { timeout: 10_000 },
        )
        .then(() => true, () => false);
      const en = await textOf();
      if (id.lang !== 'id') failures.push(`${title} Indonesian: <html lang="${id.lang}">`);
      if (en.lang !== 'en') failures.push(`${title} English: <html lang="${en.lang}">`);
      if (!switched) failures.push(`${title}: the English story shows the same text as the Indonesian one: ${en.text.slice(0, 80)}…`);
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('offers every public property of every element as a control of its kind in the docs tables', { timeout: 120_000 }, async () => {
    const apis = elementApis();
    const page = await browser.newPage();
    const failures: string[] = [];
    for await (const { entry, api, rows } of elementDocsTables(page, apis)) {
      for (const field of api.fields) {
        const type = api.types.get(field) ?? '';
        // No control by design: read-only fields, functions, and live objects JSON cannot express (`client`, an SDK
        // client; `hooks`, ky's request callbacks; see stories/controls.ts).
        if (api.readonly.has(field) || /=>/.test(type) || field === 'client' || field === 'hooks') continue;
        const row = rows.find((r) => r.name === field && (r.section === 'properties' || r.section === 'attributes'));
        if (!row) failures.push(`${entry.id}: ${field} is not in the table`);
        else if (!expectedControls(type).includes(row.control)) failures.push(`${entry.id}: ${field} (${type}) has a "${row.control}" control, not ${expectedControls(type).join('/')}`);
      }
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  it('shows each element’s embed snippets on its docs page: HTML with the CDN loader, React 19, React 18 and Vue', { timeout: 60_000 }, async () => {
    const page = await browser.newPage();
    const failures: string[] = [];
    for (const api of manifestApis()) {
      const entry = docsPages().find((e) => tagOf(e) === api.tag);
      if (!entry) {
        failures.push(`${api.tag}: no docs page`);
        continue;
      }
      await page.goto(`${base}/iframe.html?id=${entry.id}&viewMode=docs`);
      // The description (Markdown, with its code blocks highlighted) renders after the page's frame.
      await page.locator('#storybook-docs pre.prismjs').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
      const code = await page.evaluate(() => [...document.querySelectorAll('#storybook-docs pre.prismjs')].map((pre) => pre.textContent ?? ''));
      const event = api.events[0]?.name;
      const expect = {
        html: ['<script type="module" src="https://<your-cdn>/pembinaan-asn/dist/cdn/loader.js"></script>', `<${api.tag}`, ...(event ? [`addEventListener('${event}'`] : [])],
        react19: [`import 'pembinaan-asn/components/${api.tag}';`, `<${api.tag}`, ...(event ? [` on${event}={`] : [])],
        react18: [`import { ${api.className} } from 'pembinaan-asn/react';`, `<${api.className}`, ...(event ? [` ${reactEventProp(event)}={`] : [])],
        vue: [`import 'pembinaan-asn/components/${api.tag}';`, '<template>', ...(event ? [` @${event}="`] : [])],
      };
      for (const [snippet, needles] of Object.entries(expect)) {
        if (!code.some((block) => needles.every((n) => block.includes(n)))) failures.push(`${api.tag}: no ${snippet} snippet with ${needles.join(' … ')}`);
      }
      // Its attributes, as the manifest names them, in the HTML snippet.
      const plain = code.find((block) => block.includes('loader.js')) ?? '';
      for (const field of api.fields) {
        if (field.attribute && !field.boolean && ['employee', 'supervisor', 'year', 'opening', 'program'].includes(field.attribute) && !plain.includes(` ${field.attribute}="`)) {
          failures.push(`${api.tag}: the HTML snippet has no ${field.attribute} attribute`);
        }
      }
    }
    await page.close();
    assert.deepEqual(failures, []);
  });

  describe('theming page', () => {
    const THEMING = 'design-theming--tokens';
    const PRESETS = ['design-theming--sorong-city-portal', 'design-theming--university-site'];

    it('offers every token of the manifest and the shared styles as an editable control, and lists it on the page', { timeout: 60_000 }, async () => {
      assert.ok(entries.some((e) => e.id === THEMING), `no ${THEMING} story`);
      const page = await browser.newPage();
      assert.ok(await openStory(page, THEMING), 'the theming page did not render');
      const { argTypes } = await storyState(page);
      const rows = await page.evaluate(() => [...document.querySelectorAll('.theming-tokens tr[data-token]')].map((tr) => tr.getAttribute('data-token')));
      const failures: string[] = [];
      const tokens = new Set([...manifestTokens(), ...sharedTokens()]);
      assert.ok(manifestTokens().size >= 20, `only ${manifestTokens().size} tokens in custom-elements.json`);
      for (const token of tokens) {
        const argType = argTypes[token];
        const kind = token.startsWith('--asn-color-') ? 'color' : 'text';
        if (!argType || argType.hidden) failures.push(`${token}: no control`);
        else if (argType.control !== kind) failures.push(`${token}: a "${argType.control}" control, not "${kind}"`);
        if (!rows.includes(token)) failures.push(`${token}: not in the page's token table`);
      }
      // And every element of the manifest is on the page, in both schemes.
      for (const api of manifestApis()) {
        for (const scheme of ['light', 'dark']) {
          const found = await page.evaluate(([scheme, tag]) => !!document.querySelector(`.theming-${scheme} ${tag}`) || (tag === 'asn-provider' && !!document.querySelector(`.theming-${scheme} asn-provider`)), [scheme, api.tag] as const);
          if (!found) failures.push(`${api.tag}: not in the ${scheme} scheme`);
        }
      }
      console.log(`# theming page: ${tokens.size} tokens (${manifestTokens().size} in custom-elements.json)`);
      await page.close();
      assert.deepEqual(failures, []);
    });

    it('applies a changed token inside the widgets’ shadow roots and shows exactly the changed tokens as CSS', { timeout: 60_000 }, async () => {
      const page = await browser.newPage();
      // Through the URL's `args` (as a shared link sets the controls) …
      assert.ok(await openStory(page, `${THEMING}&args=${encodeURIComponent('--asn-color-text:!hex(7a1f2b)')}`), 'the theming page did not render');
      const text = rgb('#7a1f2b');
      await page.waitForFunction(() => (document.querySelector('.theming-css') as HTMLTextAreaElement | null)?.value.includes('--asn-color-text'), undefined, { timeout: 5_000 });
      assert.ok((await shadowValues(page, 'light', 'asn-progress-card', 'color')).includes(text), 'the light progress card does not use the text colour set');
      assert.ok(!(await shadowValues(page, 'dark', 'asn-progress-card', 'color')).includes(text), 'the light text token reached the dark scheme');
      // … and through the controls: the radius, and the dark twin of the text colour.
      assert.ok(!(await shadowValues(page, 'light', 'asn-goal-list', 'border-top-left-radius')).includes('3px'));
      await updateArgs(page, THEMING, { '--asn-radius': '3px', '--asn-color-text-dark': '#f0e0c0' });
      await page.waitForFunction(() => (document.querySelector('.theming-css') as HTMLTextAreaElement | null)?.value.includes('--asn-radius'), undefined, { timeout: 5_000 });
      assert.ok((await shadowValues(page, 'light', 'asn-goal-list', 'border-top-left-radius')).includes('3px'), 'the radius did not reach the goal list');
      assert.ok((await shadowValues(page, 'dark', 'asn-progress-card', 'color')).includes(rgb('#f0e0c0')), 'the dark text token did not reach the dark scheme');
      const css = await page.evaluate(() => (document.querySelector('.theming-css') as HTMLTextAreaElement).value);
      assert.equal(css, ':root {\n  --asn-color-text: #7a1f2b;\n  --asn-radius: 3px;\n  --asn-color-text-dark: #f0e0c0;\n}\n');
      assert.equal(await page.locator('.theming-tokens tr[data-token="--asn-radius"] .theming-value').textContent(), '3px');
      // No inline style attribute in the markup: the tokens are set through the CSSOM (`style.setProperty`).
      for (const file of ['stories/theming.stories.ts', 'stories/theming/tokens.ts', 'stories/theming/widgets.ts']) {
        assert.ok(!/\sstyle=/.test(readFileSync(file, 'utf8')), `${file} writes a style attribute`);
      }
      // Back to the default: nothing to copy.
      await updateArgs(page, THEMING, { '--asn-color-text': '', '--asn-radius': '', '--asn-color-text-dark': '' });
      await page.waitForFunction(() => (document.querySelector('.theming-css') as HTMLTextAreaElement).value === ':root {\n}\n', undefined, { timeout: 5_000 });
      assert.ok(!(await shadowValues(page, 'light', 'asn-progress-card', 'color')).includes(text), 'the cleared token still applies');
      await page.close();
    });

    it('copies the CSS through the Clipboard API, and selects it with a visible hint where there is none', { timeout: 60_000 }, async () => {
      const context = await browser.newContext();
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
      const page = await context.newPage();
      assert.ok(await openStory(page, PRESETS[0]), 'the preset did not render');
      await page.getByRole('button', { name: 'Salin CSS' }).click();
      await page.locator('.theming-copy-status[data-result="copied"]').waitFor({ timeout: 5_000 });
      const css = await page.evaluate(() => (document.querySelector('.theming-css') as HTMLTextAreaElement).value);
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), css);
      await context.close();

      const bare = await browser.newPage();
      await bare.addInitScript(() => Object.defineProperty(navigator, 'clipboard', { value: undefined }));
      assert.ok(await openStory(bare, PRESETS[0]), 'the preset did not render');
      await bare.getByRole('button', { name: 'Salin CSS' }).click();
      const hint = bare.locator('.theming-copy-status[data-result="fallback"]');
      await hint.waitFor({ state: 'visible', timeout: 5_000 });
      assert.match((await hint.textContent()) ?? '', /Ctrl\+C/);
      const selected = await bare.evaluate(() => {
        const area = document.querySelector('.theming-css') as HTMLTextAreaElement;
        return document.activeElement === area && area.selectionEnd - area.selectionStart === area.value.length;
      });
      assert.ok(selected, 'the CSS is not selected for copying by hand');
      await bare.close();
    });

    it('renders the presets with their tokens, in both colour schemes', { timeout: 60_000 }, async () => {
      const page = await browser.newPage();
      assert.ok(await openStory(page, THEMING), 'the theming page did not render');
      // The default palette: the primary fill differs between the schemes.
      const lightFill = await shadowValues(page, 'light', 'asn-feedback-form', 'background-color');
      const darkFill = await shadowValues(page, 'dark', 'asn-feedback-form', 'background-color');
      assert.ok(lightFill.includes(rgb('#1d4f91')), `no default primary fill in the light scheme: ${lightFill.join(' ')}`);
      assert.ok(darkFill.includes(rgb('#8db8ef')), `no default dark primary fill in the dark scheme: ${darkFill.join(' ')}`);
      assert.deepEqual(
        await page.evaluate(() => ['light', 'dark'].map((s) => getComputedStyle(document.querySelector(`.theming-${s}`)!).colorScheme)),
        ['light', 'dark'],
      );
      for (const id of PRESETS) {
        assert.ok(entries.some((e) => e.id === id), `no ${id} story`);
        assert.ok(await openStory(page, id), `${id} did not render`);
        const { args } = await storyState(page);
        const set = Object.entries(args).filter(([name, value]) => name.startsWith('--asn-') && typeof value === 'string' && value !== '');
        assert.ok(set.length >= 5, `${id} sets only ${set.length} tokens`);
        const css = await page.evaluate(() => (document.querySelector('.theming-css') as HTMLTextAreaElement).value);
        for (const [name, value] of set) assert.ok(css.includes(`  ${name}: ${value};\n`), `${id}: ${name} is not in the CSS`);
        const primary = String(args['--asn-color-primary']);
        assert.ok((await shadowValues(page, 'light', 'asn-feedback-form', 'background-color')).includes(rgb(primary)), `${id}: the primary ${primary} is not the light fill`);
        assert.ok(!(await shadowValues(page, 'dark', 'asn-feedback-form', 'background-color')).includes(rgb(primary)), `${id}: the light primary is the dark fill`);
      }
      await page.close();
    });

    it('follows the locale: Indonesian by default, English from the toolbar', { timeout: 60_000 }, async () => {
      const page = await browser.newPage();
      const read = () =>
        page.evaluate(() => ({
          lang: document.documentElement.lang,
          title: document.querySelector('.theming h1')?.textContent ?? '',
          card: document.querySelector('.theming-light asn-progress-card')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        }));
      assert.ok(await openStory(page, THEMING));
      await page.waitForTimeout(300);
      const id = await read();
      assert.ok(await openStory(page, `${THEMING}&globals=locale:en`));
      await page.waitForFunction((before) => {
        const text = document.querySelector('.theming-light asn-progress-card')?.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
        return text !== '' && text !== before;
      }, id.card, { timeout: 10_000 });
      const en = await read();
      assert.equal(id.lang, 'id');
      assert.equal(en.lang, 'en');
      assert.match(id.title, /Tema/);
      assert.match(en.title, /Theming/);
      await page.close();
    });

    it('passes axe (WCAG 2.2 AA) on the theming page and the presets', { timeout: 120_000 }, async () => {
      const page = await browser.newPage();
      const failures: string[] = [];
      for (const id of [THEMING, ...PRESETS]) {
        assert.ok(await openStory(page, id), `${id} did not render`);
        await page.waitForTimeout(500);
        for (const v of await axeViolations(page)) failures.push(`${id}: ${v}`);
      }
      await page.close();
      assert.deepEqual(failures, []);
    });
  });

  it('shares one set of fixtures between stories and component tests, typed from the public SDK entry points', () => {
    assert.ok(!existsSync('test/components/fixtures.ts'), 'test/components/fixtures.ts duplicates stories/fixtures.ts');
    const source = readFileSync('stories/fixtures.ts', 'utf8');
    const imports = [...source.matchAll(/from\s+'(\.\.\/src\/[^']+)'/g)].map((m) => m[1]);
    for (const path of imports) assert.ok(['../src/client/index.js', '../src/contract/index.js'].includes(path), `stories/fixtures.ts imports ${path}`);
  });
});
