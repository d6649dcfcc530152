// Properties set on an <asn-provider> before its definition loaded must be picked up on upgrade. This file
// imports the definitions only after creating the elements (each test file runs in its own page).
import { expect, waitUntil } from '@open-wc/testing';
import type { AsnProvider } from '../../components/provider/provider.js';
import type { Client } from '../../src/client/types.js';
import { loadedSummary } from '../../stories/fixtures.js';
import { FakeClient } from './helpers.js';

describe('<asn-provider> upgrade', () => {
  it('picks up token, client and attributes set before the element was defined', async () => {
    expect(customElements.get('asn-provider')).to.equal(undefined);
    const host = document.createElement('div');
    host.innerHTML = '<asn-provider base-url="http://127.0.0.1:9"><asn-progress-card year="2025"></asn-progress-card></asn-provider>';
    document.body.append(host);
    const [withToken, withClient] = [host.firstElementChild!, document.createElement('asn-provider')];
    (withToken as unknown as { token: string }).token = 'early-token';
    const fake = new FakeClient();
    fake.results = [loadedSummary];
    (withClient as unknown as { client: Client }).client = fake.asClient();
    withClient.innerHTML = '<asn-progress-card year="2025"></asn-progress-card>';
    document.body.append(withClient);

    const entry = '/components/index.ts';
    await import(/* @vite-ignore */ entry);
    const provider = withToken as AsnProvider;
    await provider.updateComplete;
    expect(provider.token).to.equal('early-token');
    expect(Object.prototype.hasOwnProperty.call(provider, 'token')).to.equal(false);
    expect(provider.client).to.not.equal(null);
    expect(provider.client!.baseUrl).to.equal('http://127.0.0.1:9');

    const card = withClient.querySelector('asn-progress-card')!;
    await waitUntil(() => card.shadowRoot?.querySelector('[role="progressbar"]'), 'the card loads through the early client');
    expect((withClient as AsnProvider).client).to.equal(fake.asClient());
    expect(fake.calls).to.have.length(1);
    host.remove();
    withClient.remove();
  });
});
