// The 35th session of the Council of Arab Interior Ministers (Algiers, 7 March 2018) and
// the commitments drawn from its final communiqué. Each `sourceAr` is quoted exactly from
// communique-35-algiers.ar.txt (a test checks it); the English is our translation.
// Not commitments: the praise of the security services and the Qatari delegation's visit.
import { readFileSync } from "node:fs";

export type SeedTheme = {
  key: string;
  nameAr: string;
  nameEn: string;
  keywords: string[];
};

export type SeedCommitment = {
  code: string;
  theme: string;
  titleAr: string;
  titleEn: string;
  textAr: string;
  textEn: string;
  sourceAr: string;
};

export const communiqueAr = readFileSync(
  new URL("./communique-35-algiers.ar.txt", import.meta.url),
  "utf8",
);

export const session35 = {
  number: 35,
  cityAr: "الجزائر",
  cityEn: "Algiers",
  startsOn: "2018-03-07",
  titleAr: "الدورة الخامسة والثلاثون لمجلس وزراء الداخلية العرب",
  titleEn: "35th session of the Council of Arab Interior Ministers",
} as const;

export const themes: SeedTheme[] = [
  {
    key: "online-extremism",
    nameAr: "التطرف عبر الإنترنت",
    nameEn: "Online extremism",
    keywords: ["التطرف", "الأمن الفكري", "شبكات التواصل", "مواقع الانترنت", "الإنترنت", "extremism", "social media", "online", "radicalisation", "radicalization"],
  },
  {
    key: "organised-crime",
    nameAr: "الجريمة المنظمة العابرة للحدود",
    nameEn: "Transnational organised crime",
    keywords: ["الجريمة المنظمة", "الجرائم المنظمة", "تهريب الأسلحة", "تجارة البشر", "الاتجار بالبشر", "الهجرة غير الشرعية", "organised crime", "organized crime", "trafficking in persons", "arms smuggling", "illegal migration"],
  },
  {
    key: "terrorism-financing",
    nameAr: "تمويل الإرهاب والتجنيد",
    nameEn: "Terrorism financing and recruitment",
    keywords: ["تمويل الإرهاب", "غسل الأموال", "منابعه", "تجفيف منابع", "المتعاطفين", "التجنيد", "financing", "money laundering", "recruitment", "sources of terrorism"],
  },
  {
    key: "returning-foreign-fighters",
    nameAr: "عودة المقاتلين الأجانب",
    nameEn: "Returning foreign fighters",
    keywords: ["المقاتلين الأجانب", "المقاتلين الإرهابيين", "عودة المقاتلين", "foreign fighters", "returnees", "foreign terrorist fighters"],
  },
  {
    key: "border-control",
    nameAr: "أمن الحدود ومراقبتها",
    nameEn: "Border control",
    keywords: ["الحدود", "الرقابة على الحدود", "المنافذ", "التسلل", "border", "borders", "infiltration"],
  },
  {
    key: "drug-trafficking",
    nameAr: "مكافحة تهريب المخدرات",
    nameEn: "Drug trafficking",
    keywords: ["المخدرات", "تهريب المخدرات", "المؤثرات العقلية", "drugs", "narcotics", "drug trafficking"],
  },
  {
    key: "cybercrime-legislation",
    nameAr: "تشريعات الجرائم السيبرانية",
    nameEn: "Cybercrime legislation",
    keywords: ["السيبرانية", "السيبيرانية", "الجرائم الإلكترونية", "الجرائم المعلوماتية", "الفضاء الافتراضي", "التشريعات", "cybercrime", "cyber", "legislation"],
  },
  {
    key: "expertise-exchange",
    nameAr: "تبادل الخبرات وبناء القدرات",
    nameEn: "Expertise exchange and capacity building",
    keywords: ["تبادل الخبرات", "ورشات العمل", "ورش العمل", "المؤتمرات", "الملتقيات", "التدريب", "expertise", "capacity building", "training", "workshops"],
  },
];

const sentenceOnlineExtremism =
  "اتفق وزراء الداخلية العرب في ختام أعمال اجتماع الدورة ال35 لمجلسهم المنعقد بالجزائر عصر اليوم الأربعاء، على ضرورة توحيد جهود الدول العربية لمواجهة التحديات المطروحة المرتبطة بالأمن الفكري ومكافحة التطرف المفضي إلى الإرهاب عبر شبكات التواصل الاجتماعي ومواقع الانترنت";
