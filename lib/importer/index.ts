// The communiqué importer's core: pure functions, no database and no framework, so that the
// secretariat's import screen, a script and the tests all run the same code.
export { proposeCommitments } from "./propose";
export type { Proposal, ProposeOptions, ProposeResult, Skipped, SkipReason } from "./propose";
export { detectLanguage } from "./language";
export type { Language } from "./language";
export { PROPOSAL_KINDS } from "./lexicon";
export type { ProposalKind } from "./lexicon";
export { suggestTheme } from "./themes";
export type { ThemeKeywords } from "./themes";
