import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { openApiText } from './openapi';

/** `npm run openapi`: writes `docs/openapi.json` from the routes' schemas. */
const target = path.resolve(process.argv[2] ?? 'docs/openapi.json');
writeFileSync(target, openApiText());
console.log(target);
