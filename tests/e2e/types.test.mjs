// The npm packages' TypeScript declarations as a front-end team meets them: a consumer of every
// export (tests/types/consumer.ts) compiled with `tsc --strict` against the generated
// `livetrust.d.ts` and the widgets' `livetrust-widgets.d.ts`, and no declaration merged by a
// duplicate name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const here = path.dirname(new URL(import.meta.url).pathname);
const ROOT = path.join(here, '../..');
const PACKAGES = {
  livetrust: process.env.PKG_DIR ?? path.join(ROOT, 'crates/wasm/pkg'),
  'livetrust-widgets': process.env.WIDGETS_DIR ?? path.join(ROOT, 'crates/widgets/pkg'),
};
const TSC = path.join(here, 'node_modules/typescript/bin/tsc');

/** Top-level names declared more than once in a declaration file (interfaces would merge). */
export function duplicateDeclarations(dts) {
  const names = new Map();
  let depth = 0;
  for (const line of dts.split('\n')) {
    const m = depth === 0 && line.match(/^export\s+(?:declare\s+)?(?:interface|type|class|enum|const|function)\s+([A-Za-z_$][\w$]*)/);
    if (m) names.set(m[1], (names.get(m[1]) ?? 0) + 1);
    for (const c of line.replace(/\/\/.*$/, '').replace(/(["'`]).*?\1/g, '')) {
      if (c === '{') depth += 1;
      else if (c === '}') depth -= 1;
    }
  }
  return [...names].filter(([, n]) => n > 1).map(([name]) => name);
}

test('no exported TypeScript name is declared twice', () => {
  assert.deepEqual(duplicateDeclarations('export interface A {\n  b: { c: 1 };\n}\nexport interface A {}\nexport type B = 1;\n'), ['A']);
  for (const [name, dir] of Object.entries(PACKAGES)) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const dts = fs.readFileSync(path.join(dir, pkg.types), 'utf8');
    assert.deepEqual(duplicateDeclarations(dts), [], `${name}: ${pkg.types}`);
  }
});

test('a TypeScript consumer of every export compiles with tsc --strict', () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'livetrust-types-'));
  for (const [name, dir] of Object.entries(PACKAGES)) {
    fs.cpSync(dir, path.join(work, 'node_modules', name), { recursive: true });
  }
  fs.copyFileSync(path.join(ROOT, 'tests/types/consumer.ts'), path.join(work, 'consumer.ts'));
  fs.writeFileSync(path.join(work, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, target: 'es2022', module: 'es2022', moduleResolution: 'bundler',
      lib: ['es2022', 'dom', 'dom.iterable', 'esnext.disposable'], skipLibCheck: false, noUnusedLocals: true,
      exactOptionalPropertyTypes: false,
    },
    files: ['consumer.ts'],
  }));
  let output = '';
  try {
    execFileSync(process.execPath, [TSC, '-p', work], { encoding: 'utf8' });
  } catch (e) {
    output = `${e.stdout}${e.stderr}`;
  }
  fs.rmSync(work, { recursive: true, force: true });
  assert.equal(output, '', 'tsc --strict reports no errors');
});
