// The SPBE calculator. Every number on this page comes from spbe-core compiled
// to WebAssembly (spbe_wasm.js); this file only draws the form and the results.
import init, * as spbe from "./spbe_wasm.js";
import { writeXlsx, readXlsx } from "./xlsx.js";

const T = {
  id: {
    title: "Kalkulator Indeks SPBE", subtitle: "Penilaian mandiri dan target, dihitung persis seperti hasil resmi. Semua data tetap di perangkat Anda.",
    skip: "Langsung ke isian", setup: "Pengaturan", edition: "Edisi", institution: "Instansi", year: "Tahun",
    editing: "Sedang mengisi:", current: "Saat ini (penilaian mandiri)", target: "Target",
    stagesTitle: "Tahap penilaian dari berkas", stagesNote: "Tingkat per indikator pada setiap tahap, sebagaimana dihitung; hanya indikator yang tingkatnya berbeda antartahap (— : tidak dinilai pada tahap itu).",
    stage: { mandiri: "Mandiri", dokumen: "Dokumen", interviu: "Interviu", visitasi: "Visitasi", final: "Final" }, pembina: "Instansi Pembina", fungsi: "Peran fungsi",
    scoredFrom: (idx) => `Dinilai dari indeks ${idx}`, citesIndex: (idx) => `Merujuk indeks ${idx}`,
    stageDelta: "Final − Mandiri", stageGap: (d, p, q) => `Indeks Final − Mandiri: ${d} (${p} → ${q})`,
    stageFilled: "Terisi", stageName: "Tahap", stageIndex: "Indeks", stagePredicate: "Predikat", stageSame: "Tingkat semua indikator sama pada setiap tahap.",
    provisional: "sementara", inForce: "berlaku", inForceSince: (y) => `berlaku sejak ${y}`,
    save: "Simpan JSON", load: "Buka JSON", csv: "Ekspor CSV", print: "Cetak", link: "Salin tautan", clear: "Kosongkan",
    results: "Hasil", "current-short": "Saat ini", "target-short": "Target", gap: "Selisih ke target",
    parts: "Indeks domain dan aspek", part: "Bagian", weight: "Bobot",
    gains: "Kenaikan terbesar bila satu indikator naik satu tingkat", indicators: "Indikator",
    gainsContinuous: "Kenaikan terbesar bila nilai satu indikator naik ke bilangan bulat berikutnya",
    footer: "Dihitung oleh spbe (WebAssembly) di peramban Anda, tanpa server. Hasil resmi ditetapkan oleh Kementerian PANRB.",
    domain: "Domain", aspect: "Aspek", level: "Tingkat", service: "Layanan", none: "— tidak dilaporkan",
    note: "Penjelasan dan bukti dukung", noteLabel: "Penjelasan", evidenceLabel: "Bukti dukung (satu per baris: nama dokumen atau tautan)",
    filled: (n, t) => `${n} dari ${t} indikator terisi`, estimate: "perkiraan, belum lengkap", empty: "belum diisi",
    nextBand: (name, gap) => `Dari indeks saat ini, ${gap} lagi menuju ${name}`, topBand: "Predikat tertinggi",
    status: { provisional: "Sementara: disusun dari sumber sekunder.", reconstructed: "Bobot direkonstruksi dari hasil resmi yang dipublikasikan.", official: "Teks resmi.", custom: "" },
    fixFirst: (ids) => `Perbaiki dulu nilai indikator ${ids} (lihat pesan di bawahnya); berkas, cetakan dan ekspor dibuat dari isian yang sah.`, csvSaved: "Berkas CSV disimpan.",
    saved: "Berkas JSON disimpan.", loaded: (f) => `Berkas ${f} dibuka.`, copied: "Tautan disalin.", copyFail: "Salin tautan dari bilah alamat.",
    cleared: "Isian dikosongkan.", badFile: (m) => `Berkas tidak dapat dibuka: ${m}`, switched: "Edisi diganti; isian tingkat dikosongkan.",
    criteriaNote: "", summaryNote: "ringkasan, bukan teks resmi", gainLine: (id, name, g) => `${id}. ${name}: +${g}`,
    chartLabel: "Grafik indeks saat ini dan target per bagian",
    value: "Nilai (1,00–5,00)", ranges: "Rentang nilai dan kriteria", description: "Deskripsi indikator",
    fromFile: (v) => `Nilai dari berkas: ${v}`,
    planTitle: (name) => `Cara termurah ke ${name}`, planTitleNone: "Cara termurah ke predikat berikutnya",
    planFrom: (stage, idx, pred) => `Dari tingkat ${stage} penilai (bukan penilaian mandiri): indeks ${idx} (${pred}).`,
    gainsFrom: (stage) => `Dari tingkat ${stage} penilai (bukan penilaian mandiri).`,
    planStep: (id, name, from, to) => `${id}. ${name}: ${from} → ${to}`,
    planTotal: (steps, idx, pred) => `${steps} langkah kenaikan; indeks sesudahnya ${idx} (${pred}).`,
    planCopy: "Salin rencana ke target", planCopied: "Rencana disalin ke target.", planTop: "Sudah di predikat tertinggi.",
    planUnreachable: (m) => `Tidak dapat dicapai: ${m}`,
    criteriaMet: "Kriteria tingkat yang terpenuhi menurut bukti dukung",
    supported: (n) => `Didukung bukti dukung: tingkat ${n}`, above: (n) => `Di atas bukti dukung (yang didukung: tingkat ${n})`,
    aboveList: (ids) => `Tingkat di atas bukti dukung: indikator ${ids}`,
    hashBad: (m) => `Tautan di bilah alamat tidak dapat dibaca, jadi isiannya tidak dibuka. Tautan dibiarkan apa adanya agar dapat diperbaiki; tautan baru ditulis begitu Anda mengubah isian. (${m})`,
    hashNotLink: (h) => `Bagian tautan sesudah tanda # ("${h}") bukan isian kalkulator SPBE, jadi diabaikan. Tautan dibiarkan apa adanya; tautan baru ditulis begitu Anda mengubah isian.`,
    hashLevels: (m) => `Tautan di bilah alamat berisi nilai yang tidak sah, jadi isiannya tidak dibuka. Tautan dibiarkan apa adanya agar dapat diperbaiki. (${m})`,
    linkFail: (m) => `Tautan tidak dapat dibuat dari isian ini. (${m})`,
    badValue: (id, m) => `Nilai indikator ${id} tidak dapat dipakai. (${m})`,
    restored: (when) => `Draf tersimpan di peramban ini dibuka kembali (disimpan ${when}).`,
    draftBad: "Draf tersimpan di peramban ini rusak dan tidak dapat dibuka.",
    confirmClear: "Kosongkan semua isian (tingkat, penjelasan, bukti dukung)? Anda masih dapat mengurungkannya sesudahnya.",
    confirmEdition: "Mengganti edisi mengosongkan semua tingkat, penjelasan dan bukti dukung. Lanjutkan? Anda masih dapat mengurungkannya sesudahnya.",
    undo: "Urungkan", undone: "Isian sebelumnya dikembalikan.",
    openDraft: "Buka draf tersimpan", draftOffer: (when) => `Ada draf tersimpan di peramban ini (disimpan ${when}); tautan ini dibuka, dan draf itu ditimpa begitu Anda mengubah isian.`,
    onlyUnfilled: "Tampilkan yang belum diisi saja", editingNow: (tr) => (tr === "target" ? "Mengisi: Target" : "Mengisi: Saat ini"),
    sumGap: "Selisih",
    announce: (c, g) => `Indeks saat ini ${c}; target ${g}.`,
    csvHead: ["Indikator", "Domain", "Aspek", "Nama", "Saat ini", "Target", "Penjelasan", "Bukti dukung"],
    csvBlock: { institution: "Instansi", year: "Tahun", edition: "Edisi", index: "Indeks saat ini", predicate: "Predikat saat ini", targetIndex: "Indeks target", targetPredicate: "Predikat target" },
    xlsx: "Ekspor Excel", loadXlsx: "Impor Excel",
    xlsxHead: ["ID", "Nama indikator", "Tingkat saat ini", "Target (kosong: sama dengan saat ini)", "Penjelasan", "Bukti dukung"],
    xlsxBlock: { institution: "Instansi", year: "Tahun", edition: "Edisi", rubric: "Kode edisi", index: "Indeks saat ini", predicate: "Predikat saat ini", label: "Label predikat saat ini", targetIndex: "Indeks target", targetPredicate: "Predikat target", status: "Status", estimate: "perkiraan dari isian yang belum lengkap", complete: "lengkap" },
    xlsxParts: ["Bagian", "Nama", "Bobot (%)", "Indeks saat ini", "Indeks target"],
    xlsxSaved: "Berkas Excel disimpan.", imported: (f) => `Berkas Excel ${f} diimpor.`,
    xlsxRow: (row, m) => `lembar Indikator, baris ${row}: ${m}`, xlsxNoSheet: "lembar \"Indikator\" tidak ditemukan",
    xlsxUnknown: (id) => `indikator ${id} tidak ada dalam edisi ini`, xlsxEdition: (id) => `edisi ${id} tidak dikenal`,
    jump: "Lompat ke", jumpTop: "pilih domain / aspek…", progress: (n, total) => `${n}/${total} terisi`,
    curMark: "saat ini", curValue: (v) => `Nilai saat ini: ${v}`,
    trackNote: "Anda sedang mengisi Target. Indikator yang tidak diubah memakai tingkat saat ini; tanda \"saat ini\" menunjukkan tingkat penilaian mandiri (atau tingkat final penilai, bila berkas memuat tahap penilaian).",
    drafts: "Draf tersimpan", newDraft: "Draf baru", openIt: "Buka", deleteIt: "Hapus", noName: "(tanpa nama instansi)",
    draftLine: (when) => `disimpan ${when}`, draftOpenNow: "sedang dibuka", draftCount: (n) => `Draf tersimpan di peramban ini (${n})`,
    confirmDelete: (name) => `Hapus draf "${name}" dari peramban ini? Tindakan ini tidak dapat diurungkan.`,
    draftDeleted: (name) => `Draf "${name}" dihapus.`, draftOpened: (name) => `Draf "${name}" dibuka.`, draftNew: "Draf baru dimulai; draf sebelumnya tetap tersimpan.",
    historyBack: "Keadaan sebelumnya dibuka kembali (tombol Kembali/Maju peramban). Isian yang tadi masih dapat dikembalikan dengan Urungkan atau tombol Maju.",
    offline: "Kalkulator ini tersimpan untuk dipakai tanpa internet.",
  },
  en: {
    title: "SPBE Index Calculator", subtitle: "Self-assessment and target, computed exactly as the official results. Your data stays on your device.",
    skip: "Skip to the form", setup: "Settings", edition: "Edition", institution: "Institution", year: "Year",
    editing: "Editing:", current: "Current (self-assessment)", target: "Target",
    stagesTitle: "Evaluation stages in the file", stagesNote: "Each indicator's level at each stage, as scored; only the indicators whose level differs between stages (—: not assessed at that stage).",
    stage: { mandiri: "Self-assessment", dokumen: "Documents", interviu: "Interview", visitasi: "Site visit", final: "Final" }, pembina: "Guiding agencies (Instansi Pembina)", fungsi: "Responsible functions (Peran Fungsi)",
    scoredFrom: (idx) => `Scored from the ${idx} index`, citesIndex: (idx) => `Refers to the ${idx} index`,
    stageDelta: "Final − self-assessment", stageGap: (d, p, q) => `Final − self-assessment index: ${d} (${p} → ${q})`,
    stageFilled: "Filled", stageName: "Stage", stageIndex: "Index", stagePredicate: "Predicate", stageSame: "Every indicator has the same level at every stage.",
    provisional: "provisional", inForce: "in force", inForceSince: (y) => `in force since ${y}`,
    save: "Save JSON", load: "Open JSON", csv: "Export CSV", print: "Print", link: "Copy link", clear: "Clear",
    results: "Results", "current-short": "Current", "target-short": "Target", gap: "Gap to target",
    parts: "Domain and aspect indices", part: "Part", weight: "Weight",
    gains: "Largest gains from raising one indicator by one level", indicators: "Indicators",
    gainsContinuous: "Largest gains from raising one indicator's value to the next whole number",
    footer: "Computed by spbe (WebAssembly) in your browser, without a server. Official results are set by the Ministry (KemenPANRB).",
    domain: "Domain", aspect: "Aspect", level: "Level", service: "Service", none: "— not reported",
    note: "Explanation and evidence", noteLabel: "Explanation (penjelasan)", evidenceLabel: "Evidence (one per line: document name or link)",
    filled: (n, t) => `${n} of ${t} indicators filled`, estimate: "estimate, incomplete", empty: "not filled yet",
    nextBand: (name, gap) => `From the current index, ${gap} to go to ${name}`, topBand: "Top predicate",
    status: { provisional: "Provisional: built from secondary sources.", reconstructed: "Weights reconstructed from published official results.", official: "Official text.", custom: "" },
    fixFirst: (ids) => `First put right the value of indicator ${ids} (see the message under it); files, prints and exports are made from valid values.`, csvSaved: "CSV file saved.",
    saved: "JSON file saved.", loaded: (f) => `Opened ${f}.`, copied: "Link copied.", copyFail: "Copy the link from the address bar.",
    cleared: "Form cleared.", badFile: (m) => `Cannot open the file: ${m}`, switched: "Edition changed; levels cleared.",
    criteriaNote: "Criteria are the official Indonesian text.", summaryNote: "summary, not official text", gainLine: (id, name, g) => `${id}. ${name}: +${g}`,
    chartLabel: "Chart of current and target indices per part",
    value: "Value (1.00–5.00)", ranges: "Value ranges and criteria", description: "Indicator description",
    fromFile: (v) => `Value from the file: ${v}`,
    planTitle: (name) => `Cheapest way to ${name}`, planTitleNone: "Cheapest way to the next predicate",
    planFrom: (stage, idx, pred) => `From the assessors' ${stage} levels (not the self-assessment): index ${idx} (${pred}).`,
    gainsFrom: (stage) => `From the assessors' ${stage} levels (not the self-assessment).`,
    planStep: (id, name, from, to) => `${id}. ${name}: ${from} → ${to}`,
    planTotal: (steps, idx, pred) => `${steps} one-level rise(s); index after: ${idx} (${pred}).`,
    planCopy: "Copy the plan into the target", planCopied: "Plan copied into the target.", planTop: "Already at the top predicate.",
    planUnreachable: (m) => `Cannot be reached: ${m}`,
    criteriaMet: "Levels whose criteria the evidence meets",
    supported: (n) => `Supported by the evidence: level ${n}`, above: (n) => `Above the evidence (supported: level ${n})`,
    aboveList: (ids) => `Levels above their evidence: indicators ${ids}`,
    hashBad: (m) => `The link in the address bar cannot be read, so nothing was opened from it. The link is left as it is so that it can be repaired; a new link is written as soon as you change the form. (${m})`,
    hashNotLink: (h) => `The part of the link after # ("${h}") is not an SPBE calculator state, so it is ignored. The link is left as it is; a new link is written as soon as you change the form.`,
    hashLevels: (m) => `The link in the address bar holds values that are not valid, so nothing was opened from it. The link is left as it is so that it can be repaired. (${m})`,
    linkFail: (m) => `No link can be made from this form. (${m})`,
    badValue: (id, m) => `The value of indicator ${id} cannot be used. (${m})`,
    restored: (when) => `The draft saved in this browser was reopened (saved ${when}).`,
    draftBad: "The draft saved in this browser is damaged and cannot be opened.",
    confirmClear: "Clear everything (levels, explanations, evidence)? You can still undo it afterwards.",
    confirmEdition: "Changing the edition clears every level, explanation and piece of evidence. Continue? You can still undo it afterwards.",
    undo: "Undo", undone: "The previous form is back.",
    openDraft: "Open the saved draft", draftOffer: (when) => `There is a draft saved in this browser (saved ${when}); this link was opened, and the draft is replaced as soon as you change the form.`,
    onlyUnfilled: "Show unfilled only", editingNow: (tr) => (tr === "target" ? "Editing: Target" : "Editing: Current"),
    sumGap: "Gap",
    announce: (c, g) => `Current index ${c}; target ${g}.`,
    csvHead: ["Indicator", "Domain", "Aspect", "Name", "Current", "Target", "Explanation", "Evidence"],
    csvBlock: { institution: "Institution", year: "Year", edition: "Edition", index: "Current index", predicate: "Current predicate", targetIndex: "Target index", targetPredicate: "Target predicate" },
    xlsx: "Export Excel", loadXlsx: "Import Excel",
    xlsxHead: ["ID", "Indicator name", "Current level", "Target (empty: same as current)", "Explanation", "Evidence"],
    xlsxBlock: { institution: "Institution", year: "Year", edition: "Edition", rubric: "Edition code", index: "Current index", predicate: "Current predicate", label: "Current predicate label", targetIndex: "Target index", targetPredicate: "Target predicate", status: "Status", estimate: "estimate from an incomplete form", complete: "complete" },
    xlsxParts: ["Part", "Name", "Weight (%)", "Current index", "Target index"],
    xlsxSaved: "Excel file saved.", imported: (f) => `Imported the Excel file ${f}.`,
    xlsxRow: (row, m) => `sheet Indikator, row ${row}: ${m}`, xlsxNoSheet: "no sheet named \"Indikator\"",
    xlsxUnknown: (id) => `indicator ${id} is not in this edition`, xlsxEdition: (id) => `unknown edition ${id}`,
    jump: "Jump to", jumpTop: "choose domain / aspect…", progress: (n, total) => `${n}/${total} filled`,
    curMark: "current", curValue: (v) => `Current value: ${v}`,
    trackNote: "You are editing the Target. Indicators left unchanged keep their current level; the \"current\" mark shows the self-assessment level (or the assessors' final level, when the file has evaluation stages).",
    drafts: "Saved drafts", newDraft: "New draft", openIt: "Open", deleteIt: "Delete", noName: "(no institution name)",
    draftLine: (when) => `saved ${when}`, draftOpenNow: "open now", draftCount: (n) => `Drafts saved in this browser (${n})`,
    confirmDelete: (name) => `Delete the draft "${name}" from this browser? This cannot be undone.`,
    draftDeleted: (name) => `Draft "${name}" deleted.`, draftOpened: (name) => `Opened the draft "${name}".`, draftNew: "A new draft was started; the previous one stays saved.",
    historyBack: "The earlier state is back (the browser's Back/Forward). The form you left can still be brought back with Undo or Forward.",
    offline: "This calculator is saved for use without internet.",
  },
};

