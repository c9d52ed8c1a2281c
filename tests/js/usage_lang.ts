// Type-checked with `tsc --noEmit` against the generated spbe_wasm.d.ts:
// setLanguage takes only the languages there are.
import { setLanguage, getLanguage } from "../../spbe-wasm/pkg/web/spbe_wasm.js";
import type { Language } from "../../spbe-wasm/pkg/web/spbe_wasm.js";

setLanguage("id");
const now: Language = getLanguage();
setLanguage(now === "id" ? "en" : "id");
// @ts-expect-error: not a language of the messages
setLanguage("fr");