const sentenceOrganisedCrime =
  "كما شددوا على أن جرائم العنف والإرهاب والمخدرات وغسل الأموال وتهريب الأسلحة وتجارة البشر والهجرة غير الشرعية وغيرها من الجرائم المنظمة العابرة للحدود الوطنية، التي تعتمد في الكثير من الأحيان على التقنية الحديثة، تستلزم توحيد التصورات الأمنية وتنسيق العمل المشترك لمواجهتها والوقاية منها.";
const sentenceTerrorismSources =
  "واتفق الوزراء حسب ما جاء في البيان الختامي للدورة ال35 على تأكيد خطورة الإرهاب باعتباره تهديدا مستمرا للسلم والأمن وانه لا يوجد مسوغ لأفعال الإرهابيين وعملياتهم الإجرامية، مع التأكيد أيضا على التعاون لمنع أنشطة الإرهاب وتمدده وتجفيف منابعه الفكرة والمالية وقطع التواصل بين المتعاطفين معه لاسيما عبر تكنولوجيات الإعلام والاتصال";
const sentenceForeignFighters =
  "وتضمن البيان الختامي كذلك، التأكيد على ان الانتصارات التي تم تحقيقها على الجماعات الإرهابية في المنطقة العربية، يجب ان لا تنسينا ضرورة مواجهة التحديات الحالية المرتبطة بعودة المقاتلين الأجانب او انتقال الجماعات الإرهابية إلى مناطق أخرى وبالتالي يجب على الدول العربية تنسيق الجهود المشتركة مع المجتمع الدولي لمكافحة هذه الظاهرة ومواجهتها.";
const sentenceBordersAndDrugs =
  "من جانب آخر، دعا البيان الختامي الدول العربية إلى تعزيز الرقابة على الحدود وتأمينها لمنع الخطر الداهم الذي يشكله عودة المقاتلين الإرهابيين من مناطق القتال وإيقاف تسللهم إلى داخل الدول وارتباطهم مع الخلايا النائمة، ولمواجهة طرق ومنابع تهريب المخدرات.";
const sentenceCyber =
  "ولفت البيان إلى أهمية تحديث التشريعات الوطنية الخاصة بالجرائم السيبيرانية بما يسمح بمواكبة ما يستجد من جرائم على الفضاء الافتراضي وتجاوز كل الثغرات التي يمكن ان تعتري التشريعات الوطنية في هذا المجال، وذلك من خلال تكثيف التعاون وتبادل الخبرات بين الأجهزة المختصة وعقد العديد من المؤتمرات والملتقيات العلمية و ورشات العمل في هذا الصدد.";