const $ = (sel) => document.querySelector(sel);
const el = (tag, attrs = {}, ...kids) => {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const k of kids) if (k !== null && k !== undefined) e.append(k);
  return e;
};

const state = { lang: "id", active: "mandiri", spec: null, editions: [], assessment: null };
const t = (k) => T[state.lang][k];
const nameOf = (x) => (state.lang === "en" && x.name_en ? x.name_en : x.name);
// the official decimal comma in Indonesian, the point in English (numbers come from the core)
const dec = (v) => (state.lang === "id" ? String(v).replace(/\./g, ",") : String(v));
const fmt = (v) => (v === null || v === undefined ? "—" : dec(v.toFixed(2)));
// Indonesian text shown in the English page (criteria, questions, names without a translation)
const idText = (hasEn) => (state.lang === "en" && !hasEn ? "id" : null);
const idName = (x) => idText(Boolean(x && x.name_en));
// a colour per band, by the band's position in the edition (names come from the core)
const BAND_CLASSES = ["kurang", "cukup", "baik", "sangat", "memuaskan"];
const predClass = (p) => BAND_CLASSES[state.spec.predicates.findIndex((b) => b.name === p)] || "";

// A decimal literal as (digits, exponent) without sign, point or surplus zeros,
// so that two texts of the same decimal compare equal ("1.260" and "1.26e0").
function decimalKey(text) {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
  if (!m || (m[2] + (m[3] || "")) === "") return null;
  let digits = m[2] + (m[3] || "");
  let exp = Number(m[4] || 0) - (m[3] || "").length;
  const lead = digits.match(/^0*/)[0].length;
  digits = digits.slice(lead);
  const trail = digits.match(/0*$/)[0].length;
  digits = digits.slice(0, digits.length - trail);
  exp += trail;
  return digits === "" ? "0" : `${m[1] === "-" ? "-" : ""}${digits}e${exp}`;
}

// A number is kept as a JS number only when the double is exactly the decimal
// written; otherwise as its text, which spbe-core reads digit for digit.
function exactNumber(text, value) {
  return Number.isFinite(value) && decimalKey(text) === decimalKey(String(value)) ? value : text.trim();
}

// JSON.parse that keeps such number literals as text (the reviver's source text).
function parseExact(text) {
  return JSON.parse(text, (key, value, context) =>
    typeof value === "number" && context && typeof context.source === "string" ? exactNumber(context.source, value) : value);
}

function newAssessment(rubric) {
  return { rubric, tracks: { mandiri: {}, target: {} } };
}

// Assessments from files or links: plain `levels` become the current track.
function normalise(a) {
  const out = { ...a };
  if (out.levels) {
    out.tracks = { ...(out.tracks || {}), mandiri: out.levels };
    delete out.levels;
  }
  out.tracks = { ...(out.tracks || {}) };
  out.tracks.mandiri = out.tracks.mandiri || {};
  out.tracks.target = out.tracks.target || {};
  return out;
}

// The structure, walked by the core: every indicator in order with its aspect
// and domain; groups are the runs of one domain (or one null domain for 2026).
const outlines = new Map();
function indicators(spec) {
  if (!outlines.has(spec.id)) {
    const list = spbe.outline(spec.id).map((p) => ({ domain: p.domain, aspect: p.aspect, ind: p.indicator }));
    const groups = [];
    for (const p of list) {
      let g = groups[groups.length - 1];
      if (!g || (g.domain && g.domain.id) !== (p.domain && p.domain.id)) groups.push((g = { domain: p.domain, aspects: [] }));
      let a = g.aspects[g.aspects.length - 1];
      if (!a || a.id !== p.aspect.id) g.aspects.push((a = { ...p.aspect, indicators: [] }));
      a.indicators.push(p.ind);
    }
    outlines.set(spec.id, { groups, list });
  }
  return outlines.get(spec.id);
}

function scaleOf(spec, ind) {
  return spec.scales.find((s) => s.id === ind.scale);
}

// ---------------------------------------------------------------- form
// The form: the domain and aspect headings (and the jump list) at once, the
// indicators in document order. With `progressive` (the page's first load) only
// the headings are built before the first frame; the indicators follow in small
// steps just after it, so that the first screen (on a phone the settings, on a
// laptop the results; the form is below them) is drawn without waiting for
// ~1,000 elements of criteria and fields, and a tap is never held up for long.
// `ready` runs once every indicator is in the page (at once when not progressive).
const FORM_STEP = 4; // indicators per step (~20-40 ms each on a slow phone)
function renderForm(progressive = false, ready = null) {
  const spec = state.spec;
  state.marked = new Map(); // a fresh form has no marks
  state.support = null; // nor evidence lines, until its first report
  const root = $("#indicators");
  root.replaceChildren();
  const { groups } = indicators(spec);
  if (state.lang === "en") root.append(el("p", { class: "note", text: t("criteriaNote") }));
  const jump = $("#jump");
  jump.replaceChildren(el("option", { value: "", text: t("jumpTop") }));
  const pending = [];
  // a form replaced before it was finished hands on its wait (the page is ready when this one is)
  if (state.form && state.form.ready) {
    ready = ready || state.form.ready;
    state.form.ready = null;
  }
  for (const g of groups) {
    const block = el("div", { class: "domain-block", id: g.domain ? `d-${g.domain.id}` : null });
    if (g.domain) {
      block.append(el("h3", { tabindex: "-1" }, `${t("domain")} ${g.domain.id}. `, el("span", { lang: idName(g.domain), text: nameOf(g.domain) }), ` (${dec(g.domain.weight)}%) `,
        el("span", { class: "progress", "data-progress": `d-${g.domain.id}` })));
      jump.append(el("option", { value: `d-${g.domain.id}`, "data-label": `${t("domain")} ${g.domain.id}. ${nameOf(g.domain)}` }));
    }
    for (const a of g.aspects) {
      // the heading level follows the outline: h4 under a domain, h3 when the edition has none (8/2026)
      const ab = el("div", { class: "aspect-block", id: `a-${a.id}` }, el(g.domain ? "h4" : "h3", { tabindex: "-1" }, `${t("aspect")} ${a.id}. `, el("span", { lang: idName(a), text: nameOf(a) }), ` (${dec(a.weight)}%) `,
        el("span", { class: "progress", "data-progress": `a-${a.id}` })));
      jump.append(el("option", { value: `a-${a.id}`, "data-label": `${g.domain ? "\u00a0\u00a0" : ""}${t("aspect")} ${a.id}. ${nameOf(a)}` }));
      for (const ind of a.indicators) pending.push({ box: ab, ind });
      block.append(ab);
    }
    root.append(block);
  }
  const form = (state.form = { spec, pending, ready });
  syncForm([]);
  if (!progressive) return finishForm();
  const step = () => {
    if (state.form !== form || !form.pending.length) return; // another form since, or finished by finishForm
    renderIndicators(form, FORM_STEP);
    if (form.pending.length) setTimeout(step, 0);
    else finishForm();
  };
  // after the frame that shows the first screen; a hidden tab draws no frames, and its
  // timers are slowed to one a second: the whole form at once there
  if (document.hidden) setTimeout(finishForm, 0);
  else requestAnimationFrame(() => setTimeout(step, 0));
}

// The next `n` indicators of a form being built, each set to the values and
// marks of the moment (the user may have changed the track or a value since).
function renderIndicators(form, n) {
  const made = [];
  while (made.length < n && form.pending.length) {
    const { box, ind } = form.pending.shift();
    const fs = renderIndicator(form.spec, ind);
    box.append(fs);
    made.push(fs);
  }
  syncFieldsets(made);
  if (state.support) showSupport(made.map((fs) => fs.querySelector("p[data-support]")).filter(Boolean));
  for (const fs of made) {
    const issue = state.marked.get(fs.dataset.indicator);
    if (issue) showMark(fs.dataset.indicator, issue);
  }
}

// The rest of the form at once: before anything that needs every indicator in
// the page (print, a jump, a track switch's marks, the tests' "ready").
function finishForm() {
  const form = state.form;
  if (!form) return;
  if (form.pending.length) renderIndicators(form, Infinity);
  const ready = form.ready;
  form.ready = null;
  if (ready) ready();
}

// Filled / total per domain and aspect on the track being edited (the target:
// current levels plus changes, as the core resolves it), in the headings and the jump list.
function renderProgress(levels = trackLevels(state.active)) {
  const count = new Map();
  for (const { domain, aspect, ind } of indicators(state.spec).list) {
    for (const key of [domain ? `d-${domain.id}` : null, `a-${aspect.id}`]) {
      if (!key) continue;
      const c = count.get(key) || { n: 0, total: 0 };
      c.total += 1;
      if (levels[ind.id] !== undefined) c.n += 1;
      count.set(key, c);
    }
  }
  for (const span of document.querySelectorAll("[data-progress]")) {
    const c = count.get(span.dataset.progress);
    span.textContent = c ? `(${t("progress")(c.n, c.total)})` : "";
    span.classList.toggle("done", Boolean(c && c.n === c.total));
  }
  for (const o of $("#jump").options) {
    const c = count.get(o.value);
    if (c) o.textContent = `${o.dataset.label} (${c.n}/${c.total})`;
  }
}

// A continuous scale (8/2026): one number field and the five ranges with
// their names and the indicator's criteria, as the rubric gives them.
function renderContinuous(spec, ind, scale, fs) {
  const lo = scale.levels[0].min, hi = scale.levels[scale.levels.length - 1].max;
  // a text field with the decimal keyboard, so that the Indonesian decimal comma can be typed ("3,25");
  // the value is checked by the core (range, form), which names a bad one
  const input = el("input", { type: "text", inputmode: "decimal", autocomplete: "off", spellcheck: "false", "data-value": ind.id, "data-min": lo, "data-max": hi, id: `v-${ind.id}`, "aria-describedby": `e-${ind.id} r-${ind.id}` });
  fs.append(el("label", { class: "value" }, el("span", { text: t("value") }), input, el("span", { class: "cur-value", "data-cur-value": ind.id })), el("p", { class: "from-file", "data-from-file": ind.id }));
  const list = el("ol", { class: "ranges", id: `r-${ind.id}`, "aria-label": t("ranges") });
  // names, bounds and criteria of each range, as the core gives them
  for (const v of spbe.levelViews(spec.id, ind.id)) {
    // "1,00 – 1,50", "> 1,50 – 2,50": a bound is included unless marked (> or <)
    const range = `${v.min_inclusive ? "" : "> "}${dec(v.min)} – ${v.max_inclusive ? "" : "< "}${dec(v.max)}`;
    // the range's names in the page's language (the official Indonesian ones in the Indonesian page)
    const names = (state.lang === "en" ? [v.name_en || v.name, v.label_en || v.label] : [v.name, v.label]).filter(Boolean).join(" / ");
    list.append(el("li", { class: "range", "data-level": v.level }, el("span", { class: "lv", text: `${names} · ${range}` }), el("span", { class: "crit", lang: v.criteria && v.official ? idText(false) : null, text: v.criteria || "" })));
  }
  fs.append(list);
  if (ind.description) fs.append(el("details", { class: "extra" }, el("summary", { text: t("description") }), el("p", { class: "crit", lang: idText(false), text: ind.description })));
}

