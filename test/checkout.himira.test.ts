/** The checkout journey and its refusals against a Himira buyer backend stand-in instead of the sandbox network: only configuration changes. */
process.env['JOURNEY_TARGET'] = 'himira';
await import('./checkout.test.js');
