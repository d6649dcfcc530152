// The goal dialog's code (forms, validation, drafts) is loaded only for the owner, on idle after the list appears:
// a supervisor reading a report's goals never downloads it.
import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../components/provider/define.js';
import '../../components/goal-list/define.js';
import type { AsnGoalList } from '../../components/goal-list/goal-list.js';
import { FakeCoachingClient, storyGoals } from '../../stories/fixtures.js';

performance.setResourceTimingBufferSize(100_000);
const dialogCodeRequests = () => performance.getEntriesByType('resource').filter((e) => /goal-list\/(dialog-forms|goal-form)\.(ts|js)/.test(e.name)).length;

describe('asn-goal-list loads its dialog only for the owner', () => {
  it('a read-only list fetches none of the dialog code; the owner’s list loads it once, without a click', async () => {
    const readOnly = await fixture<AsnGoalList>(html`<asn-goal-list year="2026" .goals=${storyGoals}></asn-goal-list>`);
    await readOnly.updateComplete;
    await aTimeout(400); // longer than the idle fallback
    expect(dialogCodeRequests()).to.equal(0);

    const provider = await fixture(html`<asn-provider .client=${new FakeCoachingClient().asClient()}><asn-goal-list year="2026"></asn-goal-list></asn-provider>`);
    const owner = provider.querySelector('asn-goal-list')!;
    await waitUntil(() => owner.shadowRoot!.querySelector('button.add'), 'owner controls');
    await waitUntil(() => dialogCodeRequests() > 0 && owner.shadowRoot!.querySelector('dialog'), 'the dialog code was not prefetched', { timeout: 5000 });
    expect(dialogCodeRequests()).to.be.greaterThan(0);
  });
});
