/**
 * Routing: which waiting interaction goes to which ready agent, kept in
 * heaps (router.ts) rather than found by scans. The engine keeps one Router
 * beside the state and runs `route` after every command; this module adds
 * the queue views.
 */
import { defineModule } from '../kernel/module.js';
import { routingViews } from './views.js';

export const routing = defineModule({
  name: 'routing',
  views: routingViews,
});
