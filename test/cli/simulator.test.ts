import { describe, expect, it } from 'vitest';
import { loadTenantFile, openEngine, VirtualClock, type EngineEvent } from '../../src/engine/index.js';
import { Simulator } from '../../src/cli/demo/simulator.js';
import { DEMO_TENANT } from '../../src/cli/paths.js';

describe('demo traffic simulator', () => {
  it('brings colleagues online and keeps work flowing through every inbound queue', () => {
    const clock = new VirtualClock();
    const engine = openEngine({ tenant: loadTenantFile(DEMO_TENANT), dbFile: ':memory:', clock });
    const events: EngineEvent[] = [];
    engine.subscribe((b) => events.push(...b));
    const sim = new Simulator(engine, clock, { humans: ['ana'], rate: 2, seed: 42 });
    sim.start();
    for (let minute = 0; minute < 60; minute++) clock.advance(60_000);
    sim.stop();

    const count = (type: string) => events.filter((e) => e.type === type).length;
    expect(count('interaction.arrived')).toBeGreaterThan(50);
    expect(count('interaction.accepted')).toBeGreaterThan(20);
    expect(events.filter((e) => e.type === 'interaction.ended' && e.reason === 'wrapped_up').length).toBeGreaterThan(10);
    const queuesWithArrivals = new Set(events.flatMap((e) => (e.type === 'interaction.arrived' && e.queueId ? [e.queueId] : [])));
    expect([...queuesWithArrivals].sort()).toEqual(['billing-email', 'sales-chat', 'sales-phone', 'support-chat', 'support-phone', 'support-voicemail']);
    // The human is never driven by the simulator.
    expect(events.some((e) => e.type === 'agent.logged_in' && e.agentId === 'ana')).toBe(false);
    // Colleagues take breaks with a status code, so contacts change colour.
    expect(events.some((e) => e.type === 'agent.status_changed' && e.to === 'on_break' && e.code === 'lunch')).toBe(true);
    // A supervisor broadcasts a notice now and then; ana (in her group) gets it.
    expect(count('notice.broadcast')).toBeGreaterThan(1);
    expect(engine.queries.noticesOf('ana').length).toBeGreaterThan(1);
    // Once stopped, no more customers arrive.
    const arrived = count('interaction.arrived');
    clock.advance(3_600_000);
    expect(count('interaction.arrived')).toBe(arrived);
    engine.close();
  });

  it('often leaves a colleague of her group a call can be handed to (Working Offline on case work, or Available)', () => {
    // Walking a shift (issue 23), every Support colleague was Busy whenever Ana tried a warm
    // transfer or a conference: only Available or Working Offline colleagues can take one.
    const clock = new VirtualClock();
    const engine = openEngine({ tenant: loadTenantFile(DEMO_TENANT), dbFile: ':memory:', clock });
    const sim = new Simulator(engine, clock, { humans: ['ana'], seed: 7 });
    sim.start();
    let reachable = 0;
    let caseWork = false;
    for (let t = 0; t < 360; t++) {
      clock.advance(10_000);
      const statuses = ['ben', 'chloe', 'dev', 'kate'].map((a) => engine.queries.self(a));
      if (t >= 30 && statuses.some((x) => x?.status === 'working_offline' || x?.status === 'available')) reachable++;
      caseWork ||= statuses.some((x) => x?.status === 'working_offline' && x.statusCode === 'casework');
    }
    sim.stop();
    expect(caseWork).toBe(true);
    // Sampled every 10 s for the last 55 minutes: at least half the time (it was under a tenth).
    expect(reachable).toBeGreaterThan(330 / 2);
    engine.close();
  });
});