// 8/2026: who guides the indicator (Instansi Pembina), which functions answer for it in
// the institution (Peran Fungsi), and whether it is scored from (or cites) another
// agency's index, as the rubric gives them (the official Indonesian names)
function appendMeta(fs, ind) {
  const items = [];
  if (ind.external) {
    const x = ind.external;
    const text = (x.relation === "scored_from" ? t("scoredFrom") : t("citesIndex"))(x.index);
    fs.classList.add("external");
    // the agency's official (Indonesian) name
    items.push(el("p", { class: "external-mark", "data-external": x.relation }, text, ...(x.agency ? [" · ", el("span", { lang: idText(false), text: x.agency })] : [])));
  }
  const dl = el("dl", { class: "meta" });
  for (const [key, list] of [["pembina", ind.instansi_pembina], ["fungsi", ind.peran_fungsi]]) {
    if (list && list.length) dl.append(el("dt", { text: t(key) }), el("dd", { "data-meta": key, lang: idText(false), text: list.join("; ") }));
  }
  if (dl.childElementCount) items.push(dl);
  fs.append(...items);
}

function renderIndicator(spec, ind) {
  const scale = scaleOf(spec, ind);
  const legendId = `lg-${ind.id}`;
  const fs = el("fieldset", { class: "indicator", "data-indicator": ind.id, "aria-describedby": ind.question ? `q-${ind.id} e-${ind.id}` : `e-${ind.id}` });
  fs.append(el("legend", { id: legendId }, `${ind.id}. `, el("span", { lang: idName(ind), text: nameOf(ind) })));
  if (ind.question) fs.append(el("p", { class: "question", id: `q-${ind.id}`, lang: idText(false), text: ind.question }));
  appendMeta(fs, ind);
  // the core's message for a bad value of this indicator (markIssues)
  fs.append(el("p", { class: "field-error", id: `e-${ind.id}`, "data-error": ind.id }));
  if (scale.continuous) {
    renderContinuous(spec, ind, scale, fs);
    appendNotes(fs, ind);
    return fs;
  }
  const services = ind.items ? ind.items.max : 1;
  const views = spbe.levelViews(spec.id, ind.id); // the criteria that apply, from the core
  for (let k = 1; k <= services; k++) {
    const box = el("div", { class: ind.items ? "levels service" : "levels", role: ind.items ? "radiogroup" : null, "aria-label": ind.items ? `${t("service")} ${k}` : null });
    if (ind.items) box.append(el("div", { class: "service-title", text: `${t("service")} ${k}` }));
    const group = ind.items ? `ind-${ind.id}-${k}` : `ind-${ind.id}`;
    if (ind.items && k > ind.items.min) {
      const input = el("input", { type: "radio", name: group, value: "", "data-service": k });
      box.append(el("label", { class: "level" }, input, el("span", { class: "lv", text: t("none") }), el("span", { class: "crit" })));
    }
    for (const v of views) {
      const crit = v.criteria ? (v.official ? v.criteria : `${v.criteria} (${t("summaryNote")})`) : "";
      const lvName = state.lang === "en" && v.name_en ? v.name_en : v.name;
      const input = el("input", { type: "radio", name: group, value: String(v.level), "data-service": ind.items ? k : null });
      box.append(el("label", { class: "level" }, input, el("span", { class: "lv" }, `${t("level")} ${v.level}`, lvName ? " – " : null, lvName ? el("span", { lang: idText(!v.name || Boolean(v.name_en)), text: lvName }) : null), el("span", { class: "crit", lang: v.criteria && v.official ? idText(false) : null, text: crit })));
    }
    fs.append(box);
  }
  appendNotes(fs, ind);
  return fs;
}

function appendNotes(fs, ind) {
  const note = el("textarea", { "data-note": ind.id, rows: 2 });
  const evid = el("textarea", { "data-evidence": ind.id, rows: 2 });
  // which levels' criteria the evidence meets: the core gives the level they support
  const scale = state.spec.scales.find((sc) => sc.id === ind.scale);
  const met = el("fieldset", { class: "criteria-met" }, el("legend", { text: t("criteriaMet") }));
  for (const lv of scale ? scale.levels : []) {
    met.append(el("label", {}, el("input", { type: "checkbox", "data-criteria": ind.id, value: String(lv.level) }), el("span", { text: ` ${lv.level}` })));
  }
  fs.append(el("details", { class: "extra" }, el("summary", { text: t("note") }),
    el("label", {}, el("span", { text: t("noteLabel") }), note),
    el("label", {}, el("span", { text: t("evidenceLabel") }), evid), met));
  fs.append(el("p", { class: "support", "data-support": ind.id }));
}

// The level each indicator's evidence supports, from the current track's report.
function renderSupport(rep) {
  state.support = rep ? Object.fromEntries(rep.indicators.map((i) => [i.id, i])) : {};
  showSupport(document.querySelectorAll("p[data-support]"));
  const above = rep && rep.above_evidence ? rep.above_evidence : [];
  $("#above-evidence").textContent = above.length ? t("aboveList")(above.join(", ")) : "";
}

// Which range (level) a value falls in, for highlighting: the core decides.
function rangeOf(id, v) {
  return v === undefined ? null : spbe.rangeOf(state.spec.id, id, String(v)) ?? null;
}

// Put the active track's levels (and notes) into the form.
function syncForm(fieldsets = document.querySelectorAll("fieldset.indicator")) {
  $("#form").classList.toggle("editing-target", state.active === "target");
  $("#track-note").hidden = state.active !== "target";
  syncFieldsets(fieldsets);
}

// The levels a target keeps where it plans no change, as the core lays the target: the
// assessors' final levels once they have scored, else the self-assessment's (spbe.targetBase).
function baseLevels(a = state.assessment) {
  try {
    return spbe.trackLevels(a, spbe.targetBase(a));
  } catch {
    return a.tracks.mandiri || {}; // a bad value: its message is shown by the form
  }
}

// The fields of these indicators set to the assessment's values on the track being edited.
function syncFieldsets(fieldsets) {
  if (!fieldsets.length) return;
  const a = state.assessment;
  const baseLv = (state.base = baseLevels()); // the levels the target keeps (kept for the handlers while typing)
  const levels = trackLevels(state.active);
  const planned = state.active === "target" ? a.tracks.target || {} : {};
  for (const fs of fieldsets) {
    const id = fs.dataset.indicator;
    const v = levels[id];
    const items = Array.isArray(v) ? v : v === undefined ? [] : [v];
    const num = fs.querySelector("input[data-value]");
    if (num) {
      // a fraction from a file ("7/6") cannot be shown in a number field: it is
      // kept as it is and shown beside the field until the field is edited
      const exact = typeof v === "string" && !/^\s*\d+(\.\d+)?\s*$/.test(v);
      num.value = v === undefined || exact ? "" : dec(String(v));
      const curV = baseLv[id];
      // on the target track, an emptied field shows the current value it stands for
      num.placeholder = state.active === "target" && curV !== undefined && !Array.isArray(curV) ? dec(String(curV)) : "";
      fs.querySelector("[data-cur-value]").textContent = state.active === "target" && curV !== undefined ? t("curValue")(dec(String(curV))) : "";
      fs.querySelector("[data-from-file]").textContent = exact ? t("fromFile")(v) : "";
      const lvl = rangeOf(id, v);
      for (const li of fs.querySelectorAll("li.range")) li.classList.toggle("chosen", Number(li.dataset.level) === lvl);
    }
    // while editing the target, the current (self-assessment) level is marked in words
    const curLv = state.active === "target" ? baseLv[id] : undefined;
    const curItems = Array.isArray(curLv) ? curLv : curLv === undefined ? [] : [curLv];
    for (const input of fs.querySelectorAll("input[type=radio]")) {
      const k = input.dataset.service ? Number(input.dataset.service) : 1;
      const want = items[k - 1];
      input.checked = want === undefined ? input.value === "" && Array.isArray(v) : String(want) === input.value;
      const label = input.closest(".level");
      label.classList.toggle("chosen", input.checked && input.value !== "");
      const isCur = curItems[k - 1] !== undefined && String(curItems[k - 1]) === input.value;
      label.classList.toggle("current-mark", isCur);
      const tag = label.querySelector(".cur-tag");
      if (isCur && !tag) label.querySelector(".lv").append(el("span", { class: "cur-tag", text: t("curMark") }));
      else if (!isCur && tag) tag.remove();
    }
    fs.classList.toggle("missing", items.length === 0);
    // on the target track: which indicators the target changes from the current level
    const cur = baseLv[id];
    fs.classList.toggle("changed", id in planned && JSON.stringify(planned[id]) !== JSON.stringify(cur));
    fs.querySelector("[data-note]").value = (a.notes && a.notes[id]) || "";
    fs.querySelector("[data-evidence]").value = ((a.evidence && a.evidence[id]) || []).join("\n");
    const met = (a.criteria_met && a.criteria_met[id]) || [];
    for (const c of fs.querySelectorAll("input[data-criteria]")) c.checked = met.includes(Number(c.value));
  }
}

function readIndicator(fs) {
  const id = fs.dataset.indicator;
  const ind = indicators(state.spec).list.find((x) => x.ind.id === id).ind;
  if (!ind.items) {
    const c = fs.querySelector("input[type=radio]:checked");
    return c ? Number(c.value) : undefined;
  }
  const items = [];
  for (let k = 1; k <= ind.items.max; k++) {
    const c = fs.querySelector(`input[name="ind-${id}-${k}"]:checked`);
    if (c && c.value !== "") items.push(Number(c.value));
  }
  return items.length ? items : undefined;
}

// What the evidence supports, under each indicator (from the last report; an
// indicator built later gets it when it is built)
function showSupport(lines) {
  for (const p of lines) {
    const i = (state.support || {})[p.dataset.support];
    const n = i && i.supported_level;
    p.textContent = n === undefined || n === null ? "" : i.above_evidence ? t("above")(n) : t("supported")(n);
    p.classList.toggle("above", Boolean(i && i.above_evidence));
  }
}

// ---------------------------------------------------------------- results
// A track's levels as the core scores them: the target is the current levels
// with the target's changes laid over them (the core's rule for the target track).
function trackLevels(track) {
  try {
    return spbe.trackLevels(state.assessment, track);
  } catch {
    return state.assessment.tracks[track] || {}; // a bad value: its message is shown by the score
  }
}

// Both tracks as the core gives them for a form, in one call (spbe.formState):
// per track its levels as scored, how many are filled, a summary of its report
// (or the whole report with `full`) and its problems, and the gap between them,
// rounded once. A partly filled track is an estimate, renormalised over the
// filled indicators (the core's rule for a form).
const TRACKS = ["mandiri", "target"];
function formState(full = false) {
  let st;
  try {
    st = spbe.formState(state.assessment, TRACKS, null, full);
  } catch (e) {
    const issues = [{ code: e.code, kind: e.kind, indicator: e.indicator ?? null, message: e.message }];
    st = { tracks: TRACKS.map((track) => ({ track, levels: null, filled: 0, total: 0, complete: false, summary: null, issues, options: null })), gap: null, gap_text: null };
  }
  const total = indicators(state.spec).list.length;
  const [cur, tgt] = st.tracks.map((x) => {
    // an assessment the core cannot read: the form still shows what was entered
    const levels = x.levels || state.assessment.tracks[x.track] || {};
    const filled = x.levels ? x.filled : Object.keys(levels).length;
    return { report: full ? x.report || null : x.summary, issues: x.issues, filled, total: x.total || total, complete: x.complete, levels, track: x.track, options: x.options };
  });
  return { cur, tgt, gap: st.gap };
}

// The core's message for a bad value (e.g. 5.2 is out of range), under its
// indicator (on a phone the status line is screens away) and in the status
// line; both go when the value is put right. Only the indicators whose mark
// changes are touched.
function markIssues(issues) {
  // a field is marked for a problem with its own track's value (a bad target value
  // also keeps the current track from being scored, but the current field is fine)
  const now = new Map();
  for (const i of issues) {
    if (i.indicator && i.kind === "value" && (!i.track || i.track === state.active) && !now.has(i.indicator)) now.set(i.indicator, i);
  }
  const was = state.marked || new Map();
  for (const id of new Set([...was.keys(), ...now.keys()])) {
    const issue = now.get(id);
    if (was.get(id)?.message !== issue?.message) showMark(id, issue);
  }
  state.marked = now;
  // the status line says it once, when the problem is new: a later change that leaves it
  // as it was does not replace another message there (e.g. "link copied")
  // (a bad value on the other track, or a problem that is not one field's value, e.g. an unknown id from a file)
  const first = now.values().next().value || issues.find((i) => i.kind !== "missing");
  const said = !first ? null : first.kind === "value" && first.indicator ? t("badValue")(first.indicator, first.message) : first.message;
  if (said && said !== state.valueSaid) setStatus(said, true, null, "value");
  else if (!said && state.statusKind === "value") setStatus("");
  state.valueSaid = said;
}

// An indicator's field and the line under it marked with a problem (or cleared);
// an indicator not yet in the page gets its mark when it is built.
function showMark(id, issue) {
  const input = document.getElementById(`v-${id}`);
  if (input) {
    input.setCustomValidity(issue ? issue.message : "");
    input.setAttribute("aria-invalid", issue ? "true" : "false");
  }
  const line = document.getElementById(`e-${id}`);
  if (line) line.textContent = issue ? t("badValue")(id, issue.message) : "";
}

