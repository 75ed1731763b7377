// The JSON API against its description: real answers of `arkiv serve` (over the fixtures,
// FRUS documents of four volumes among them) validated by ajv against the schemas of
// docs/openapi.yaml; every documented integer limit tried at its bounds and just past them;
// the facet filters that match nothing; the "more like this" list the same as the page's.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import YAML from 'yaml';
import { importFixtures, makeTemp, startServer, stopServer, source } from './archive_fixture.mjs';

let tmp, server, base, spec, ajv;

before(async () => {
  tmp = makeTemp();
  ({ child: server, url: base } = await startServer(importFixtures(tmp)));
  spec = YAML.parse(fs.readFileSync(path.join(source, 'docs/openapi.yaml'), 'utf8'));
  // OpenAPI 3.0 schemas are JSON Schema plus a few keywords (example, nullable) ajv need not know.
  ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addFormat('date-time', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
  ajv.addSchema({ ...spec, $id: 'openapi' });
});

after(async () => {
  await stopServer(server);
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

const pointer = (...parts) => parts.map((p) => String(p).replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

// The schema of `status`'s JSON answer of GET `route` (a path of openapi.yaml).
function responseSchema(route, status) {
  const op = spec.paths[route]?.get;
  assert.ok(op, `openapi.yaml describes GET ${route}`);
  let response = op.responses[String(status)];
  assert.ok(response, `openapi.yaml describes GET ${route} answering ${status}`);
  let ref = `openapi#/${pointer('paths', route, 'get', 'responses', String(status))}`;
  if (response.$ref) ref = 'openapi' + response.$ref, response = spec.components.responses[response.$ref.split('/').pop()];
  assert.ok(response.content?.['application/json']?.schema, `GET ${route} ${status} has a JSON schema`);
  return { $ref: `${ref}/${pointer('content', 'application/json', 'schema')}` };
}

// GETs `url` (under /api/v1), checks the status and validates the body against `route`'s schema.
async function validated(route, url, status = 200) {
  const r = await fetch(base + '/api/v1' + url);
  const body = await r.json();
  assert.equal(r.status, status, `${url}: ${JSON.stringify(body).slice(0, 300)}`);
  const validate = ajv.compile(responseSchema(route, status));
  assert.ok(validate(body), `${url} against openapi.yaml: ${ajv.errorsText(validate.errors)}`);
  return body;
}

test('search answers match the SearchPage schema, and each hit carries its url', async () => {
  for (const url of ['/search?q=railway', '/search?q=declaration&facet_limit=100', '/search?collection=Albania-Korea%20Relations',
    '/search?from=1918&to=1919&sort=date', '/search?q=Lansing&limit=100&page=1', '/search?limit=0']) {
    const body = await validated('/search', url);
    for (const hit of body.hits) {
      assert.equal(hit.url, `${base}/documents/${hit.id.split('/').map(encodeURIComponent).join('/')}`);
      const page = await fetch(hit.url);
      assert.equal(page.status, 200, hit.url);
    }
  }
  const railway = await validated('/search', '/search?q=railway');
  assert.ok(railway.hits.length > 0);
});

test('records, with their "more like this" list, match the Record schema; the list is the page\'s', async () => {
  // Documents of every FRUS volume (a collection each), and of the other fixtures.
  const collections = await validated('/facets/{field}', '/facets/collection?limit=1000');
  const volumes = collections.values.filter((v) => /foreign relations/i.test(v.value));
  assert.ok(volumes.length >= 4, `FRUS volumes: ${volumes.map((v) => v.value)}`);
  const ids = [];
  for (const v of volumes) {
    const found = await validated('/search', `/search?collection=${encodeURIComponent(v.value)}&limit=2&sort=date`);
    ids.push(...found.hits.map((h) => h.id));
  }
  for (const q of ['declaration', 'Moscow']) {
    const found = await validated('/search', `/search?q=${q}&limit=2`);
    ids.push(...found.hits.map((h) => h.id));
  }
  assert.ok(ids.length >= 6);
  for (const id of ids) {
    const doc = await validated('/documents/{id}', `/documents/${id}`);
    assert.equal(doc.id, id);
    assert.ok(Array.isArray(doc.similar) && Array.isArray(doc.related));
    assert.ok(doc.similar.length <= 5);
    // The document page lists the same documents, in the same order.
    const html = await (await fetch(`${base}/documents/${id}`)).text();
    const section = html.match(/<ul class="related">([\s\S]*?)<\/ul>/);
    const onPage = section ? [...section[1].matchAll(/href="\/documents\/([^"]+)"/g)].map((m) => decodeURIComponent(m[1])) : [];
    assert.deepEqual(doc.similar.map((s) => s.id), onPage, `similar of ${id}`);
    for (const s of doc.similar) assert.ok(s.url.endsWith('/documents/' + s.id.split('/').map(encodeURIComponent).join('/')));
  }
  await validated('/documents/{id}', '/documents/no/such/record', 404);
});

test('facet answers name documents and values_total apart; limit goes to 1000', async () => {
  const all = await validated('/facets/{field}', '/facets/person?limit=1000');
  assert.ok(all.values_total > 100, `${all.values_total} people`);
  assert.equal(all.values.length, Math.min(1000, all.values_total));
  const stats = await validated('/stats', '/stats');
  assert.equal(all.documents, stats.documents, 'documents: every record matches an empty search');
  const three = await validated('/facets/{field}', '/facets/person?limit=3');
  assert.equal(three.values.length, 3);
  assert.equal(three.values_total, all.values_total);
  const filtered = await validated('/facets/{field}', '/facets/collection?q=railway');
  assert.ok(filtered.documents < stats.documents);
  assert.equal(filtered.values_total, filtered.values.length);
});

test('a filter value found nowhere gives an empty answer that says so; a malformed language is a 400', async () => {
  const none = await validated('/search', '/search?place=Atlantis');
  assert.equal(none.total, 0);
  assert.deepEqual(none.unmatched_filters, [{ field: 'place', value: 'Atlantis' }]);
  assert.match(none.message, /no document has place 'Atlantis'/);
  // A value that exists, combined with another that exists, matching nothing together: not "unmatched".
  const both = await validated('/search', '/search?place=Pyongyang&collection=' + encodeURIComponent('Papers Relating to the Foreign Relations of the United States, 1930, Volume I'));
  assert.equal(both.total, 0);
  assert.deepEqual(both.unmatched_filters, []);
  const facet = await validated('/facets/{field}', '/facets/place?person=Nobody%20At%20All');
  assert.equal(facet.documents, 0);
  assert.deepEqual(facet.unmatched_filters, [{ field: 'person', value: 'Nobody At All' }]);
  for (const bad of ['xx', 'english?', '12']) {
    const r = await validated('/search', `/search?language=${encodeURIComponent(bad)}`, 400);
    assert.match(r.error.message, /parameter 'language'/);
  }
  assert.ok((await validated('/search', '/search?language=Albanian')).total > 0, 'a language name is a language');
  assert.ok((await validated('/search', '/search?language=sqi')).total > 0, 'so is an ISO 639-2 code');
});

test('every documented integer limit is the real one', async () => {
  const checked = [];
  for (const [route, item] of Object.entries(spec.paths)) {
    const op = item.get;
    if (!op || op.security) continue;  // signed-in routes have tests of their own
    const concrete = route.replace('{field}', 'language');
    for (const p of op.parameters ?? []) {
      const s = p.schema ?? {};
      if (p.in !== 'query' || s.type !== 'integer' || s.minimum === undefined || s.maximum === undefined) continue;
      for (const [value, status] of [[s.minimum, 200], [s.maximum, 200], [s.minimum - 1, 400], [s.maximum + 1, 400]]) {
        const url = `${concrete}?${p.name}=${value}`;
        const body = await validated(route, url, status);
        if (status === 400) assert.match(body.error.message, new RegExp(`parameter '${p.name}'.*${s.minimum}-${s.maximum}`), url);
      }
      checked.push(`${route} ${p.name}`);
    }
  }
  assert.ok(checked.length >= 4, `checked: ${checked.join(', ')}`);
});
