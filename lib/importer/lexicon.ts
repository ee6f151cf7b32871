// The words that make a clause operative or narrative, in the normalised spelling of normalise.ts
// (no harakat; أ إ آ → ا, ى ئ → ي, ؤ → و, ة → ه; Latin lowercased). Each entry is a regular
// expression for one word or phrase; the Arabic proclitics (و ف, and for nouns ب ل ك and the
// article) are added by markers.ts, so the entries list stems with their suffixes only.

/** What the operative language of a proposal does. */
export type ProposalKind =
  | "agreement" // اتفق، التزم — agreed, committed
  | "decision" // قرر، أقر، كلف، اعتمد — decided, resolved, adopted
  | "emphasis" // شدد، أكد، التأكيد — stressed, affirmed
  | "call" // دعا، طالب، حث، ناشد — called on, urged, requested
  | "recommendation" // أوصى — recommended
  | "necessity" // ضرورة، يجب، ينبغي، لا بد — must, should, the need to
  | "importance"; // أهمية — importance

export const PROPOSAL_KINDS: readonly ProposalKind[] = [
  "agreement",
  "decision",
  "emphasis",
  "call",
  "recommendation",
  "necessity",
  "importance",
];

/**
 * Besides the operative kinds: "narrative" (ceremony, news, praise, thanks, condemnation: nothing to
 * implement) and "preamble" (وإذ يؤكد …, "Recalling …": the considerations before a resolution's يقرر).
 */
export type MarkerClass = ProposalKind | "narrative" | "preamble";

export type LexiconEntry = {
  class: MarkerClass;
  pattern: string;
  /**
   * A finite verb or a modal: it can open a new clause in mid-sentence after و/ف, كما … or "and".
   * Verbal nouns (التأكيد، ضرورة, importance) cannot: they stay in the clause that governs them.
   */
  verbal: boolean;
  /** Arabic only: a noun, which takes ب ل ك and the article as well as و ف. */
  noun?: boolean;
  /** Arabic only: a noun that counts only with the article (الحث, not بحث "research"). */
  articleRequired?: boolean;
};

const v = (cls: MarkerClass, pattern: string): LexiconEntry => ({ class: cls, pattern, verbal: true });
const n = (cls: MarkerClass, pattern: string, articleRequired = false): LexiconEntry => ({
  class: cls,
  pattern,
  verbal: false,
  noun: true,
  articleRequired,
});

