// An ES module's text as an expression giving its exports: a function body
// that returns them, for a build that puts modules into one file (the
// calculator's single-file build, the wasm glue's snippets). Only the export
// forms these files use are handled; anything else calls `fail` (which stops
// the build) rather than producing code that breaks at run time.
export function wrapModule(name, src, fail) {
  const names = [];
  let body = src.replace(/^export (async function|function|const|let|class) ([A-Za-z_$][\w$]*)/gm, (_, kind, id) => {
    names.push(`${id}: ${id}`);
    return `${kind} ${id}`;
  });
  body = body.replace(/^export \{([^}]*)\};?\s*$/gm, (_, list) => {
    for (const part of list.split(",").map((s) => s.trim()).filter(Boolean)) {
      const m = /^([\w$]+)(?:\s+as\s+([\w$]+))?$/.exec(part);
      if (!m) fail(`${name}: cannot read the export "${part}"`);
      names.push(`${m[2] || m[1]}: ${m[1]}`);
    }
    return "";
  });
  if (/^\s*(export|import)\s/m.test(body) || /\brequire\(/.test(body)) fail(`${name}: an import or export form this tool does not handle`);
  if (!names.length) fail(`${name}: exports nothing`);
  return `(function () {\n${body}\nreturn { ${names.join(", ")} };\n})()`;
}
