/**
 * Where an agent goes when an offer is not taken (DOMAIN.md, Offer):
 * a rejected phone call or email → Working Offline, a rejected chat → On
 * Break; an offer left to time out → On Break. In every case the
 * interaction returns to the head of its queue.
 */
import type { Media, Status } from '../tenant/schema.js';

export const OFFER_OUTCOMES: { rejected: Record<Media, Status>; timeout: Status } = {
  rejected: {
    inbound_phone: 'working_offline',
    outbound_phone: 'working_offline',
    voicemail: 'working_offline',
    email: 'working_offline',
    chat: 'on_break',
  },
  timeout: 'on_break',
};