// The summary (cards, the sticky bar, the announcement) is updated at once; the
// rest of the results (progress, table, chart, gains, plan, evidence) just after
// the frame that shows it (a change of level on a slow phone should not wait
// for them), or at once when `now` (a whole new form: an edition, a file).
function recompute(now = true) {
  const { cur, tgt, gap: g } = formState();
  state.issues = { mandiri: cur.issues, target: tgt.issues };
  markIssues(state.issues[state.active]);
  showCard(cur, "index", "predicate", "#progress-current");
  showCard(tgt, "target-index", "target-predicate", "#progress-target");
  const gap = $('[data-testid="gap"]');
  // the difference of the exact indices, rounded once by the core
  if (g !== null) gap.textContent = (g >= 0 ? "+" : "") + dec(g.toFixed(2));
  else gap.textContent = "—";
  const next = cur.report && cur.report.next_predicate;
  $("#next-band").textContent = cur.report ? (next ? t("nextBand")(next.name, dec(next.gap.toFixed(2))) : t("topBand")) : "";
  announce();
  summaryBar();
  state.details = true;
  if (now) flushDetails();
  else if (!state.detailsPending) {
    state.detailsPending = true;
    document.body.dataset.settled = "false";
    requestAnimationFrame(() => setTimeout(flushDetails, 0));
  }
  writeHash();
}

// A file from the evaluation: the assessors' stages beside the self-assessment,
// each scored as the core scores it (formState), and per indicator the levels
// of the stages where they differ. Shown only when the assessment has stages.
function renderStages() {
  const box = $("#stages");
  const st = stagesState();
  box.hidden = !st;
  if (!st) return box.replaceChildren();
  const head = (...cells) => el("tr", {}, ...cells.map((c) => el("th", { scope: "col", text: c })));
  const level = (v) => (v === undefined || v === null ? "—" : Array.isArray(v) ? v.map((x) => dec(String(x))).join("; ") : dec(String(v)));
  const sums = el("table", { class: "stages-sum" }, el("thead", {}, head(t("stageName"), t("stageFilled"), t("stageIndex"), t("stagePredicate"))));
  const body = el("tbody");
  for (const x of st.tracks) {
    const r = x.summary;
    // not scored: the core's reason (e.g. a bad value of the stage), in the predicate's place
    const problem = x.issues.find((i) => i.kind !== "missing");
    const why = !r && problem ? problem.message : "";
    const pred = r ? `${r.predicate}${r.predicate_label ? ` · ${r.predicate_label}` : ""}` : why;
    body.append(el("tr", { "data-stage": x.track }, el("th", { scope: "row", text: t("stage")[x.track] }), el("td", { class: "num", text: `${x.filled}/${x.total}` }),
      el("td", { class: "num", text: r ? dec(r.index_text) + (x.complete ? "" : "*") : "—" }), el("td", { lang: r ? idText(false) : null, class: why ? "error" : null, text: pred })));
  }
  sums.append(body);
  // the self-assessment against final, as `spbe compare` (each scored as formState scores final;
  // none when the self-assessment cannot be scored so, e.g. while it is partly filled)
  let cmp = null;
  try {
    cmp = st.shown && spbe.compare(st.shown, "mandiri", "final", st.tracks[st.tracks.length - 1].options);
  } catch {
    cmp = null;
  }
  const delta = (v) => (v === undefined ? "" : `${String(v).startsWith("-") ? "" : "+"}${dec(String(v))}`);
  const deltas = cmp ? Object.fromEntries(cmp.changes.map((c) => [c.id, c.delta])) : {};
  const rows = [];
  for (const { ind } of indicators(state.spec).list) {
    const cells = st.tracks.map((x) => level(x.levels[ind.id]));
    if (cmp) cells.push(delta(deltas[ind.id]));
    // a stage that did not record the indicator ("—") is no difference
    if (new Set(st.tracks.map((_, k) => cells[k]).filter((c) => c !== "—")).size > 1) rows.push(el("tr", { "data-stage-indicator": ind.id }, el("th", { scope: "row", text: `${ind.id}. ${nameOf(ind)}` }), ...cells.map((c) => el("td", { class: "num", text: c }))));
  }
  const cols = [...st.tracks.map((x) => t("stage")[x.track]), ...(cmp ? [t("stageDelta")] : [])];
  const per = rows.length
    ? el("div", { class: "scroll", tabindex: "0", role: "region", "aria-label": t("stagesTitle") }, el("table", { class: "stages-ind" }, el("thead", {}, head(t("indicators"), ...cols)), el("tbody", {}, ...rows)))
    : el("p", { class: "note", text: t("stageSame") });
  // an estimate unless the core scored both tracks officially (compared under final's options: renormalised when partly filled)
  const gap = cmp ? el("p", { "data-stage-gap": "", text: t("stageGap")(delta(cmp.index_delta.toFixed(2)) + (cmp.official ? "" : "*"), cmp.predicate_from, cmp.predicate_to) }) : null;
  box.replaceChildren(el("h3", { text: t("stagesTitle") }), sums, gap || "", el("p", { class: "note", text: `${t("stagesNote")} * ${t("estimate")}.` }), per);
}

// The tracks of the stages table, or null when the assessment has no stages.
// The form's fields hold the self-assessment and the target, and a bad value
// typed there (e.g. "abc", which keeps the core from reading the assessment
// at all) is not the assessors': the target is left out (the table does not
// show it), and while the self-assessment has a bad value the stages are
// scored without it, the self-assessment shown as the form shows a track it
// cannot score (what was entered, no index, the core's message). `shown`: the
// assessment the stages were scored from, when the self-assessment is in it.
function stagesState() {
  const without = (...names) => ({ ...state.assessment, tracks: Object.fromEntries(Object.entries(state.assessment.tracks).filter(([k]) => !names.includes(k))) });
  const shown = without("target");
  try {
    const tracks = spbe.externalTracks(shown);
    if (!tracks.length) return null;
    const st = spbe.formState(shown, ["mandiri", ...tracks]);
    if (!st.tracks[0].issues.some((i) => i.kind === "value")) return { tracks: st.tracks, shown };
  } catch (e) {
    if (e.kind !== "value") return null; // not a value of a field: the form shows its message
  }
  try {
    const stages = without("target", "mandiri");
    const tracks = spbe.externalTracks(stages);
    if (!tracks.length) return null;
    const own = spbe.formState(without("target", ...tracks), ["mandiri"]).tracks[0];
    // an assessment the core cannot read: what was entered (as formState above)
    const levels = own.levels || state.assessment.tracks.mandiri || {};
    const mandiri = { ...own, levels, filled: own.levels ? own.filled : Object.keys(levels).length, total: own.total || indicators(state.spec).list.length, summary: null };
    return { tracks: [mandiri, ...spbe.formState(stages, tracks).tracks], shown: null };
  } catch {
    return null; // a stage's own bad value (a file with one is refused when opened)
  }
}

function flushDetails() {
  state.detailsPending = false;
  if (!state.details) return;
  state.details = null;
  const d = formState(true); // the whole reports
  renderProgress(d[state.active === "target" ? "tgt" : "cur"].levels);
  renderParts(d.cur.report, d.tgt.report);
  renderChart(d.cur.report, d.tgt.report);
  // the gains and the plan start from the same levels: those the target is laid over
  const base = planBase(d.cur);
  renderGains(base.report ? base : d.cur.report ? d.cur : d.tgt);
  renderPlan(base);
  renderSupport(d.cur.report);
  renderStages();
  document.body.dataset.settled = "true";
}

// The levels a plan starts from are those the target is laid over (the core's
// targetBase): the assessors' final levels once they have scored, else the
// self-assessment (`cur`, as the form scores it). The base track is scored as
// formState scores a track of the form (an estimate while partly filled), with
// its whole report (the gains are ranked from it); for a file with only a
// self-assessment, `cur` itself (no further scoring).
function planBase(cur) {
  let track;
  try {
    track = spbe.targetBase(state.assessment);
  } catch {
    return cur; // a bad value: its message is shown by the form, and cur is not scored
  }
  if (track === cur.track) return cur;
  try {
    const x = spbe.formState(state.assessment, [track], null, true).tracks[0];
    return { track, report: x.report || null, options: x.options };
  } catch {
    return { track, report: null, options: null };
  }
}

// The cheapest way from the levels the target builds on (planBase) to their
// next predicate: the core's planner (exact optimum, unit costs), with the same
// options as the score. Its levels after, copied, are the target.
let lastPlan = null;
function renderPlan(cur) {
  const list = $("#plan");
  const total = $("#plan-total");
  const copy = $("#plan-copy");
  const from = $("#plan-from");
  list.replaceChildren();
  total.textContent = "";
  copy.hidden = true;
  lastPlan = null;
  const next = cur.report && cur.report.next_predicate;
  $("#plan-h").textContent = next ? t("planTitle")(next.name) : t("planTitleNone");
  // planned from the assessors' levels: said, with their index (the cards show the self-assessment's)
  const other = cur.track !== "mandiri" && cur.report;
  from.hidden = !other;
  from.textContent = other ? t("planFrom")(t("stage")[cur.track] || cur.track, dec(cur.report.index_text), cur.report.predicate) : "";
  if (!cur.report) return;
  if (!next) {
    total.textContent = t("planTop");
    return;
  }
  let plan;
  try {
    plan = spbe.plan(state.assessment, { to: next.name }, cur.options); // as the track is scored (formState)
  } catch (e) {
    total.textContent = t("planUnreachable")(e.message);
    return;
  }
  const byId = Object.fromEntries(indicators(state.spec).list.map((x) => [x.ind.id, x.ind]));
  for (const s of plan.steps) {
    const id = s.item ? `${s.indicator} (${t("service")} ${s.item})` : s.indicator;
    list.append(el("li", { text: t("planStep")(id, nameOf(byId[s.indicator]), dec(String(s.from)), dec(String(s.to))) }));
  }
  const steps = plan.steps.reduce((n, s) => n + s.steps, 0);
  total.textContent = t("planTotal")(steps, dec(plan.after.index_text), plan.after.predicate);
  lastPlan = plan;
  copy.hidden = false;
}

// The print view is the core's evaluation report (the document of `spbe
// report`), printed from a frame; with nothing filled, the page itself.
function printReport() {
  const { cur } = formState();
  if (!cur.report) {
    window.print();
    return;
  }
  const d = new Date();
  const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
  let doc;
  try {
    doc = spbe.reportHtml(cleanAssessment(), cur.options, state.lang, today); // as the track is scored (formState)
  } catch (e) {
    setStatus(e.message, true);
    return;
  }
  let frame = $("#print-frame");
  if (!frame) {
    frame = el("iframe", { id: "print-frame", title: t("print"), "aria-hidden": "true", tabindex: "-1" });
    frame.style.cssText = "position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden";
    document.body.append(frame);
  }
  frame.onload = () => {
    frame.onload = null;
    frame.contentWindow.focus();
    frame.contentWindow.print();
  };
  frame.srcdoc = doc;
}

function copyPlanToTarget() {
  flushDetails(); // the plan of the levels as they are now
  if (!lastPlan) return;
  state.assessment.tracks.target = JSON.parse(JSON.stringify(lastPlan.levels_after));
  renderForm();
  changed();
  setStatus(t("planCopied"));
}

function showCard(s, idTest, predTest, progressSel) {
  const idx = $(`[data-testid="${idTest}"]`);
  const pred = $(`[data-testid="${predTest}"]`);
  if (!s.report) {
    idx.textContent = "—";
    pred.textContent = "";
    pred.className = "pred";
  } else {
    idx.textContent = dec(s.report.index_text);
    pred.replaceChildren(el("span", { lang: idText(false), text: s.report.predicate }));
    // 8/2026's second name of the predicate ("Kurang · Merintis"), from the core
    if (s.report.predicate_label) pred.append(" · ", el("span", { lang: idText(false), text: s.report.predicate_label }));
    if (state.lang === "en" && s.report.predicate_en) pred.append(` (${s.report.predicate_en})`);
    pred.className = `pred ${predClass(s.report.predicate)}`;
  }
  const p = $(progressSel);
  p.textContent = s.filled === 0 ? t("empty") : t("filled")(s.filled, s.total) + (s.complete ? "" : ` · ${t("estimate")}`);
  p.classList.toggle("estimate", s.filled > 0 && !s.complete);
}

// The bar over the form (sticky): the cards' numbers, copied, and the track being edited.
function summaryBar() {
  const txt = (id) => $(`[data-testid="${id}"]`).textContent;
  const part = (sel, label, ...ids) => $(sel).replaceChildren(`${label} `, el("b", { text: ids.map(txt).join(" ").trim() }));
  part("#sum-current", t("current-short"), "index", "predicate");
  part("#sum-target", t("target-short"), "target-index", "target-predicate");
  part("#sum-gap", t("sumGap"), "gap");
  const ed = $("#sum-editing");
  ed.textContent = t("editingNow")(state.active);
  ed.classList.toggle("target", state.active === "target");
}

// The summary, announced once per change through the one polite live region
// (#announce): only when its words change, never the whole table.
function announce() {
  const c = `${$('[data-testid="index"]').textContent} ${$('[data-testid="predicate"]').textContent}`.trim();
  const g = `${$('[data-testid="target-index"]').textContent} ${$('[data-testid="target-predicate"]').textContent}`.trim();
  const msg = t("announce")(c, g);
  const box = $("#announce");
  if (box.textContent !== msg) box.textContent = msg;
}

function renderParts(cur, tgt) {
  const body = $("#parts tbody");
  body.replaceChildren();
  const spec = state.spec;
  const byId = (rep, kind, id) => (rep ? rep[kind].find((x) => x.id === id) : null);
  const row = (cls, label, weight, c, g, head) => {
    const tr = el("tr", { class: cls });
    tr.append(el(head ? "th" : "td", { scope: head ? "row" : null, text: label }), el("td", { class: "num", text: dec(weight) }),
      el("td", { class: "num", text: fmt(c && c.index) }), el("td", { class: "num", text: fmt(g && g.index) }));
    return tr;
  };
  const { groups } = indicators(spec);
  for (const grp of groups) {
    if (grp.domain) body.append(row("domain", `${t("domain")} ${grp.domain.id}. ${nameOf(grp.domain)}`, grp.domain.weight, byId(cur, "domains", grp.domain.id), byId(tgt, "domains", grp.domain.id), true));
    for (const a of grp.aspects) body.append(row("", `${t("aspect")} ${a.id}. ${nameOf(a)}`, a.weight, byId(cur, "aspects", a.id), byId(tgt, "aspects", a.id), false));
  }
}

