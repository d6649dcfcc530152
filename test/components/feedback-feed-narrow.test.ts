import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../components/feedback-feed/define.js';
import type { AsnFeedbackFeed } from '../../components/feedback-feed/feedback-feed.js';
import { setExplicitLocale } from '../../components/i18n/locale.js';
import type { Feedback } from '../../src/contract/index.js';
import { feedbackGoals, feedbackItems } from '../../stories/fixtures.js';

// A 200-character word with no break opportunity (a pasted URL or reference number does this).
const LONG_WORD = 'https://sorongkota.go.id/' + 'a'.repeat(175);
const LONG_NAME = 'Dr. Yohanis Kristofel Wanma-Rumbiak-Mambor-Kambuaya, S.Sos., M.Si., Kepala Bidang Pengembangan Kompetensi';

const narrowItems: Feedback[] = [
  // Unacknowledged, to the viewer: the reply form is part of the item.
  { ...feedbackItems[0], message: `Lihat ${LONG_WORD} ya.`, authorName: LONG_NAME },
  { ...feedbackItems[1], message: LONG_WORD, authorName: LONG_WORD, goalId: `goal_${'x'.repeat(60)}` },
  { ...feedbackItems[2], response: LONG_WORD, authorName: LONG_NAME },
] as Feedback[];

describe('asn-feedback-feed on a 320 px screen', () => {
  before(async () => {
    await setExplicitLocale(null);
    await setViewport({ width: 320, height: 640 });
  });
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const locale of [null, 'en'] as const) {
    it(`keeps every item inside its card, with long words, a long author name and the reply form (${locale ?? 'id'})`, async () => {
      await setExplicitLocale(locale);
      const el = await fixture<AsnFeedbackFeed>(html`<asn-feedback-feed .items=${narrowItems} .goals=${feedbackGoals}></asn-feedback-feed>`);
      await el.updateComplete;
      const root = el.shadowRoot!;
      const card = root.querySelector<HTMLElement>('[part="base"]')!;
      const cardRight = card.getBoundingClientRect().right;
      expect(cardRight).to.be.at.most(320);
      expect(card.scrollWidth, 'the card itself does not scroll sideways').to.be.at.most(card.clientWidth);
      const items = [...root.querySelectorAll<HTMLElement>('li.item')];
      expect(items).to.have.length(3);
      expect(root.querySelectorAll('form.ack-form').length).to.be.greaterThan(0);
      for (const [i, item] of items.entries()) {
        for (const box of [item, item.querySelector<HTMLElement>('article')!]) {
          expect(box.scrollWidth, `item ${i}: nothing overflows`).to.be.at.most(box.clientWidth);
          expect(box.getBoundingClientRect().right, `item ${i}: inside the card`).to.be.at.most(cardRight);
        }
        // Every piece of the item (header row, badges, message, reply form) stays inside it.
        const itemRight = item.getBoundingClientRect().right;
        for (const part of item.querySelectorAll<HTMLElement>('.item-header, .item-title, .time, .badges, .message, .goal, .response, .ack-form, input, button')) {
          expect(part.getBoundingClientRect().right, `item ${i}: ${part.className || part.tagName} inside`).to.be.at.most(itemRight + 0.5);
        }
      }
      expect(el.offsetWidth).to.be.at.most(document.documentElement.clientWidth);
      await expect(el).to.be.accessible();
    });
  }
});