export const commitments: SeedCommitment[] = [
  {
    code: "35/1",
    theme: "online-extremism",
    titleAr: "توحيد الجهود لمكافحة التطرف عبر شبكات التواصل الاجتماعي ومواقع الإنترنت",
    titleEn: "Unite efforts against extremism on social networks and websites",
    textAr:
      "توحيد جهود الدول العربية لمواجهة التحديات المرتبطة بالأمن الفكري ومكافحة التطرف المفضي إلى الإرهاب عبر شبكات التواصل الاجتماعي ومواقع الإنترنت.",
    textEn:
      "Arab states unite their efforts to meet the challenges of intellectual security and to counter extremism conducive to terrorism on social networks and websites.",
    sourceAr: sentenceOnlineExtremism,
  },
  {
    code: "35/2",
    theme: "organised-crime",
    titleAr: "توحيد التصورات الأمنية وتنسيق العمل المشترك ضد الجريمة المنظمة العابرة للحدود",
    titleEn: "Shared security approach and joint action against transnational organised crime",
    textAr:
      "توحيد التصورات الأمنية وتنسيق العمل المشترك لمواجهة جرائم العنف والإرهاب والمخدرات وغسل الأموال وتهريب الأسلحة وتجارة البشر والهجرة غير الشرعية وغيرها من الجرائم المنظمة العابرة للحدود الوطنية والوقاية منها.",
    textEn:
      "Arab states align their security approaches and coordinate joint action to confront and prevent violent crime, terrorism, drug crime, money laundering, arms smuggling, human trafficking, illegal migration and other transnational organised crime, which often relies on modern technology.",
    sourceAr: sentenceOrganisedCrime,
  },
  {
    code: "35/3",
    theme: "terrorism-financing",
    titleAr: "تجفيف منابع الإرهاب الفكرية والمالية وقطع التواصل مع المتعاطفين معه",
    titleEn: "Dry up terrorism's intellectual and financial sources and cut off its sympathisers",
    textAr:
      "التعاون لمنع أنشطة الإرهاب وتمدده، وتجفيف منابعه الفكرية والمالية، وقطع التواصل بين المتعاطفين معه، لا سيما عبر تكنولوجيات الإعلام والاتصال.",
    textEn:
      "Arab states cooperate to prevent terrorist activity and its spread, to dry up its intellectual and financial sources, and to cut communication between its sympathisers, particularly through information and communication technologies.",
    sourceAr: sentenceTerrorismSources,
  },
  {
    code: "35/4",
    theme: "returning-foreign-fighters",
    titleAr: "تنسيق الجهود مع المجتمع الدولي لمواجهة عودة المقاتلين الأجانب",
    titleEn: "Coordinate with the international community on returning foreign fighters",
    textAr:
      "تنسيق الجهود المشتركة مع المجتمع الدولي لمواجهة التحديات المرتبطة بعودة المقاتلين الأجانب أو انتقال الجماعات الإرهابية إلى مناطق أخرى.",
    textEn:
      "Arab states coordinate joint efforts with the international community to counter the challenges posed by the return of foreign fighters and the relocation of terrorist groups to other areas.",
    sourceAr: sentenceForeignFighters,
  },
  {
    code: "35/5",
    theme: "border-control",
    titleAr: "تعزيز الرقابة على الحدود وتأمينها في وجه عودة المقاتلين الإرهابيين",
    titleEn: "Strengthen and secure border control against returning terrorist fighters",
    textAr:
      "تعزيز الرقابة على الحدود وتأمينها لمنع خطر عودة المقاتلين الإرهابيين من مناطق القتال، وإيقاف تسللهم إلى داخل الدول وارتباطهم بالخلايا النائمة.",
    textEn:
      "Arab states strengthen and secure control of their borders to avert the imminent danger of terrorist fighters returning from conflict zones, stopping their infiltration into states and their links with sleeper cells.",
    sourceAr: sentenceBordersAndDrugs,
  },
  {
    code: "35/6",
    theme: "drug-trafficking",
    titleAr: "مواجهة طرق تهريب المخدرات ومنابعه",
    titleEn: "Counter drug-smuggling routes and sources",
    textAr: "تعزيز الرقابة على الحدود لمواجهة طرق ومنابع تهريب المخدرات.",
    textEn: "Arab states strengthen border control to counter the routes and sources of drug smuggling.",
    sourceAr: sentenceBordersAndDrugs,
  },
  {
    code: "35/7",
    theme: "cybercrime-legislation",
    titleAr: "تحديث التشريعات الوطنية الخاصة بالجرائم السيبرانية",
    titleEn: "Update national cybercrime legislation",
    textAr:
      "تحديث التشريعات الوطنية الخاصة بالجرائم السيبرانية بما يواكب ما يستجد من جرائم في الفضاء الافتراضي، وسد الثغرات التي قد تعتري التشريعات الوطنية في هذا المجال.",
    textEn:
      "Arab states update their national cybercrime legislation to keep pace with new crimes in cyberspace and to close the loopholes that national legislation in this field may have.",
    sourceAr: sentenceCyber,
  },
  {
    code: "35/8",
    theme: "expertise-exchange",
    titleAr: "تكثيف التعاون وتبادل الخبرات وعقد المؤتمرات والملتقيات العلمية وورش العمل",
    titleEn: "Intensify cooperation and exchange of expertise through conferences, scientific forums and workshops",
    textAr:
      "تكثيف التعاون وتبادل الخبرات بين الأجهزة المختصة، وعقد المؤتمرات والملتقيات العلمية وورش العمل في مجال مكافحة الجرائم السيبرانية.",
    textEn:
      "The competent agencies of Arab states intensify cooperation and the exchange of expertise, and hold conferences, scientific forums and workshops on countering cybercrime.",
    sourceAr: sentenceCyber,
  },
];