// On a phone the chart is drawn narrow, each part's name above its bars, so
// that its text stays readable at the phone's width.
const NARROW = window.matchMedia("(max-width: 600px)");
let lastChart = null;
NARROW.addEventListener("change", () => {
  if (lastChart && state.spec) renderChart(...lastChart);
});

function renderChart(cur, tgt) {
  lastChart = [cur, tgt];
  const spec = state.spec;
  const parts = spec.domains ? spec.domains.map((d) => ({ kind: "domains", x: d })) : spec.aspects.map((a) => ({ kind: "aspects", x: a }));
  const narrow = NARROW.matches;
  const W = narrow ? 360 : 720, rowH = narrow ? 46 : 34, left = narrow ? 8 : 250, top = 46, H = top + parts.length * rowH + 24, scale = (W - left - 44) / 5;
  const room = narrow ? W - 16 : left - 14; // for a part's name
  const bar = narrow ? 12 : 0; // the bars sit below the name on a phone
  const NS = "http://www.w3.org/2000/svg";
  const s = (tag, attrs, text) => {
    const e = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  };
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, "aria-hidden": "true" });
  // band names above their edges, each on the first of three rows where it
  // overlaps no name already placed (measured once the chart is in the page:
  // close edges such as 2026's 3.50 and 4.00 get rows of their own)
  const bandLabels = [], partLabels = [];
  for (const b of spec.predicates) {
    const x = left + Number(b.min) * scale;
    const line = s("line", { x1: x, x2: x, y1: top - 6, y2: H - 20, stroke: "#c8d0da", "stroke-dasharray": "3 3" });
    const label = s("text", { x: x + 3, y: top - 10, "font-size": 10, fill: "#5b6675" }, b.name);
    svg.append(line, label);
    bandLabels.push({ x: x + 3, line, label });
  }
  parts.forEach((p, k) => {
    const y = top + k * rowH;
    const name = `${p.x.id}. ${nameOf(p.x)}`;
    const label = narrow
      ? s("text", { x: left, y: y + 10, "font-size": 12, fill: "#1b2430" }, name)
      : s("text", { x: left - 8, y: y + 18, "font-size": 12, "text-anchor": "end", fill: "#1b2430" }, name);
    label.append(s("title", {}, name));
    partLabels.push(label);
    svg.append(label);
    const c = cur && cur[p.kind].find((x) => x.id === p.x.id);
    const g = tgt && tgt[p.kind].find((x) => x.id === p.x.id);
    if (c && c.index !== null) {
      svg.append(s("rect", { x: left, y: y + 4 + bar, width: c.index * scale, height: 12, fill: "#0b5cad" }));
      svg.append(s("text", { x: left + c.index * scale + 4, y: y + 14 + bar, "font-size": 10 }, fmt(c.index)));
    }
    if (g && g.index !== null) {
      svg.append(s("rect", { x: left, y: y + 17 + bar, width: g.index * scale, height: 8, fill: "#27ae60", opacity: 0.8 }));
      svg.append(s("text", { x: left + g.index * scale + 4, y: y + 25 + bar, "font-size": 9, fill: "#1e7d3c" }, fmt(g.index)));
    }
  });
  svg.append(s("rect", { x: left, y: H - 14, width: 10, height: 8, fill: "#0b5cad" }));
  svg.append(s("text", { x: left + 14, y: H - 7, "font-size": 10 }, t("current-short")));
  svg.append(s("rect", { x: left + 90, y: H - 14, width: 10, height: 8, fill: "#27ae60" }));
  svg.append(s("text", { x: left + 104, y: H - 7, "font-size": 10 }, t("target-short")));
  const box = $("#chart");
  box.setAttribute("aria-label", t("chartLabel"));
  box.replaceChildren(svg);
  // a part's name longer than the room left of the bars takes two lines on a laptop
  // (beside its two bars; on a phone the name is above them, across the chart),
  // and what still does not fit is shortened with "…" (the full name is its title)
  for (const label of partLabels) {
    const full = label.firstChild.textContent;
    const lines = nameLines(full, 12, room, narrow ? 1 : 2);
    if (lines.length === 1) label.firstChild.textContent = lines[0];
    else {
      label.firstChild.remove();
      const y = Number(label.getAttribute("y"));
      lines.forEach((line, k) => label.insertBefore(s("tspan", { x: label.getAttribute("x"), y: y - 7 + k * 13 }, line), label.lastChild));
    }
  }
  const rows = [[], [], []];
  for (const b of bandLabels) {
    const w = textWidth(b.label);
    const r = rows.findIndex((placed) => placed.every(([x0, x1]) => b.x + w + 4 <= x0 || x1 + 4 <= b.x));
    const row = r < 0 ? 0 : r;
    rows[row].push([b.x, b.x + w]);
    b.label.setAttribute("y", top - 10 - row * 13);
    b.line.setAttribute("y1", top - 6 - row * 13);
  }
}

// The width of an SVG text as drawn, measured once per text and size (a
// measurement forces a layout, which a change of level should not pay for).
const textWidths = new Map();
function textWidth(node) {
  return widthOf(node.firstChild.textContent, node.getAttribute("font-size"));
}

function widthOf(text, size) {
  const key = `${size}|${text}`;
  if (!textWidths.has(key)) {
    // measured on a canvas in the chart's own font: no layout of the page is forced
    // (getComputedTextLength laid out the whole fresh form first: ~0.1-0.5 s at 4x)
    let w = 0;
    try {
      const ctx = (widthOf.ctx ||= document.createElement("canvas").getContext("2d"));
      ctx.font = `${chartFont()[0]} ${size}px ${chartFont()[1]}`;
      w = ctx.measureText(text).width;
    } catch {
      w = 0;
    }
    if (!w) return 0.5 * Number(size) * text.length; // no canvas: an estimate, not kept
    textWidths.set(key, w);
  }
  return textWidths.get(key);
}

// A name in at most `most` lines of `room` px at font size `size`: broken
// between words, the last line shortened with "…" if the rest does not fit
// (kept per name: a change of level does not measure again).
function nameLines(full, size, room, most) {
  const key = `lines|${size}|${room}|${most}|${full}`;
  if (!textWidths.has(key)) {
    const fits = (text) => widthOf(text, size) <= room;
    const lines = [];
    let rest = full;
    while (lines.length < most - 1 && !fits(rest)) {
      const words = rest.split(" ");
      let n = words.length - 1;
      while (n > 1 && !fits(words.slice(0, n).join(" "))) n--;
      if (n < 1 || !fits(words.slice(0, n).join(" "))) break; // one word longer than the room
      lines.push(words.slice(0, n).join(" "));
      rest = words.slice(n).join(" ");
    }
    let n = rest.length;
    let last = rest;
    while (n > 4 && !fits(last)) last = `${rest.slice(0, --n).trimEnd()}…`;
    lines.push(last);
    textWidths.set(key, lines);
  }
  return textWidths.get(key);
}

// The chart's texts are in the font of the chart's box (they set only a size):
// its weight and family, read once, before the form is built (main) — reading
// a computed style while the page is being built forces a style recalculation
// of all of it (~35 ms of a first load at 4x).
function chartFont() {
  if (!chartFont.value) {
    const cs = getComputedStyle($("#chart"));
    chartFont.value = [cs.fontWeight, cs.fontFamily];
  }
  return chartFont.value;
}

// The largest gains of a track's whole report (`src`: { track, report }, the
// levels the plan starts from, planBase), ranked by the core; said when they
// are the assessors' levels (the cards show the self-assessment's).
function renderGains(src) {
  const ol = $("#gains");
  const from = $("#gains-from");
  ol.replaceChildren();
  const continuous = state.spec.scales.some((sc) => sc.continuous);
  const head = document.querySelector('[data-i18n="gains"]');
  if (head) head.textContent = t(continuous ? "gainsContinuous" : "gains");
  const rep = src.report;
  const other = rep && src.track !== "mandiri" && src.track !== "target";
  from.hidden = !other;
  from.textContent = other ? t("gainsFrom")(t("stage")[src.track] || src.track) : "";
  if (!rep) return;
  const byId = Object.fromEntries(indicators(state.spec).list.map((x) => [x.ind.id, x.ind]));
  const gains = Object.fromEntries(rep.indicators.map((i) => [i.id, i.gain]));
  const top = spbe.topGains(rep, 5).map((id) => ({ id, gain: gains[id] }));
  for (const i of top) ol.append(el("li", { text: t("gainLine")(i.id, nameOf(byId[i.id]), dec(i.gain.toFixed(4))) }));
}

// ---------------------------------------------------------------- state <-> URL, files
function cleanAssessment() {
  const a = JSON.parse(JSON.stringify(state.assessment));
  const inst = $("#institution").value.trim();
  const year = $("#year").value.trim();
  if (inst) a.institution = inst; else delete a.institution;
  if (year && /^-?\d+$/.test(year)) a.year = Number(year); else delete a.year;
  for (const k of ["notes", "evidence", "criteria_met"]) if (a[k] && Object.keys(a[k]).length === 0) delete a[k];
  return a;
}

// The link in the address bar is the state, except while it holds a link the
// page could not read (state.keepHash): that one stays until the user changes
// something, so that it can be repaired.
// A meaningful change (edition, a file, a draft, clear) gets its own history
// entry (state.push), so that Back returns to the form before it; every entry
// holds the whole state (notes and evidence too, which the link leaves out).
//
// The address bar is written after the frame that shows the change (a history
// call costs a browser round trip, 10-20 ms on a slow machine, and the summary
// should not wait for it); an entry of its own (state.push) is written at once.
function writeHash() {
  state.assessment = cleanAssessment();
  if (state.unwrittenKept) {
    // a change after the page was hidden: what was kept for a reload is out of date
    state.unwrittenKept = false;
    try {
      sessionStorage.removeItem(UNWRITTEN_KEY);
    } catch {
      // nothing was kept
    }
  }
  if (state.push) flushHash();
  else if (!state.hashPending) {
    state.hashPending = true;
    requestAnimationFrame(() => setTimeout(flushHash, 0));
  }
}

function flushHash() {
  const push = state.push;
  state.push = false;
  state.hashPending = false;
  try {
    if (state.keepHash) return;
    const v = spbe.toVector(state.assessment);
    clearTimeout(state.entryTimer);
    if (location.hash.slice(1) !== v) {
      if (push) {
        history.pushState({ spbe: snapshot() }, "", `#${v}`);
        state.replaced = [];
      } else {
        // the address replaced, kept for a reload that began before this write (flushDrafts)
        state.replaced = [...(state.replaced || []).slice(-19), location.hash];
        history.replaceState({ spbe: snapshot() }, "", `#${v}`);
      }
    } else {
      // same link (e.g. a note typed): the entry's state is brought up to date a
      // moment later, not on every key (browsers throttle history calls)
      state.entryTimer = setTimeout(() => {
        if (!state.keepHash && location.hash.slice(1) === v) history.replaceState({ spbe: snapshot() }, "", location.href);
      }, 300);
    }
  } catch (e) {
    // a bad value is named under its field (markIssues); the last good link stays
    if (e.kind !== "value") setStatus(t("linkFail")(e.message), true, null, "link");
  }
}

// What the hash holds: { kind: "none" } (no hash, or an in-page anchor such as
// #form), { kind: "ok", assessment }, or { kind: "bad", message } in the page's
// language. Never throws: any text can be in a hash.
function readHash() {
  const raw = location.hash.slice(1);
  if (!raw) return { kind: "none" };
  let v = raw;
  try {
    v = decodeURIComponent(raw);
  } catch {
    // a malformed percent-escape: the core reads the text as it is and names the problem
  }
  if (v.length < 100 && /^[\w-]+$/.test(v) && document.getElementById(v)) return { kind: "none" };
  const short = v.length > 60 ? `${v.slice(0, 60)}…` : v;
  try {
    if (!spbe.isVector(v)) return { kind: "bad", message: t("hashNotLink")(short) };
    const a = normalise(spbe.fromVector(v));
    const problems = Object.keys(a.tracks).flatMap((track) =>
      spbe.validate(a, { track }).filter((p) => p.kind !== "missing"));
    if (problems.length) return { kind: "bad", message: t("hashLevels")([...new Set(problems.map((p) => p.message))].join("; ")) };
    return { kind: "ok", assessment: a };
  } catch (e) {
    return { kind: "bad", message: t("hashBad")(e.message) };
  }
}

// The status line; `undo` (a snapshot) shows the Undo button beside it.
// `kind` says what the message is about ("value": a bad value, "link": a link
// that could not be read or written), so that it goes when that is put right.
function setStatus(msg, error = false, undo = null, kind = null) {
  const s = $("#status");
  state.statusKind = msg ? kind : null;
  s.textContent = msg;
  s.classList.toggle("error", error);
  state.undo = undo;
  $("#undo").hidden = !undo;
}

// ---------------------------------------------------------------- drafts (localStorage)
const DRAFT_KEY = "spbe-kalkulator.draft";
const LANG_KEY = "spbe-kalkulator.lang";

const DRAFTS_KEY = "spbe-kalkulator.drafts";
const UNWRITTEN_KEY = "spbe-kalkulator.unwritten-link";

// What this tab kept under `key` for the next page (read once: it is removed), or null.
function takeOnce(key) {
  try {
    const v = JSON.parse(sessionStorage.getItem(key) || "null");
    sessionStorage.removeItem(key);
    return v;
  } catch {
    return null; // storage disabled or the entry unreadable
  }
}

// How this page was opened: "navigate", "reload", "back_forward" (null if unknown).
function navigationType() {
  const nav = performance.getEntriesByType("navigation")[0];
  return nav ? nav.type : null;
}

// A reload that began before the page wrote its latest link opens an older
// address, one the page itself replaced: flushDrafts kept those addresses and
// the latest link for this tab, and the latest replaces it here, so the change
// is not lost. Only for a reload: an address opened on purpose (typed, a
// bookmark, Back) is opened as it is.
function takeUnwrittenLink() {
  const rec = takeOnce(UNWRITTEN_KEY);
  if (!rec || navigationType() !== "reload" || typeof rec.to !== "string" || !Array.isArray(rec.from)) return;
  if (rec.to !== location.hash && rec.from.includes(location.hash)) history.replaceState(null, "", rec.to);
}

function snapshot() {
  return { assessment: cleanAssessment(), active: state.active, draftId: state.draftId };
}

// The form as it is, for an Undo to return to: with the time its draft was
// saved while that is still its work (restore keeps it), so that undoing back
// to a draft just opened does not make it newer; nothing new was entered.
function undoPoint() {
  const snap = snapshot();
  const s = state.savedAs;
  if (s && s.id === snap.draftId && s.work === JSON.stringify(snap.assessment)) snap.saved = s.saved;
  return snap;
}

