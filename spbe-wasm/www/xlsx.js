// A minimal .xlsx (Office Open XML SpreadsheetML) writer and reader for the
// calculator: no library, no network.
// - writeXlsx: a workbook of text and number cells, as a zip of stored
//   (uncompressed) entries with their CRC-32. Numbers are written as the
//   decimal text given (the core's), never through a binary double here.
// - readXlsx: the cells of every sheet as text (a number cell gives the digits
//   the file holds), from a workbook this page wrote or one saved by Excel or
//   LibreOffice (deflated entries, shared strings, inline strings).

const enc = new TextEncoder();

// ---------------------------------------------------------------- zip
const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

export function crc32(bytes) {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

// files: [{ name, data: Uint8Array }] -> the zip's bytes (method 0, stored)
export function zipStored(files, date = new Date()) {
  const dosTime = (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1);
  const dosDate = ((date.getFullYear() - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate();
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const f of files) {
    const name = enc.encode(f.name);
    const crc = crc32(f.data);
    const head = new DataView(new ArrayBuffer(30));
    head.setUint32(0, 0x04034b50, true);
    head.setUint16(4, 20, true); // version needed
    head.setUint16(6, 0x0800, true); // names in UTF-8
    head.setUint16(8, 0, true); // stored
    head.setUint16(10, dosTime, true);
    head.setUint16(12, dosDate, true);
    head.setUint32(14, crc, true);
    head.setUint32(18, f.data.length, true);
    head.setUint32(22, f.data.length, true);
    head.setUint16(26, name.length, true);
    head.setUint16(28, 0, true);
    locals.push(new Uint8Array(head.buffer), name, f.data);
    const cen = new DataView(new ArrayBuffer(46));
    cen.setUint32(0, 0x02014b50, true);
    cen.setUint16(4, 20, true);
    cen.setUint16(6, 20, true);
    cen.setUint16(8, 0x0800, true);
    cen.setUint16(10, 0, true);
    cen.setUint16(12, dosTime, true);
    cen.setUint16(14, dosDate, true);
    cen.setUint32(16, crc, true);
    cen.setUint32(20, f.data.length, true);
    cen.setUint32(24, f.data.length, true);
    cen.setUint16(28, name.length, true);
    cen.setUint32(42, offset, true);
    centrals.push(new Uint8Array(cen.buffer), name);
    offset += 30 + name.length + f.data.length;
  }
  const cenSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, cenSize, true);
  end.setUint32(16, offset, true);
  const parts = [...locals, ...centrals, new Uint8Array(end.buffer)];
  const out = new Uint8Array(parts.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

async function inflateRaw(bytes) {
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

// The zip's entries by name (stored or deflated), read from its central directory.
export async function unzip(bytes) {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error("not a zip file");
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  const dec = new TextDecoder();
  const out = new Map();
  for (let k = 0; k < count; k++) {
    if (dv.getUint32(p, true) !== 0x02014b50) throw new Error("damaged zip directory");
    const method = dv.getUint16(p + 10, true);
    const size = dv.getUint32(p + 20, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const local = dv.getUint32(p + 42, true);
    const name = dec.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    const dataAt = local + 30 + dv.getUint16(local + 26, true) + dv.getUint16(local + 28, true);
    const raw = bytes.subarray(dataAt, dataAt + size);
    if (method === 0) out.set(name, raw);
    else if (method === 8) out.set(name, await inflateRaw(raw));
    else throw new Error(`zip entry ${name}: compression method ${method}`);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

// ---------------------------------------------------------------- SpreadsheetML
const xmlEscape = (s) =>
  String(s)
    // characters XML 1.0 cannot carry are left out
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "")
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

export function columnName(i) {
  let s = "";
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function columnIndex(ref) {
  const letters = /^[A-Z]+/.exec(ref)[0];
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

// A cell: null (empty), { s: "text" }, { n: "3.25" } (a decimal literal), and
// `bold: true` for a header. Sheets: [{ name, rows: [[cell]], widths: [chars] }].
function sheetXml(sheet) {
  const rows = sheet.rows.map((cells, r) => {
    const cs = cells.map((c, i) => {
      if (!c) return "";
      const ref = `${columnName(i)}${r + 1}`;
      const st = c.bold ? ' s="1"' : c.wrap ? ' s="2"' : "";
      if (c.n !== undefined) {
        if (!/^-?\d+(\.\d+)?$/.test(String(c.n))) throw new Error(`not a decimal: ${c.n}`);
        return `<c r="${ref}"${st}><v>${c.n}</v></c>`;
      }
      return `<c r="${ref}"${st} t="inlineStr"><is><t xml:space="preserve">${xmlEscape(c.s)}</t></is></c>`;
    });
    return `<row r="${r + 1}">${cs.join("")}</row>`;
  });
  const cols = sheet.widths
    ? `<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join("")}</cols>`
    : "";
  const pane = sheet.freezeRow ? `<sheetViews><sheetView workbookViewId="0"><pane ySplit="${sheet.freezeRow}" topLeftCell="A${sheet.freezeRow + 1}" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` : "";
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${pane}${cols}<sheetData>${rows.join("")}</sheetData></worksheet>`;
}

export function writeXlsx(sheets, meta = {}) {
  const ns = "http://schemas.openxmlformats.org/";
  const files = [
    ["[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="${ns}package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`],
    ["_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships"><Relationship Id="rId1" Type="${ns}officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="${ns}package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`],
    ["docProps/core.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="${ns}package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlEscape(meta.title || "")}</dc:title><dc:creator>spbe</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${new Date().toISOString().replace(/\.\d+Z$/, "Z")}</dcterms:created></cp:coreProperties>`],
    ["xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}spreadsheetml/2006/main" xmlns:r="${ns}officeDocument/2006/relationships"><sheets>${sheets.map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`],
    ["xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${ns}package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${ns}officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rId${sheets.length + 1}" Type="${ns}officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`],
    // styles: 0 normal, 1 bold, 2 wrapped text
    ["xl/styles.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment wrapText="1" vertical="top"/></xf></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`],
    ...sheets.map((s, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheetXml(s)]),
  ];
  return zipStored(files.map(([name, text]) => ({ name, data: enc.encode(text) })));
}

// ---------------------------------------------------------------- reading
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function parseXml(bytes, name) {
  const doc = new DOMParser().parseFromString(new TextDecoder().decode(bytes), "application/xml");
  if (doc.getElementsByTagName("parsererror").length) throw new Error(`${name}: not well-formed XML`);
  return doc;
}

// The text of a string item (<si> or <is>): its <t> runs, phonetic runs left out.
function itemText(node) {
  let s = "";
  for (const tnode of node.getElementsByTagNameNS(MAIN, "t")) {
    if (tnode.parentNode.localName === "rPh") continue;
    s += tnode.textContent;
  }
  return s;
}

// -> [{ name, rows: [[text or null]] }] in the workbook's sheet order.
// Number cells give the digits as stored; booleans "TRUE"/"FALSE"; formulas their cached value.
export async function readXlsx(bytes) {
  const files = await unzip(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes));
  const need = (n) => {
    const f = files.get(n);
    if (!f) throw new Error(`not an Excel workbook (${n} is missing)`);
    return f;
  };
  const wb = parseXml(need("xl/workbook.xml"), "workbook");
  const rels = parseXml(need("xl/_rels/workbook.xml.rels"), "workbook relationships");
  const target = new Map();
  for (const r of rels.getElementsByTagName("Relationship")) target.set(r.getAttribute("Id"), r.getAttribute("Target"));
  const shared = [];
  if (files.has("xl/sharedStrings.xml")) {
    for (const si of parseXml(files.get("xl/sharedStrings.xml"), "shared strings").getElementsByTagNameNS(MAIN, "si")) shared.push(itemText(si));
  }
  const sheets = [];
  for (const s of wb.getElementsByTagNameNS(MAIN, "sheet")) {
    let t = target.get(s.getAttributeNS(REL, "id") || s.getAttribute("r:id")) || "";
    t = t.startsWith("/") ? t.slice(1) : `xl/${t}`;
    const doc = parseXml(need(t), s.getAttribute("name"));
    const rows = [];
    for (const row of doc.getElementsByTagNameNS(MAIN, "row")) {
      const r = Number(row.getAttribute("r") || rows.length + 1) - 1;
      const cells = [];
      let next = 0;
      for (const c of row.getElementsByTagNameNS(MAIN, "c")) {
        const ref = c.getAttribute("r");
        const i = ref ? columnIndex(ref) : next;
        next = i + 1;
        const type = c.getAttribute("t") || "n";
        const v = c.getElementsByTagNameNS(MAIN, "v")[0];
        let val = null;
        if (type === "inlineStr") {
          const is = c.getElementsByTagNameNS(MAIN, "is")[0];
          val = is ? itemText(is) : "";
        } else if (type === "s") val = v ? shared[Number(v.textContent)] ?? "" : "";
        else if (type === "b") val = v ? (v.textContent === "1" ? "TRUE" : "FALSE") : null;
        else val = v ? v.textContent : null;
        cells[i] = val;
      }
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      rows[r] = cells;
    }
    for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
    sheets.push({ name: s.getAttribute("name"), rows });
  }
  return sheets;
}
