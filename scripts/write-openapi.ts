// Regenerates openapi/openapi.json from the routes (npm run openapi). test/openapi.test.ts fails when it drifts.
import { writeFileSync } from 'node:fs';
import { openTestShop } from '../test/helpers/shop.js';
import { openApiText } from '../src/http/openapi.js';

const shop = await openTestShop();
writeFileSync('openapi/openapi.json', await openApiText(shop.app));
await shop.close();
process.stderr.write('wrote openapi/openapi.json\n');