// This tab's id, kept across its reloads (sessionStorage is per tab), so that a
// reload adopts the draft this tab was saving and another tab does not.
function tabId() {
  try {
    let id = sessionStorage.getItem("spbe-kalkulator.tab");
    if (!id) sessionStorage.setItem("spbe-kalkulator.tab", (id = newDraftId()));
    return id;
  } catch {
    return null;
  }
}

const newDraftId = () => `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 7)}`;

// Named drafts: { id: { saved, lang, active, assessment } } in one storage key,
// one per piece of work (an institution and year); DRAFT_KEY keeps the latest,
// which the bare address reopens (the single draft of earlier versions, which
// readDrafts takes over as a draft of the list).
function readDrafts() {
  let store = null;
  try {
    store = JSON.parse(localStorage.getItem(DRAFTS_KEY) || "null");
  } catch {
    store = null;
  }
  if (!store || typeof store !== "object" || Array.isArray(store)) store = {};
  if (state.pendingDraft) store[state.pendingDraft.id] = state.pendingDraft.rec; // saved, not yet written to the list
  return store;
}

function writeDrafts(store) {
  try {
    localStorage.setItem(DRAFTS_KEY, JSON.stringify(store));
  } catch {
    // storage full or disabled: the link and the files still hold the work
  }
}

// Every change of the user's (never the page opening) is saved at once. A page
// opened from a link takes the draft over only once its content is changed
// (not by switching the language or the track).
function autosave() {
  if (!state.ownsDraft) return;
  if (!state.draftId) state.draftId = newDraftId();
  // `link`: the address the page had (the last link it could write); `tab`: which tab saved it
  // the time saved is when the work last changed: opening a draft, switching the
  // language or the track being edited does not make it newer
  const snap = snapshot();
  const work = JSON.stringify(snap.assessment);
  const same = state.savedAs && state.savedAs.id === state.draftId && state.savedAs.work === work;
  const rec = { saved: same ? state.savedAs.saved : new Date().toISOString(), lang: state.lang, ...snap, link: location.hash, tab: tabId() };
  state.savedAs = { id: state.draftId, work, saved: rec.saved };
  try {
    localStorage.setItem(DRAFT_KEY, JSON.stringify(rec));
  } catch {
    // storage full or disabled: the link and the JSON file still hold the work
  }
  // the list of drafts is brought up to date a moment later (and when the page is
  // hidden or closed); the latest draft above is what a reopening reads first
  state.pendingDraft = { id: state.draftId, rec: { saved: rec.saved, lang: rec.lang, active: rec.active, assessment: rec.assessment } };
  if (!state.draftTimer) state.draftTimer = setTimeout(flushDrafts, 400);
}

function flushDrafts() {
  // A reload reopens the address the browser had when it began, and the page
  // may write its link after that (a change in the last frame, or made while
  // the new page loads): the link is written now, and the addresses it
  // replaced are kept for this tab, for the next load (takeUnwrittenLink)
  if (state.hashPending) flushHash();
  if (state.replaced && state.replaced.length && !state.keepHash) {
    try {
      sessionStorage.setItem(UNWRITTEN_KEY, JSON.stringify({ from: state.replaced, to: location.hash }));
      state.unwrittenKept = true;
    } catch {
      // storage disabled: the draft below still holds the change
    }
  }
  flushSave();
  clearTimeout(state.draftTimer);
  state.draftTimer = null;
  const p = state.pendingDraft;
  if (!p) return;
  state.pendingDraft = null;
  const store = readDrafts();
  store[p.id] = p.rec;
  writeDrafts(store);
  renderDrafts(store);
}

function draftName(rec) {
  const a = rec.assessment || {};
  const ed = state.editions.find((e) => e.id === a.rubric);
  return [a.institution || t("noName"), a.year, ed ? ed.short_title : a.rubric].filter((x) => x !== undefined && x !== null && x !== "").join(" · ");
}

// The list of drafts, newest first: name, when saved, Open and Delete.
function renderDrafts(store = readDrafts()) {
  const ids = Object.keys(store).sort((x, y) => String(store[y].saved).localeCompare(String(store[x].saved)));
  $("#drafts-summary").textContent = t("draftCount")(ids.length);
  const list = $("#draft-list");
  list.replaceChildren();
  for (const id of ids) {
    const rec = store[id];
    const name = draftName(rec);
    const now = id === state.draftId && state.ownsDraft;
    list.append(el("li", { "data-draft": id, class: now ? "now" : null },
      el("span", { class: "draft-name", text: name }), " ",
      el("span", { class: "small", text: `${t("draftLine")(savedAt(rec))}${now ? ` · ${t("draftOpenNow")}` : ""}` }), " ",
      el("button", { type: "button", "data-open-draft": id, "aria-label": `${t("openIt")}: ${name}`, text: t("openIt") }), " ",
      el("button", { type: "button", "data-delete-draft": id, "aria-label": `${t("deleteIt")}: ${name}`, text: t("deleteIt") })));
  }
}

// A stored draft as the page can use it (checked by the core), or null.
// A bad value typed into a field (7 on a 1-5 scale, "abc") is work in
// progress: a draft holding one opens with the value in its field, marked by
// the core's message, as it was left. Other problems (a shape the page cannot
// show) make a draft unusable.
function draftProblems(a) {
  return ["mandiri", "target"].flatMap((track) =>
    spbe.validate(a, { track }).filter((p) => p.kind === "invalid"));
}

function usableDraft(rec) {
  try {
    if (!rec || !rec.assessment || !state.editions.some((e) => e.id === rec.assessment.rubric)) return null;
    const a = normalise(rec.assessment);
    return draftProblems(a).length ? null : { ...rec, assessment: a };
  } catch {
    return null;
  }
}

// The draft of a file's institution and year, if one is saved (one draft per
// institution and year); otherwise a new draft.
function draftFor(a) {
  if (a.institution && a.year !== undefined) {
    const store = readDrafts();
    for (const [id, rec] of Object.entries(store)) {
      const b = rec.assessment || {};
      if (b.institution === a.institution && b.year === a.year) return id;
    }
  }
  return newDraftId();
}

// The saved draft, checked by the core like a file; null if there is none,
// "bad" if it cannot be used.
function readDraft() {
  let d;
  try {
    d = JSON.parse(localStorage.getItem(DRAFT_KEY) || "null");
  } catch {
    return "bad";
  }
  if (!d) return null;
  try {
    if (!d.assessment || !state.editions.some((e) => e.id === d.assessment.rubric)) return "bad";
    const a = normalise(d.assessment);
    return draftProblems(a).length ? "bad" : { ...d, assessment: a };
  } catch {
    return "bad";
  }
}

function savedAt(d) {
  return new Date(d.saved).toLocaleString(state.lang === "en" ? "en-GB" : "id-ID");
}

// Whether a form holds work that a clear (identity too) or a change of edition
// (which keeps the institution and the year) would throw away.
function hasWork(identity = false) {
  return hasWorkIn(snapshot(), identity);
}

function hasWorkIn(snap, identity = false) {
  const a = snap.assessment;
  return Object.values(a.tracks).some((tr) => Object.keys(tr || {}).length > 0) || ["notes", "evidence", "criteria_met"].some((k) => a[k]) ||
    (identity && (Boolean(a.institution) || a.year !== undefined));
}

function setActive(track) {
  state.active = track === "target" ? "target" : "mandiri";
  for (const r of document.querySelectorAll('input[name="active-track"]')) r.checked = r.value === state.active;
}

function restore(snap) {
  setActive(snap.active);
  if (snap.draftId !== undefined) state.draftId = snap.draftId;
  selectEdition(snap.assessment.rubric, snap.assessment);
  keepSavedTime(snap);
}

// A saved draft just opened: its work was last changed when it was saved.
function keepSavedTime(rec) {
  if (rec && rec.saved) state.savedAs = { id: state.draftId, work: JSON.stringify(cleanAssessment()), saved: rec.saved };
}

// A change made by the user: the link may be rewritten again, and the draft is saved.
// (recalc false: the caller has just redrawn everything, e.g. selectEdition)
function changed(recalc = true) {
  // a link that could not be read is replaced by the form's own: its message goes
  if (state.keepHash && state.statusKind === "link") setStatus("");
  state.keepHash = false;
  state.ownsDraft = true;
  // an Undo offered earlier would now throw this change away: it is withdrawn
  state.undo = null;
  $("#undo").hidden = true;
  if (recalc) recompute(false); else writeHash();
  // the draft is written just after the frame that shows the change (a slow
  // phone's change of level should not wait for storage), and at once when
  // the page is hidden or closed (flushDrafts)
  if (!state.savePending) {
    state.savePending = true;
    requestAnimationFrame(() => setTimeout(flushSave, 0));
  }
}

function flushSave() {
  if (!state.savePending) return;
  state.savePending = false;
  autosave();
}

function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function fileStem() {
  const inst = ($("#institution").value || "spbe").trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  // the year too: one institution's files of several years side by side in a folder
  const y = cleanAssessment().year;
  const year = y === undefined ? "" : `-${y}`;
  return `${inst || "spbe"}${year}-${state.assessment.rubric}`;
}

// CSV for a spreadsheet in the page's locale: Indonesian Excel expects ";" and
// decimal commas, English "," and points; a UTF-8 BOM so that non-ASCII text is
// read as UTF-8. A block with the identity and the results, then one row per
// indicator. Service lists ("1; 3; 3") and fractions (7⁄6, with the fraction
// slash) are written so that no spreadsheet reads them as dates.
function csv() {
  const sep = state.lang === "id" ? ";" : ",";
  const safe = (v) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v); // text is never read as a formula
  const q = (v) => `"${String(v ?? "").replace(/"/g, '""')}"`;
  const row = (cells) => cells.map(q).join(sep);
  const a = cleanAssessment();
  const value = (v) => (Array.isArray(v) ? v.map(value).join("; ") : typeof v === "string" && v.includes("/") ? v.replace("/", "\u2044") : dec(v));
  const lv = (m, id) => (m && m[id] !== undefined ? value(m[id]) : "");
  const { cur, tgt } = formState();
  const ed = state.editions.find((e) => e.id === a.rubric);
  const pred = (r) => (r ? (state.lang === "en" && r.predicate_en ? `${r.predicate} (${r.predicate_en})` : r.predicate) : "");
  const B = t("csvBlock");
  const lines = [
    row([B.institution, safe(a.institution || "")]),
    row([B.year, a.year ?? ""]),
    row([B.edition, `${ed.short_title} (${a.rubric})`]),
    row([B.index, cur.report ? dec(cur.report.index_text) : ""]),
    row([B.predicate, pred(cur.report)]),
    row([B.targetIndex, tgt.report ? dec(tgt.report.index_text) : ""]),
    row([B.targetPredicate, pred(tgt.report)]),
    "",
    row(t("csvHead")),
  ];
  const target = tgt.levels; // the target as scored: current levels plus the changes
  for (const { domain, aspect, ind } of indicators(state.spec).list) {
    lines.push(row([ind.id, domain ? domain.id : "", aspect.id, nameOf(ind), lv(a.tracks.mandiri, ind.id), lv(target, ind.id),
      safe((a.notes && a.notes[ind.id]) || ""), safe(((a.evidence && a.evidence[ind.id]) || []).join(" | "))]));
  }
  return "\ufeff" + lines.join("\r\n") + "\r\n";
}

// ---------------------------------------------------------------- Excel (.xlsx)
// A workbook built here (xlsx.js): sheet "Indikator" (id, name, current level,
// target, note, evidence) and sheet "Hasil" (identity, index, predicate, the
// domain and aspect indices). Every number and name is the core's (its report
// and its rubric); levels are written with the digits the form holds; 2018's
// services and fractions as text.
const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function levelCell(v) {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) return { s: v.map(String).join("; ") };
  const text = String(v);
  return /^\d+(\.\d+)?$/.test(text) ? { n: text } : { s: text };
}

function xlsxWorkbook() {
  const a = cleanAssessment();
  const { cur, tgt } = formState(true); // the whole reports: the workbook lists domains and aspects
  const target = tgt.levels; // current levels plus the changes, as the core scores the target
  const H = t("xlsxHead"), B = t("xlsxBlock");
  const str = (x) => (x === undefined || x === null || x === "" ? null : { s: String(x) });
  const num = (x) => (x === undefined || x === null ? null : { n: String(x) });
  const bold = (x) => ({ s: x, bold: true });
  const ind = [H.map(bold)];
  for (const { ind: i } of indicators(state.spec).list) {
    // the target column holds the target as the core lays it (over the assessors' final levels
    // once they have scored, else over the self-assessment) wherever it differs from the
    // current-level column; empty is that column's level, so the workbook imported back (the
    // self-assessment and the target over it) scores the same target
    const changedTo = JSON.stringify(target[i.id]) !== JSON.stringify(a.tracks.mandiri[i.id]) ? target[i.id] : undefined;
    ind.push([{ s: i.id }, { s: nameOf(i), wrap: true }, levelCell(a.tracks.mandiri[i.id]), levelCell(changedTo),
      (a.notes && a.notes[i.id]) ? { s: a.notes[i.id], wrap: true } : null,
      (a.evidence && a.evidence[i.id]) ? { s: a.evidence[i.id].join("\n"), wrap: true } : null]);
  }
  const ed = state.editions.find((e) => e.id === a.rubric);
  const pred = (r) => (r ? (state.lang === "en" && r.predicate_en ? `${r.predicate} (${r.predicate_en})` : r.predicate) : null);
  const res = [
    [bold(B.institution), str(a.institution)],
    [bold(B.year), num(a.year)],
    [bold(B.edition), str(ed.short_title)],
    [bold(B.rubric), str(a.rubric)],
    [bold(B.index), cur.report ? num(cur.report.index_text) : null],
    [bold(B.predicate), str(pred(cur.report))],
  ];
  if (cur.report && cur.report.predicate_label) res.push([bold(B.label), str(cur.report.predicate_label)]);
  res.push([bold(B.targetIndex), tgt.report ? num(tgt.report.index_text) : null], [bold(B.targetPredicate), str(pred(tgt.report))],
    [bold(B.status), cur.report ? str(`${t("filled")(cur.filled, cur.total)}; ${cur.complete ? B.complete : B.estimate}`) : null], [],
    t("xlsxParts").map(bold));
  const part = (rep, kind, id) => (rep ? rep[kind].find((x) => x.id === id) : null);
  for (const g of indicators(state.spec).groups) {
    if (g.domain) {
      const c = part(cur.report, "domains", g.domain.id), d = part(tgt.report, "domains", g.domain.id);
      res.push([str(`${t("domain")} ${g.domain.id}`), str(nameOf(g.domain)), num(g.domain.weight), num(c && c.index), num(d && d.index)]);
    }
    for (const x of g.aspects) {
      const c = part(cur.report, "aspects", x.id), d = part(tgt.report, "aspects", x.id);
      res.push([str(`${t("aspect")} ${x.id}`), str(nameOf(x)), num(x.weight), num(c && c.index), num(d && d.index)]);
    }
  }
  return writeXlsx([
    { name: "Indikator", rows: ind, widths: [8, 60, 16, 12, 40, 40], freezeRow: 1 },
    { name: "Hasil", rows: res, widths: [24, 50, 12, 16, 16] },
  ], { title: `${t("title")} — ${a.institution || ""} ${a.year ?? ""}`.trim() });
}

