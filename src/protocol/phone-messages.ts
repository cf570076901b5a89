/**
 * Phone client → server messages (spread into CLIENT_MESSAGES). Shapes are
 * checked here; numbers, digits and PINs are checked by the engine, which
 * answers with a VALIDATION error that names the accepted formats.
 */
import { z } from 'zod';

const interactionId = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
const legId = z.string().min(1).max(64);
const number = z.string().min(1).max(40);
const pin = z.string().min(1).max(8);
const onCall = z.object({ interactionId });

export const PHONE_MESSAGES = {
  phone_mute: z.object({ interactionId, muted: z.boolean(), legId: legId.optional() }),
  phone_hold: z.object({ interactionId, held: z.boolean(), legId: legId.optional() }),
  phone_dtmf: z.object({ interactionId, digits: z.string().min(1).max(32) }),
  phone_record: z.object({ interactionId, action: z.enum(['start', 'pause', 'resume']) }),
  phone_play: z.object({ interactionId, recordingId: id }),
  phone_dial: z.object({ number, code: id.optional(), queueId: id.optional() }),
  phone_transfer: z.object({
    interactionId,
    to: z.union([z.object({ agentId: id }), z.object({ queueId: id }), z.object({ number })]),
    mode: z.enum(['warm', 'cold']).optional(),
    force: z.boolean().optional(),
  }),
  phone_conference_add: z.object({ interactionId, to: z.union([z.object({ agentId: id }), z.object({ number })]) }),
  phone_complete: onCall,
  phone_cancel_consult: onCall,
  phone_remove: z.object({ interactionId, legId }),
  phone_leave: onCall,
  phone_end_all: onCall,
  voicemail_email: onCall,
  phone_set_mode: z.object({ mode: z.enum(['on_demand', 'persistent']) }),
  phone_connect_voice: z.object({}).optional(),
  phone_voice_pin: z.object({ pin }),
  phone_change_workplace: z.object({ kind: z.enum(['phone', 'sip']), value: z.string().min(1).max(300) }),
  phone_validate_workplace: z.object({ pin }),
} as const;

export type PhoneMessageType = keyof typeof PHONE_MESSAGES;
