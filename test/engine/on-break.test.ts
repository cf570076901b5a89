/**
 * On Break (DOMAIN.md: "tools are disabled except status change"; the guide: "L'accès à toutes
 * les fonctions est désactivé. Le panneau de contrôle devient indisponible"): the engine refuses
 * colleague chat, dialing, sending notices and FAQ edits with a typed reason, whatever a console shows.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from '../../src/engine/index.js';
import { agent, baseTenant, harness } from './harness.js';

const tenant = () =>
  baseTenant({
    agents: [
      agent('a1', { permissions: { editFaq: true } }),
      agent('a2'),
    ],
    queues: [{ id: 'out', name: 'Outbound', media: 'outbound_phone', agents: ['a1'] }],
  });

const TOOLS: [string, Command][] = [
  ['chatting with colleagues', { type: 'send_agent_chat', agentId: 'a1', to: 'a2', text: 'hi' }],
  ['dialing', { type: 'phone_dial', agentId: 'a1', number: '5105551234' }],
  ['sending notices', { type: 'broadcast_notice', agentId: 'a1', text: 'Lunch at noon', priority: 'low' }],
  ['editing the FAQ', { type: 'save_faq', agentId: 'a1', entry: { id: 'x', title: 'X', body: 'x', category: 'General' } }],
  ['editing the FAQ', { type: 'delete_faq', agentId: 'a1', faqId: 'x' }],
];

describe('On Break', () => {
  it.each(TOOLS)('refuses %s with DISABLED_IN_STATUS and a reason, and changes nothing', (label, cmd) => {
    const h = harness(tenant());
    h.ok({ type: 'login', agentId: 'a1' });
    h.ok({ type: 'login', agentId: 'a2' });
    const before = h.events.length;
    expect(h.run(cmd)).toEqual({
      ok: false,
      error: { code: 'DISABLED_IN_STATUS', message: `You are On Break: ${label} is off. Go Available or Working Offline to use it.` },
    });
    expect(h.events.length).toBe(before);
  });

  it('the same tools work from Working Offline and Available; the status change always works', () => {
    const h = harness(tenant());
    h.ok({ type: 'login', agentId: 'a2' });
    h.ok({ type: 'login', agentId: 'a1' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'working_offline' });
    h.ok(TOOLS[0]![1]);
    h.ok(TOOLS[2]![1]);
    h.ok(TOOLS[3]![1]);
    h.ok(TOOLS[4]![1]);
    h.ok({ type: 'set_status', agentId: 'a1', status: 'on_break' });
    h.ok({ type: 'set_status', agentId: 'a1', status: 'available' });
    h.ok(TOOLS[1]![1]);
    expect(h.status('a1')).toBe('busy');
  });

  it('reading notices and a direct call stay possible; messages from colleagues still arrive', () => {
    const h = harness(baseTenant());
    h.available('a2');
    h.ok({ type: 'login', agentId: 'a1' });
    h.ok({ type: 'send_agent_chat', agentId: 'a2', to: 'a1', text: 'back soon?' });
    expect(h.engine.queries.agentChat('a1', 'a2').map((m) => m.text)).toEqual(['back soon?']);
    h.ok({ type: 'broadcast_notice', agentId: 'a2', text: 'Team meeting', priority: 'low' });
    const notice = h.engine.queries.noticesOf('a1')[0]!;
    h.ok({ type: 'read_notices', agentId: 'a1', noticeIds: [notice.id] });
    h.ok({ type: 'login', agentId: 'a3' });
    const { interactionId } = h.ok({ type: 'arrive_direct', number: '5105550100', customer: { name: 'Lee' } });
    h.ok({ type: 'accept', agentId: 'a3', interactionId: interactionId! });
    expect(h.status('a3')).toBe('busy');
  });
});