// A cell of the level columns as the page's value: "3,25" or "3.25", 2018's
// "1; 3; 3", a fraction "7/6" (or with the fraction slash); anything else is
// passed on as written, for the core to refuse with its message.
function cellValue(text) {
  if (text === null || text === undefined) return undefined;
  const s = String(text).trim().replace(/\u2044/g, "/");
  if (s === "") return undefined;
  if (s.includes(";")) return s.split(";").map((x) => cellValue(x)).filter((x) => x !== undefined);
  const d = /^[+-]?\d*,\d+$/.test(s) ? s.replace(",", ".") : s;
  return /^[+-]?\d+(\.\d+)?$/.test(d) ? exactNumber(d, Number(d)) : d;
}

// The workbook back into an assessment, checked by the core: a bad value gives
// the core's message, with the sheet row of its indicator.
function importWorkbook(sheets) {
  const res = sheets.find((x) => x.name === "Hasil");
  const sheet = sheets.find((x) => x.name === "Indikator");
  if (!sheet) throw new Error(t("xlsxNoSheet"));
  // identity from "Hasil" (its first column's labels in either language)
  const info = {};
  if (res) {
    for (const row of res.rows) {
      const key = row[0] && ["id", "en"].map((l) => Object.entries(T[l].xlsxBlock).find(([, v]) => v === row[0])).find(Boolean);
      if (key && row[1] !== null && row[1] !== undefined) info[key[0]] = String(row[1]).trim();
    }
  }
  const rubric = info.rubric || state.assessment.rubric;
  if (!state.editions.some((e) => e.id === rubric)) throw new Error(t("xlsxEdition")(rubric));
  const a = newAssessment(rubric);
  if (info.institution) a.institution = info.institution;
  if (info.year && /^\d+$/.test(info.year)) a.year = Number(info.year);
  const known = new Set(indicators(spbe.rubric(rubric)).list.map((x) => x.ind.id));
  const rowOf = {};
  sheet.rows.forEach((row, r) => {
    if (r === 0 || !row || row[0] === null || row[0] === undefined || String(row[0]).trim() === "") return;
    const id = String(row[0]).trim();
    if (!known.has(id)) throw new Error(t("xlsxRow")(r + 1, t("xlsxUnknown")(id)));
    rowOf[id] = r + 1;
    const cur = cellValue(row[2]);
    const tgt = cellValue(row[3]);
    if (cur !== undefined) a.tracks.mandiri[id] = cur;
    // the target holds the changes only: a target equal to the current level is no change
    if (tgt !== undefined && JSON.stringify(tgt) !== JSON.stringify(cur)) a.tracks.target[id] = tgt;
    if (row[4]) (a.notes = a.notes || {})[id] = String(row[4]);
    const refs = row[5] ? String(row[5]).split("\n").map((x) => x.trim()).filter(Boolean) : [];
    if (refs.length) (a.evidence = a.evidence || {})[id] = refs;
  });
  // the core's problems in a form's words (the track as "penilaian mandiri", not the file's
  // tracks.mandiri: the workbook's columns are the form's), each with its sheet row
  const problems = spbe.formState(a, TRACKS).tracks.flatMap((x) => x.issues).filter((p) => p.kind !== "missing");
  if (problems.length) {
    const msgs = [...new Set(problems.map((p) => (p.indicator && rowOf[p.indicator] ? t("xlsxRow")(rowOf[p.indicator], p.message) : p.message)))];
    throw new Error(msgs.join("; "));
  }
  return a;
}

// ---------------------------------------------------------------- wiring
// An edition and an assessment in the form. With `progressive` (the first load),
// what is below the first screen is drawn just after its frame: the results when
// they are below it (on a phone the settings fill the first screen), and the
// form's indicators in any case (renderForm); `ready` runs when all is drawn.
function selectEdition(id, assessment, progressive = false, ready = null) {
  ensureBuilt(); // a form still waiting to be built is built first (and hands on its `ready`)
  state.assessment = assessment ? normalise(assessment) : newAssessment(id);
  $("#edition").value = id;
  $("#institution").value = state.assessment.institution || "";
  $("#year").value = state.assessment.year ?? "";
  const ed = state.editions.find((e) => e.id === id);
  $("#edition-note").textContent = editionNote(ed);
  document.title = `${t("title")} — ${ed.short_title || id}`;
  const build = () => {
    $(".results").hidden = false; // hidden in the page's HTML until first built
    $("#form").hidden = false;
    state.spec = spbe.rubric(id);
    renderForm(progressive, ready);
    // the rest of the results (chart, table, gains, plan) at once, unless they are below the first screen
    recompute(!progressive || $("#chart").getBoundingClientRect().top < window.innerHeight);
  };
  // (the results come right after the settings)
  if (!progressive || $(".setup").getBoundingClientRect().bottom < window.innerHeight) return build();
  // after the frame that shows the first screen; at once if the user acts first
  // (a capturing listener runs before any handler) or a hidden tab draws no frame
  state.pendingBuild = build;
  for (const type of BUILD_FIRST) document.addEventListener(type, ensureBuilt, true);
  if (document.hidden) setTimeout(ensureBuilt, 0);
  else requestAnimationFrame(() => setTimeout(ensureBuilt, 0));
}

// A form waiting to be built (selectEdition), built now: before the user's first
// input reaches a handler, before another edition, or just after the first frame.
const BUILD_FIRST = ["input", "change", "click", "keydown", "submit", "focusin"];
function ensureBuilt() {
  const build = state.pendingBuild;
  if (!build) return;
  state.pendingBuild = null;
  for (const type of BUILD_FIRST) document.removeEventListener(type, ensureBuilt, true);
  build();
}

function applyLanguage() {
  document.documentElement.lang = state.lang;
  spbe.setLanguage(state.lang); // the core's messages (a bad value, a broken link) in the page's language
  for (const e of document.querySelectorAll("[data-i18n]")) {
    const v = t(e.dataset.i18n);
    if (typeof v === "string") e.textContent = v;
  }
  for (const b of document.querySelectorAll("[data-lang]")) b.setAttribute("aria-pressed", String(b.dataset.lang === state.lang));
  const opts = $("#edition");
  for (const o of opts.options) {
    const ed = state.editions.find((e) => e.id === o.value);
    o.textContent = editionLabel(ed);
  }
  renderDrafts();
}

// An edition in the list: its regulation, short enough for the select on a phone
// (the index's name, the years in force and the full title are in the note under it)
function editionLabel(ed) {
  return `${ed.short_title || ed.id}${ed.status === "provisional" ? ` (${t("provisional")})` : ""}`;
}

function editionNote(ed) {
  const name = state.lang === "en" && ed.index_name_en ? ed.index_name_en : ed.index_name;
  const f = ed.in_force;
  const years = !f ? "" : f.to == null ? ` (${t("inForceSince")(f.from)})` : ` (${t("inForce")} ${f.from}–${f.to})`;
  return `${name ? `${name}${years}. ` : ""}${ed.title}. ${t("status")[ed.status] || ""}`;
}

