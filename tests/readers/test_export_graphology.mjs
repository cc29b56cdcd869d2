// The exports of the sample corpus read by graphology's own parsers, which
// Gephi Lite uses: graphology-graphml, graphology-gexf, and Graph.from() on
// the JSON. All must show the same nodes, labels, types, edges, weights and
// colours. Needs `npm ci --prefix tests/readers` (node_modules is not
// committed); where the npm registry could not be reached the test says so
// and exits 77, which ctest reports as skipped.
//
// usage: node test_export_graphology.mjs WARDGRAPH SOURCE_DIR SCRATCH_DIR
import {createRequire} from 'node:module';
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const [exe, src, scratchRoot] = process.argv.slice(2);
const require = createRequire(path.join(src, 'tests/readers/package.json'));
let Graph, gexf, graphml;
try {
  Graph = require('graphology');
  gexf = require('graphology-gexf');
  graphml = require('graphology-graphml');
} catch (e) {
  console.log(`SKIPPED: graphology readers are not installed (npm ci --prefix tests/readers failed or was not run): ${e.message}`);
  process.exit(77);
}

let checks = 0, failures = 0;
function check(cond, what) {
  checks++;
  if (!cond) {
    failures++;
    console.log('FAIL: ' + what);
  }
}

const scratch = path.join(scratchRoot, 'graphology');
fs.rmSync(scratch, {recursive: true, force: true});
fs.mkdirSync(scratch, {recursive: true});
const out = path.join(scratch, 'seeds.graphml');
execFileSync(exe, ['build', '--quiet', '--all-formats', '-o', out, 'tests/corpus/seeds'], {cwd: src});
const base = out.slice(0, -'.graphml'.length);
const read = ext => fs.readFileSync(base + ext, 'utf8');

// graphology's JSON serialisation is the reference (Graph.from validates it)
const ref = Graph.from(JSON.parse(read('.json')));
check(ref.type === 'undirected' && !ref.multi, 'JSON graph is undirected, simple');
check(ref.order > 5 && ref.size > 5, `a real graph: ${ref.order} nodes, ${ref.size} edges`);
const pair = (g, e) => [g.source(e), g.target(e)].sort().join('\u0000');
const refWeights = new Map();
ref.forEachEdge(e => refWeights.set(pair(ref, e), ref.getEdgeAttribute(e, 'weight')));

function sameGraph(name, g, typeAttr) {
  check(g.order === ref.order, `${name}: ${g.order} nodes, want ${ref.order}`);
  check(g.size === ref.size, `${name}: ${g.size} edges, want ${ref.size}`);
  ref.forEachNode((key, a) => {
    if (!g.hasNode(key)) {
      check(false, `${name}: no node ${key}`);
      return;
    }
    const b = g.getNodeAttributes(key);
    check(b.label === a.label, `${name}: label of ${key}: ${b.label}`);
    check(b[typeAttr] === a.entity_type, `${name}: type of ${key}: ${b[typeAttr]}`);
    check(Math.abs(b.x - a.x) < 1e-9 && Math.abs(b.y - a.y) < 1e-9, `${name}: position of ${key}`);
    check(Math.abs(b.size - a.size) < 1e-9, `${name}: size of ${key}`);
    const rgb = /^rgb\((\d+),(\d+),(\d+)\)$/.exec(b.color || '');
    const hex = rgb ? '#' + rgb.slice(1).map(x => Number(x).toString(16).padStart(2, '0')).join('') : b.color;
    check(hex === a.color, `${name}: colour of ${key}: ${b.color} vs ${a.color}`);
  });
  g.forEachEdge(e => {
    const w = refWeights.get(pair(g, e));
    check(w !== undefined && g.getEdgeAttribute(e, 'weight') === w, `${name}: weight of ${pair(g, e)}`);
  });
}

sameGraph('graphology-graphml', graphml.parse(Graph, read('.graphml')), 'type');
sameGraph('graphology-gexf', gexf.parse(Graph, read('.gexf')), 'type');
check(/<gexf [^>]*version="1\.2"/.test(read('.gexf')), 'GEXF 1.2 by default');
// GEXF 1.3 on request: the same graph to graphology
const gexf13 = path.join(scratch, 'seeds13.gexf');
execFileSync(exe, ['build', '--quiet', '--gexf-version', '1.3', '-o', gexf13, 'tests/corpus/seeds'], {cwd: src});
const text13 = fs.readFileSync(gexf13, 'utf8');
check(/<gexf [^>]*xmlns="http:\/\/gexf\.net\/1\.3"[^>]*version="1\.3"/.test(text13), 'GEXF 1.3 on request');
sameGraph('graphology-gexf 1.3', gexf.parse(Graph, text13), 'type');

console.log(`graphology readers: ${ref.order} nodes, ${ref.size} edges; ${checks} checks`);
console.log(`${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
