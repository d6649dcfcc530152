// <asn-provider> speaks the Context Community Protocol: a consumer written with @lit/context (a portal's own
// element) gets the same client as the widgets, and a nested provider takes over the widgets inside it.
import { ContextConsumer } from '@lit/context';
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import '../../components/index.js';
import { clientContext } from '../../components/index.js';
import type { AsnProvider } from '../../components/provider/provider.js';
import { createCoreClient, type CoreClient } from '../../src/client/index.js';

class PortalWidget extends LitElement {
  readonly consumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
}
customElements.define('portal-widget', PortalWidget);

describe('context protocol', () => {
  it('a @lit/context consumer receives the provider’s client, and its changes', async () => {
    const first = createCoreClient({ baseUrl: 'https://api.example', token: 'a' });
    const second = createCoreClient({ baseUrl: 'https://api.example', token: 'b' });
    const provider = await fixture<AsnProvider>(html`<asn-provider .client=${first}><portal-widget></portal-widget></asn-provider>`);
    const widget = provider.querySelector<PortalWidget>('portal-widget')!;
    expect(widget.consumer.value).to.equal(first);
    provider.client = second;
    await provider.updateComplete;
    expect(widget.consumer.value).to.equal(second);
    first.close();
    second.close();
  });

  it('a widget moved into a nested provider is served by it, and no longer by the outer one', async () => {
    const outerClient = createCoreClient({ baseUrl: 'https://outer.example', token: 'a' });
    const innerClient = createCoreClient({ baseUrl: 'https://inner.example', token: 'b' });
    const outer = await fixture<AsnProvider>(html`<asn-provider .client=${outerClient}><div id="slot"><portal-widget></portal-widget></div></asn-provider>`);
    const holder = outer.querySelector('#slot')!;
    const widget = holder.querySelector<PortalWidget>('portal-widget')!;
    expect(widget.consumer.value).to.equal(outerClient);

    const inner = document.createElement('asn-provider') as AsnProvider;
    inner.client = innerClient;
    widget.remove();
    inner.append(widget);
    holder.append(inner);
    await inner.updateComplete;
    expect((widget.consumer.value as CoreClient).baseUrl).to.equal('https://inner.example');
    const replacement = createCoreClient({ baseUrl: 'https://replacement.example', token: 'c' });
    outer.client = replacement;
    await outer.updateComplete;
    expect((widget.consumer.value as CoreClient).baseUrl).to.equal('https://inner.example');
    replacement.close();
    outerClient.close();
    innerClient.close();
  });
});