async function main() {
  // the user moving about the page while it loads (then a reload does not take them back: returnToPlace)
  for (const type of ["wheel", "touchstart", "keydown", "mousedown"]) {
    window.addEventListener(type, () => (state.userScrolled = true), { once: true, passive: true, capture: true });
  }
  await init();
  // the language: ?lang=en, else the one chosen last time in this browser, else Indonesian
  let stored = null;
  try {
    stored = localStorage.getItem(LANG_KEY);
  } catch {
    // storage disabled
  }
  const asked = new URLSearchParams(location.search).get("lang");
  state.lang = (asked || stored) === "en" ? "en" : "id";
  chartFont(); // while the page is still the bare HTML (see chartFont)
  state.editions = spbe.rubrics();
  const sel = $("#edition");
  for (const ed of state.editions) sel.append(el("option", { value: ed.id, text: editionLabel(ed) }));
  applyLanguage();
  takeUnwrittenLink();
  const link = readHash();
  // a link in the hash wins; at the bare address, the draft saved in this browser
  const saved = readDraft();
  // the single draft of earlier versions (or one the list lost) becomes a draft of the list
  if (saved && saved !== "bad") {
    const store = readDrafts();
    if (!saved.draftId || !store[saved.draftId] || String(store[saved.draftId].saved) < String(saved.saved)) {
      saved.draftId = saved.draftId || newDraftId();
      store[saved.draftId] = { saved: saved.saved, lang: saved.lang, active: saved.active, assessment: saved.assessment };
      writeDrafts(store);
    }
  }
  // a link to the very work of the latest draft (a reload, a bookmark of it) opens that draft:
  // the same work, with its notes and evidence, saved on as before (not a second copy)
  const sameWork = (x, y) => {
    try {
      return spbe.toVector(x) === spbe.toVector(y);
    } catch {
      return false; // a bad value: not what a link holds
    }
  };
  // the latest draft is this link's own work when this tab saved it under this very address
  // (a reload; it may hold later changes the link could not, e.g. a bad value being fixed),
  // or when it holds exactly the link's work and no other tab was saving it
  const ownLink = link.kind === "ok" && saved && saved !== "bad" && (saved.tab ? saved.tab === tabId() : true) &&
    (saved.link === location.hash || sameWork(saved.assessment, link.assessment));
  const draft = link.kind === "none" || ownLink ? saved : null;
  const opened = link.kind === "ok" && !ownLink ? link.assessment : draft && draft !== "bad" ? draft.assessment : null;
  // the edition in force this year (from the editions' own in_force data)
  const year = new Date().getFullYear();
  const inForce = state.editions.filter((e) => e.in_force && e.in_force.from <= year && (e.in_force.to == null || year <= e.in_force.to));
  let ed = (inForce.length ? inForce[inForce.length - 1] : state.editions[state.editions.length - 1]).id;
  if (opened && state.editions.some((e) => e.id === opened.rubric)) ed = opened.rubric;
  state.keepHash = link.kind === "bad";
  state.ownsDraft = link.kind === "none" || ownLink;
  if (draft && draft !== "bad" && opened === draft.assessment) {
    setActive(draft.active);
    state.draftId = draft.draftId;
  }
  // the end of the frame that shows the first screen (read by bench/page-throttle.mjs;
  // asked for before the form's and the results' own steps after that frame, so that it runs first)
  requestAnimationFrame(() => setTimeout(() => performance.mark("spbe-first-painted"), 0));
  // the first screen now; the indicators just after its frame (renderForm), and then the page is ready
  selectEdition(ed, opened && opened.rubric === ed ? opened : null, true, () => {
    state.formDone = true;
    if (state.mainDone) formReady();
  });
  if (draft && draft !== "bad" && opened === draft.assessment) keepSavedTime(draft);
  if (link.kind === "bad") setStatus(link.message, true, null, "link");
  else if (draft === "bad") setStatus(t("draftBad"), true);
  else if (draft && !ownLink) setStatus(t("restored")(savedAt(draft)));
  // a link won over a saved draft that differs: the draft is still offered (kept in memory for this visit)
  if (link.kind !== "none" && !ownLink && saved && saved !== "bad" && JSON.stringify(saved.assessment) !== JSON.stringify(normalise(cleanAssessment()))) {
    state.offered = saved;
    $("#open-draft").hidden = false;
    if (link.kind === "ok") setStatus(t("draftOffer")(savedAt(saved)));
  }
  $("#open-draft").addEventListener("click", () => {
    const prev = { ...undoPoint(), offered: state.offered }; // Undo offers the draft again
    state.push = true;
    restore(state.offered);
    changed(false);
    setStatus(t("restored")(savedAt(state.offered)), false, prev);
    state.offered = null;
    $("#open-draft").hidden = true;
  });

  sel.addEventListener("change", () => {
    const prev = undoPoint();
    if (hasWork() && !window.confirm(t("confirmEdition"))) {
      sel.value = prev.assessment.rubric;
      return;
    }
    const a = newAssessment(sel.value);
    if (prev.assessment.institution) a.institution = prev.assessment.institution;
    if (prev.assessment.year !== undefined) a.year = prev.assessment.year;
    state.push = true;
    selectEdition(sel.value, a);
    changed(false);
    setStatus(t("switched"), false, hasWorkIn(prev) ? prev : null);
  });
  $("#institution").addEventListener("input", changed);
  $("#year").addEventListener("input", changed);
  for (const r of document.querySelectorAll('input[name="active-track"]')) {
    r.addEventListener("change", () => {
      state.active = r.value;
      syncForm();
      markIssues((state.issues || {})[state.active] || []); // the marks of the track now shown
      summaryBar();
      renderProgress();
      autosave();
    });
  }
  $("#only-unfilled").addEventListener("change", (ev) => document.body.classList.toggle("only-unfilled", ev.target.checked));
  $("#undo").addEventListener("click", () => {
    if (!state.undo) return;
    const back = state.undo;
    state.push = true; // an entry of its own: Back returns to the form before the Undo
    restore(back);
    changed(false);
    setStatus(t("undone"));
    if (back.offered) {
      state.offered = back.offered;
      $("#open-draft").hidden = false;
    }
  });
  $("#indicators").addEventListener("change", (ev) => {
    const input = ev.target;
    const fs = input.closest("fieldset.indicator");
    if (!fs) return;
    const id = fs.dataset.indicator;
    const a = state.assessment;
    if (input.matches("input[data-value]")) {
      return; // handled on "input", as the value is typed
    } else if (input.matches("input[type=radio]")) {
      const v = readIndicator(fs);
      const track = (a.tracks[state.active] = a.tracks[state.active] || {});
      if (v === undefined) delete track[id]; else track[id] = v;
      if (state.active === "target") fs.classList.toggle("changed", v !== undefined && JSON.stringify(v) !== JSON.stringify((state.base || a.tracks.mandiri || {})[id]));
      for (const i of fs.querySelectorAll("input[type=radio]")) i.closest(".level").classList.toggle("chosen", i.checked && i.value !== "");
      fs.classList.toggle("missing", v === undefined);
    } else if (input.matches("[data-note]")) {
      a.notes = a.notes || {};
      if (input.value.trim()) a.notes[id] = input.value; else delete a.notes[id];
    } else if (input.matches("[data-criteria]")) {
      a.criteria_met = a.criteria_met || {};
      const levels = [...fs.querySelectorAll("input[data-criteria]:checked")].map((c) => Number(c.value));
      if (levels.length) a.criteria_met[id] = levels; else delete a.criteria_met[id];
    } else if (input.matches("[data-evidence]")) {
      a.evidence = a.evidence || {};
      const refs = input.value.split("\n").map((x) => x.trim()).filter(Boolean);
      if (refs.length) a.evidence[id] = refs; else delete a.evidence[id];
    }
    changed();
  });
  // 8/2026 number fields: the value counts as it is typed (the field itself is
  // not rewritten, so typing "1." on the way to "1.26" is not disturbed)
  $("#indicators").addEventListener("input", (ev) => {
    const input = ev.target;
    if (!input.matches("input[data-value]")) return;
    const fs = input.closest("fieldset.indicator");
    const id = fs.dataset.indicator;
    const track = (state.assessment.tracks[state.active] = state.assessment.tracks[state.active] || {});
    // the decimal comma of Indonesian ("3,25") or the point: the same digits
    const typed = input.value.trim();
    const raw = /^[+-]?\d*,\d*$/.test(typed) ? typed.replace(",", ".") : typed;
    // the digits as typed go to the core: kept as a number only when the double
    // is exactly that decimal (JSON.stringify then writes the same digits, and
    // the core reads 3.25 as 325/100), otherwise as the text itself
    if (raw === "") delete track[id]; else track[id] = exactNumber(raw, Number(raw));
    fs.querySelector("[data-from-file]").textContent = "";
    // on the target track an empty field is the current value (the target rule), and a
    // value that differs from the current one is marked as a change at once
    const cur = (state.base || state.assessment.tracks.mandiri || {})[id];
    const target = state.active === "target";
    fs.classList.toggle("missing", !(id in track) && !(target && cur !== undefined));
    if (target) fs.classList.toggle("changed", id in track && JSON.stringify(track[id]) !== JSON.stringify(cur));
    const lvl = rangeOf(id, track[id]);
    for (const li of fs.querySelectorAll("li.range")) li.classList.toggle("chosen", Number(li.dataset.level) === lvl);
    changed();
  });
  // files, prints and exports only from valid values: a bad one is named first
  // (the work in progress stays in the draft and the form)
  const valid = () => {
    // a bad value on either track (a target value out of range is found only on the target)
    const all = [...((state.issues || {}).mandiri || []), ...((state.issues || {}).target || [])];
    const bad = [...new Set(all.filter((i) => i.kind === "value" && i.indicator).map((i) => i.indicator))];
    if (bad.length) setStatus(t("fixFirst")(bad.join(", ")), true, null, "value");
    return bad.length === 0;
  };
  $("#save").addEventListener("click", () => {
    if (!valid()) return;
    download(`${fileStem()}.json`, "application/json", JSON.stringify(cleanAssessment(), null, 2) + "\n");
    setStatus(t("saved"));
  });
  $("#load").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    try {
      const a = parseExact(await f.text());
      if (!a || typeof a !== "object" || !state.editions.some((e) => e.id === a.rubric)) throw new Error(`rubric ${JSON.stringify(a && a.rubric)}`);
      // every track the file has (an assessor's stage too: the form cannot put its values right)
      const n = normalise(a);
      const problems = Object.keys(n.tracks).flatMap((track) => spbe.validate(n, { track })).filter((p) => p.kind !== "missing");
      if (problems.length) throw new Error(problems.map((p) => p.message).join("; "));
      openLoaded(a, t("loaded")(f.name));
    } catch (e) {
      setStatus(t("badFile")(e.message), true);
    }
    ev.target.value = "";
  });
  $("#csv").addEventListener("click", () => {
    if (!valid()) return;
    download(`${fileStem()}.csv`, "text/csv;charset=utf-8", csv());
    setStatus(t("csvSaved"));
  });
  $("#xlsx").addEventListener("click", () => {
    if (!valid()) return;
    try {
      download(`${fileStem()}.xlsx`, XLSX_TYPE, xlsxWorkbook());
      setStatus(t("xlsxSaved"));
    } catch (e) {
      setStatus(t("badFile")(e.message), true);
    }
  });
  $("#load-xlsx").addEventListener("change", async (ev) => {
    const f = ev.target.files[0];
    if (!f) return;
    try {
      const a = importWorkbook(await readXlsx(new Uint8Array(await f.arrayBuffer())));
      openLoaded(a, t("imported")(f.name));
    } catch (e) {
      setStatus(t("badFile")(e.message), true);
    }
    ev.target.value = "";
  });
  // named drafts: open, delete, start a new one
  renderDrafts();
  $("#draft-list").addEventListener("click", (ev) => {
    const b = ev.target.closest("button");
    if (!b) return;
    const store = readDrafts();
    if (b.dataset.openDraft) {
      const id = b.dataset.openDraft;
      const rec = usableDraft(store[id]);
      if (!rec) {
        setStatus(t("draftBad"), true);
        return;
      }
      const prev = undoPoint();
      state.push = true;
      restore({ ...rec, draftId: id });
      changed(false);
      setStatus(t("draftOpened")(draftName(rec)), false, hasWorkIn(prev, true) ? prev : null);
    } else if (b.dataset.deleteDraft) {
      const id = b.dataset.deleteDraft;
      const rec = store[id];
      if (!rec) return;
      const name = draftName(rec);
      if (!window.confirm(t("confirmDelete")(name))) return;
      if (state.pendingDraft && state.pendingDraft.id === id) state.pendingDraft = null;
      delete store[id];
      writeDrafts(store);
      try {
        const latest = JSON.parse(localStorage.getItem(DRAFT_KEY) || "null");
        if (latest && latest.draftId === id) localStorage.removeItem(DRAFT_KEY);
      } catch {
        // storage disabled
      }
      if (state.draftId === id) state.draftId = null; // the form stays; its next change is saved as a new draft
      renderDrafts(store);
      setStatus(t("draftDeleted")(name));
    }
  });
  $("#new-draft").addEventListener("click", () => {
    const prev = undoPoint();
    state.push = true;
    state.draftId = newDraftId();
    selectEdition(state.assessment.rubric, newAssessment(state.assessment.rubric));
    changed(false);
    setStatus(t("draftNew"), false, hasWorkIn(prev, true) ? prev : null);
  });
  // the jump list: to a domain or aspect heading (focus follows, for keyboards and screen readers)
  $("#jump").addEventListener("change", (ev) => {
    finishForm(); // the place of a heading is exact once every indicator above it is in the page
    const target = ev.target.value && document.getElementById(ev.target.value);
    ev.target.value = "";
    if (!target) return;
    // below the sticky summary bar, whatever its height on this screen; once more
    // after a frame, when the indicators near it have been laid out at their real size
    const place = () => {
      const d = target.getBoundingClientRect().top - ($("#summary-bar").getBoundingClientRect().bottom + 8);
      if (Math.abs(d) > 1) window.scrollBy(0, d);
    };
    // the indicators not yet shown are laid out first (content-visibility: auto
    // sizes them by an estimate until then), so that the place is exact; their
    // sizes are remembered after a frame, and the skipping resumes
    const form = $("#form");
    form.classList.add("laid-out");
    target.scrollIntoView({ block: "start" });
    place();
    requestAnimationFrame(() => requestAnimationFrame(() => {
      place();
      form.classList.remove("laid-out");
    }));
    target.querySelector("h3, h4").focus({ preventScroll: true });
  });
  // Back and Forward within the page: each entry holds its whole state
  window.addEventListener("popstate", (ev) => {
    state.replaced = []; // another entry: its address was not replaced by this page
    const snap = ev.state && ev.state.spbe;
    if (!snap || !snap.assessment) return; // a link typed into the address bar: hashchange reads it
    const prev = undoPoint();
    if (JSON.stringify(snapshot()) === JSON.stringify(snap)) return;
    restore({ ...snap, assessment: normalise(snap.assessment) });
    changed(false);
    setStatus(t("historyBack"), false, hasWorkIn(prev, true) ? prev : null);
  });
  window.addEventListener("beforeprint", finishForm); // the browser's own print of the page: every indicator
  $("#print").addEventListener("click", () => {
    if (valid()) printReport();
  });
  $("#plan-copy").addEventListener("click", copyPlanToTarget);
  $("#copy-link").addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(location.href);
      setStatus(t("copied"));
    } catch {
      setStatus(t("copyFail"));
    }
  });
  $("#clear").addEventListener("click", () => {
    const prev = undoPoint();
    if (hasWork(true) && !window.confirm(t("confirmClear"))) return;
    const a = newAssessment(state.assessment.rubric);
    state.push = true;
    selectEdition(a.rubric, a);
    changed(false);
    setStatus(t("cleared"), false, hasWorkIn(prev, true) ? prev : null);
  });
  for (const b of document.querySelectorAll("[data-lang]")) {
    b.addEventListener("click", () => {
      state.lang = b.dataset.lang;
      try {
        localStorage.setItem(LANG_KEY, state.lang);
      } catch {
        // storage disabled: the language holds for this visit
      }
      const msg = $("#status").textContent;
      applyLanguage();
      selectEdition(state.assessment.rubric, cleanAssessment());
      autosave();
      // a link that could not be read is explained again in the new language
      if (state.keepHash) {
        const link = readHash();
        if (link.kind === "bad") setStatus(link.message, true, null, "link");
      } else if (state.offered && !$("#open-draft").hidden) setStatus(t("draftOffer")(savedAt(state.offered)), false, state.undo);
      else if (msg && $("#status").textContent === msg) setStatus("", false, state.undo); // no stale text in the other language
    });
  }
  window.addEventListener("hashchange", () => {
    state.replaced = [];
    try {
      if (!state.keepHash && decodeURIComponent(location.hash.slice(1)) === spbe.toVector(cleanAssessment())) return; // e.g. after Back
    } catch {
      // read below
    }
    const link = readHash();
    if (link.kind === "bad") {
      state.keepHash = true;
      setStatus(link.message, true, null, "link");
    } else if (link.kind === "ok" && JSON.stringify(link.assessment) !== JSON.stringify(normalise(cleanAssessment()))) {
      const prev = undoPoint();
      selectEdition(link.assessment.rubric, link.assessment);
      changed(false);
      setStatus("", false, hasWorkIn(prev, true) ? prev : null);
    }
  });
  // the list of drafts (and a link not yet written) is written before the page
  // goes away: beforeunload comes when a reload or navigation starts, while
  // the old address can still be recorded (pagehide only when the new page is
  // ready, by which time the old page may have written the link too late)
  window.addEventListener("beforeunload", notePlace);
  window.addEventListener("beforeunload", flushDrafts);
  window.addEventListener("pagehide", flushDrafts);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flushDrafts();
  });
  // the served page works offline after its first visit (not the single file: it needs nothing)
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol) && !window.SPBE_SINGLE_FILE) {
    navigator.serviceWorker.register("sw.js").catch(() => {
      // no offline copy (e.g. a private window); the page works online as before
    });
  }
  // the first screen's work done: it is drawn in the next frame (read by bench/page-throttle.mjs)
  performance.mark("spbe-first-render");
  state.mainDone = true;
  if (state.formDone) formReady(); // the form was finished already (e.g. by a jump)
}

// The place in the form kept across a reload: the indicator at the top of the
// screen (below the sticky summary bar) and how far down it is. The browser's
// own restoring of the scroll lands in a page that is still short (the form is
// built after the first frame) and, with the indicators' sizes estimated until
// they are drawn, at another indicator anyway. Not when the user has scrolled
// since the reload began.
const PLACE_KEY = "spbe-kalkulator.place";
function notePlace() {
  try {
    const bar = $("#summary-bar").getBoundingClientRect();
    const y = Math.max(0, bar.top <= 1 ? bar.bottom : 0) + 8;
    const fs = document.elementFromPoint(window.innerWidth / 2, y)?.closest("fieldset.indicator");
    const place = fs ? { id: fs.dataset.indicator, top: fs.getBoundingClientRect().top } : { y: window.scrollY };
    sessionStorage.setItem(PLACE_KEY, JSON.stringify(place));
  } catch {
    // storage disabled: the page opens at its top
  }
}

function returnToPlace() {
  const place = takeOnce(PLACE_KEY);
  const nav = navigationType();
  if (!place || (nav !== "reload" && nav !== "back_forward") || state.userScrolled) return;
  const fs = typeof place.id === "string" && document.querySelector(`fieldset.indicator[data-indicator="${CSS.escape(place.id)}"]`);
  if (fs && Number.isFinite(place.top)) {
    fs.scrollIntoView({ block: "start" });
    window.scrollBy(0, fs.getBoundingClientRect().top - place.top);
  } else if (Number.isFinite(place.y)) window.scrollTo(0, place.y);
}

// Every indicator is in the page and every handler set: the page is ready
// (the tests wait for this), once per load.
function formReady() {
  if (document.body.dataset.ready === "true") return;
  flushDetails(); // the results below the first screen, if not drawn yet
  returnToPlace(); // after a reload, where the user was
  document.body.dataset.ready = "true";
  performance.mark("spbe-ready"); // the whole page drawn (read by bench/page-throttle.mjs)
  // and the frame that shows it (style, layout and paint included)
  requestAnimationFrame(() => setTimeout(() => performance.mark("spbe-painted"), 0));
}

// A file (JSON or Excel) opened: its own history entry, the draft of its
// institution and year (or a new one; the work open before stays in its own
// draft), and an Undo back to the form before.
function openLoaded(a, message) {
  const prev = undoPoint();
  state.push = true;
  state.draftId = draftFor(normalise(a));
  selectEdition(a.rubric, a);
  changed(false);
  setStatus(message, false, hasWorkIn(prev, true) ? prev : null);
}

main().catch((e) => setStatus(`spbe: ${e.message}`, true));