// Perfect: 3rd person singular, dual, plural, feminine. Imperfect: ي ت ن + stem.
export const ARABIC_LEXICON: readonly LexiconEntry[] = [
  v("agreement", "اتفق(?:وا|ت|ا|تا)?"),
  v("agreement", "[يتن]تفق(?:ون|ان)?"),
  v("agreement", "توافق(?:وا|ت)"),
  v("agreement", "اجمع(?:وا|ت)"),
  v("agreement", "التزم(?:وا|ت)?"),
  v("agreement", "[يتن]لتزم(?:ون)?"),
  n("agreement", "اتفاق(?= علي)"),
  n("agreement", "التزام"),

  v("decision", "قرر(?:وا|ت|ا)?"),
  v("decision", "[يتن]قرر"),
  v("decision", "اقر(?:وا|ت|ا)?"),
  v("decision", "كلف(?:وا|ت)?"),
  v("decision", "وافق(?:وا|ت)?"),
  v("decision", "اعتمد(?:وا|ت)?(?! علي)"),
  n("decision", "تكليف"),
  n("decision", "موافقه(?= علي)"),
  n("decision", "اقرار"),
  n("decision", "اعتماد(?! علي)"),

  v("emphasis", "شدد(?:وا|ت|ا|تا)?"),
  v("emphasis", "[يتن]شدد(?:ون)?"),
  v("emphasis", "اكد(?:وا|ت|ا|تا)?"),
  v("emphasis", "[يتن]وكد(?:ون)?"),
  n("emphasis", "تاكيد(?:ا|ه|ها|هم)?"),
  n("emphasis", "موكد(?:ا|ين|ون)|مشدد(?:ا|ين|ون)"),
  n("emphasis", "تشديد(?:ا|ه|ها|هم)?"),

  v("call", "دعا|دعوا|دعت|دعتا"),
  v("call", "[يتن]دعو(?:ن)?"),
  v("call", "طالب(?:وا|ت)?"),
  v("call", "[يتن]طالب(?:ون)?"),
  v("call", "حث(?:وا|ت)?"),
  v("call", "[يتن]حث(?:ون)?"),
  v("call", "ناشد(?:وا|ت)?"),
  v("call", "[يتن]ناشد(?:ون)?"),
  n("call", "دعوه|دعوت(?:ه|ها|هم)"),
  n("call", "مطالبه"),
  n("call", "داعي(?:ا|ن)"),
  n("call", "حث", true),

  v("recommendation", "اوصي|اوصوا|اوصت"),
  v("recommendation", "[يتن]وصي"),
  n("recommendation", "توصيه(?= ب)"),

  v("necessity", "[يت]جب"),
  v("necessity", "ينبغي"),
  v("necessity", "[يت]تعين"),
  v("necessity", "[يت]توجب"),
  v("necessity", "لا ?بد"),
  n("necessity", "ضروره|ضرورت(?:ه|ها|هم)"),
  n("necessity", "وجوب"),

  n("importance", "اهميه|اهميت(?:ه|ها|هم)"),

  // Ceremony and news: praise, attendance, meetings, speeches, welcomes, thanks, condemnation,
  // "it is noted that".
  v("narrative", "اشاد(?:وا|ت|ا)?"),
  v("narrative", "[يتن]شيد(?:ون)?"),
  n("narrative", "اشاده"),
  v("narrative", "ثمن(?:وا|ت)?"),
  v("narrative", "[يتن]ثمن"),
  v("narrative", "شارك(?:وا|ت)?"),
  v("narrative", "التقي(?:ت|ا)?|التقوا"),
  v("narrative", "[يت]لتقي"),
  v("narrative", "اجتمع(?:وا|ت)?"),
  v("narrative", "استقبل(?:وا|ت)?"),
  v("narrative", "[يت]ستقبل"),
  v("narrative", "تراس(?:ت)?"),
  v("narrative", "حضر(?:وا|ت)?"),
  v("narrative", "افتتح(?:وا|ت)?"),
  v("narrative", "رحب(?:وا|ت)?"),
  v("narrative", "[يتن]رحب(?:ون)?"),
  v("narrative", "اعرب(?:وا|ت)?"),
  v("narrative", "القي(?:ت)?"),
  v("narrative", "تحدث(?:ت)?"),
  v("narrative", "اختتم(?:وا|ت)?"),
  v("narrative", "يشارك(?:ون)?"),
  v("narrative", "شكر(?:وا|ت)?|شاكرا"),
  v("narrative", "ادان(?:وا|ت)?|شجب(?:وا|ت)?|استنكر(?:وا|ت)?"),
  n("narrative", "ادانه"),
  v("narrative", "[يت]شار الي"),
  v("narrative", "تجدر الاشاره"),
  v("narrative", "الجدير بالذكر"),

  // "وإذ يؤكد …": إذ turns what follows into a consideration of the preamble.
  { class: "preamble", pattern: "اذ", verbal: false },
];

// Base forms are listed too: list items and infinitives ("1. To adopt …", "to urge …") use them.
export const ENGLISH_LEXICON: readonly LexiconEntry[] = [
  v("agreement", "agree(?:d|s)?"),
  v("agreement", "commit(?:s|ted)? (?:themselves |itself )?to"),
  v("agreement", "undert(?:ook|akes?) to"),
  v("agreement", "pledge(?:d|s)?"),

  v("decision", "decide(?:d|s)?"),
  v("decision", "resolve(?:d|s)?"),
  v("decision", "adopt(?:ed|s)?"),
  v("decision", "approve(?:d|s)?"),
  { class: "decision", pattern: "(?:approval|adoption) of", verbal: false },
  v("decision", "(?:tasked|mandated|instructed)"),

  v("emphasis", "stress(?:ed|es|ing)?"),
  v("emphasis", "emphasi[sz](?:e|ed|es|ing)"),
  v("emphasis", "(?:re)?affirm(?:ed|s|ing)?"),
  v("emphasis", "underlin(?:e|ed|es|ing)"),
  v("emphasis", "underscor(?:e|ed|es|ing)"),
  v("emphasis", "insist(?:ed|s)? (?:on|that)"),

  v("call", "call(?:ed|s|ing)? (?:on|upon|for)"),
  v("call", "urg(?:e|ed|es|ing)"),
  v("call", "appeal(?:ed|s)? to"),
  v("call", "encourag(?:e|ed|es|ing)"),
  v("call", "request(?:ed|s)"),

  v("recommendation", "recommend(?:ed|s|ing)?"),

  v("necessity", "must|should|shall"),
  v("necessity", "(?:need|needs|have|has) to"),
  { class: "necessity", pattern: "(?:the )?need (?:to|for)|necessity|necessary|imperative", verbal: false },

  { class: "importance", pattern: "importance|important (?:to|that)|vital (?:to|that)", verbal: false },

  v("narrative", "prais(?:e|ed|es|ing)"),
  v("narrative", "commend(?:ed|s|ing)?"),
  v("narrative", "(?:laud|applaud|hail)(?:ed|s)"),
  v("narrative", "(?:took|take|takes|taking) part"),
  v("narrative", "participat(?:ed|es|ing)"),
  v("narrative", "met|meets"),
  v("narrative", "welcom(?:ed|es|ing)"),
  v("narrative", "deliver(?:ed|s) (?:a|an|the|his|her|their) (?:speech|address|statement|keynote)"),
  v("narrative", "gave (?:a|an) (?:speech|address)"),
  v("narrative", "thank(?:ed|s)"),
  v("narrative", "express(?:ed|es) (?:its|their|his|her) (?:[a-z]+ )?(?:thanks|gratitude|appreciation|condolences|satisfaction|solidarity|support|concern)"),
  v("narrative", "congratulat(?:ed|es)"),
  v("narrative", "(?:attend|chair|visit)(?:ed|s)"),
  v("narrative", "presid(?:ed|es) over"),
  v("narrative", "held talks"),
  v("narrative", "(?:concluded|appreciated|spoke|opened)"),
  v("narrative", "(?:condemn|denounc|deplor)(?:e|ed|es|ing)?"),
  { class: "narrative", pattern: "condemnation|took note|noted that", verbal: false },
  { class: "narrative", pattern: "it is worth (?:noting|mentioning)|it should be noted|it is noted", verbal: false },

  // Words that only open a resolution's considerations; "stressing", "affirming" also operate mid-sentence.
  { class: "preamble", pattern: "recalling|bearing in mind|guided by|mindful of|convinced|having (?:considered|reviewed|examined|taken note)", verbal: false },
];

