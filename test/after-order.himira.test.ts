/** After the order (track, cancel, return, rate, complain, support, a seller's own cancel) against a Himira buyer backend stand-in instead of the sandbox network: only configuration changes. */
process.env['JOURNEY_TARGET'] = 'himira';
await import('./after-order.test.js');
