// Generators of hostile OpenAPI inputs shared by test/openapi/hostile.test.ts and test/probes/openapi.test.ts.

/** A syntactically fine OpenAPI 3.0 document of about `bytes` bytes. */
export function hugeSpec(bytes: number): string {
  const paths: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = `"/r${i}":{"get":{"summary":"Resource ${i}","responses":{"200":{"description":"${'x'.repeat(200)}"}}}}`;
    paths.push(p);
    size += p.length + 1;
  }
  return `{"openapi":"3.0.3","info":{"title":"Huge","version":"1"},"paths":{${paths.join(',')}}}`;
}

/** The YAML "billion laughs": nine levels of nine aliases each (9^9 strings if expanded). */
export function yamlAliasBomb(): string {
  const lines = ['openapi: 3.0.3', 'info: {title: bomb, version: "1"}', 'paths: {}', 'x-a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = names[i - 1];
    lines.push(`x-${names[i]}: &${names[i]} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}
