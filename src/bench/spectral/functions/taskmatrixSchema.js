// schema: validates a guideline or a registry against its JSON Schema with Spectral's own
// `schema` core function (ajv, draft-07, all errors), picking the schema by file kind as
// taskmatrix does. The schemas are read from the repository's schemas/ folder.
import { schema } from '@stoplight/spectral-functions';
import { isRegistryDocument } from './lib.js';

const loaded = new Map();

function schemaNamed(file) {
  if (!loaded.has(file)) {
    // Spectral evaluates the bundled ruleset with a require() that resolves from the ruleset's folder.
    loaded.set(file, require(`../../../schemas/${file}`));
  }
  return loaded.get(file);
}

export default function taskmatrixSchema(input, _options, context) {
  const file = isRegistryDocument(context.document) ? 'agencies.schema.json' : 'guideline.schema.json';
  return schema(input, { schema: schemaNamed(file), dialect: 'draft7', allErrors: true }, context);
}
