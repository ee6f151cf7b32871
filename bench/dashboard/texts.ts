// Sample wording for synthetic rows: short, bilingual, in the users' words. Lengths are
// close to what delegates write, so that rows have a realistic width on disk.

/** By status index (see histories.ts), then 0 Arabic / 1 English. */
export const NARRATIVES: readonly (readonly [string, string])[] = [
  [
    "لم تبدأ الأعمال التنفيذية بعد؛ يجري تشكيل فريق عمل مشترك بين الوزارات المعنية.",
    "Implementation has not started; an inter-ministerial working group is being formed.",
  ],
  [
    "تم إعداد مشروع خطة وطنية وعرضه على الجهات المختصة للمراجعة.",
    "A draft national plan has been prepared and circulated to the competent agencies for review.",
  ],
  [
    "اعتُمدت الخطة الوطنية وبدأ تنفيذ معظم بنودها، مع تدريب الكوادر المختصة.",
    "The national plan has been adopted and most of its measures are being implemented, with staff training under way.",
  ],
  [
    "استُكملت جميع الإجراءات المطلوبة وصدرت التعليمات التنفيذية ذات الصلة.",
    "All required measures have been completed and the implementing regulations issued.",
  ],
  [
    "لا ينطبق هذا الالتزام على الإطار الوطني الحالي.",
    "This commitment does not apply under the current national framework.",
  ],
];

export const NOT_APPLICABLE_REASONS: readonly [string, string] = [
  "لا توجد حدود برية أو منافذ معنية بهذا الالتزام في الدولة.",
  "The state has no land border or crossing concerned by this commitment.",
];

export const RETURN_COMMENT = "يرجى إرفاق الوثائق الداعمة وتحديث البيانات. / Please attach supporting documents.";

/** By score + 1. */
export const RATIONALES: readonly [string, string, string] = [
  "Work to be done: no verifiable measures yet.",
  "Partial compliance: steps taken, but implementation is incomplete.",
  "Full compliance: the measures reported are in force and documented.",
];

export const CITIES: readonly (readonly [string, string])[] = [
  ["تونس", "Tunis"],
  ["تونس", "Tunis"],
  ["تونس", "Tunis"],
  ["الجزائر", "Algiers"],
  ["الرياض", "Riyadh"],
  ["القاهرة", "Cairo"],
  ["الدوحة", "Doha"],
  ["مراكش", "Marrakesh"],
];

export function sessionTexts(number: number) {
  return {
    titleAr: `الدورة ${number} لمجلس وزراء الداخلية العرب (بيانات اصطناعية)`,
    titleEn: `Session ${number} of the Council of Arab Interior Ministers (synthetic)`,
    communiqueAr: `البيان الختامي للدورة ${number} لمجلس وزراء الداخلية العرب، نص اصطناعي لقياس الأداء.`,
  };
}

export function commitmentTexts(code: string) {
  return {
    titleAr: `الالتزام ${code}: تعزيز التعاون الأمني العربي (اصطناعي)`,
    titleEn: `Commitment ${code}: strengthen Arab security cooperation (synthetic)`,
    textAr: `تلتزم الدول العربية بتنفيذ الالتزام ${code} وتبادل المعلومات بشأنه مع الأمانة العامة لمجلس وزراء الداخلية العرب.`,
    textEn: `Arab states carry out commitment ${code} and share information on it with the General Secretariat of the Council.`,
    sourceAr: `واتفق الوزراء على تنفيذ ما ورد في البند ${code} من البيان الختامي.`,
  };
}