/**
 * Words that link a finite verb to what came before as a new clause: "كما شددوا", "وبالتالي يجب",
 * "and stressed". An attached و/ف on the verb itself (وشدد، فيجب) does the same.
 */
export const ARABIC_CONNECTIVES = ["كما", "كذلك", "وكذلك", "بالتالي", "وبالتالي", "لذلك", "ولذلك", "لذا", "ولذا", "ثم", "وقد"];
export const ENGLISH_CONNECTIVES = ["and", "and also", "and further", "and then", "while", "whilst"];

/**
 * Words that open a coordinated clause after a comma: "، ولمواجهة …", "، مع التأكيد …", ", and to …".
 * Arabic و/ف attached to any word counts too, unless the word is listed in ROOT_WAW below.
 */
export const ARABIC_COORDINATORS = ["كما", "مع", "اضافه", "بالاضافه", "فضلا", "علاوه", "كذلك"];
export const ENGLISH_COORDINATORS = ["and", "as well as", "while", "whilst", "in addition"];

// Common words whose first letter و belongs to the root (وزراء, وفد …), and relative pronouns after
// و (والتي): after a comma they do not open a coordinated clause.
export const ROOT_WAW =
  /^(?:وزير|وزراء|وزرا|وزاره|وزارات|وفد|وفود|وطن|وطني|وطنيه|وسائل|وسايل|وسيله|وضع|وقف|وكاله|وكالات|وكيل|وحده|وحدات|وثيقه|وثائق|وثايق|ولايه|ولايات|وصول|وعي|وجود|وقت|واقع|وسط|ورقه|ورش|ورشه|ورشات|وظيفه|وظائف|وظايف|وقايه|وجهه|وجهات)$/;
export const RELATIVE_AFTER_WAW = /^(?:و|ف)(?:التي|الذي|الذين|اللذين|اللتين|اللاتي|اللواتي|اللتان|اللذان)$/;

// Ordinal words that number the parts of a communiqué ("أولاً: …", "First: …").
export const ORDINAL_WORDS_AR = [
  "اولا", "ثانيا", "ثالثا", "رابعا", "خامسا", "سادسا", "سابعا", "ثامنا", "تاسعا", "عاشرا",
  "حادي عشر", "ثاني عشر", "ثالث عشر", "رابع عشر", "خامس عشر",
];
export const ORDINAL_WORDS_EN = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

// "e.g.", "Mr." …: a period after these does not end a sentence.
export const ENGLISH_ABBREVIATIONS = new Set([
  "mr", "mrs", "ms", "dr", "prof", "h.e", "hh", "no", "nos", "art", "arts", "para", "paras", "e.g", "i.e", "vs", "st",
  "gen", "col", "maj", "lt", "jr", "sr", "inc", "ltd", "etc", "cf", "fig", "vol", "approx",
]);
