// The 22 member states of the League of Arab States, in the League's protocol order
// (Arabic alphabetical), with their ISO 3166-1 alpha-2 codes.
export type SeedCountry = { code: string; nameAr: string; nameEn: string };

export const countries: SeedCountry[] = [
  { code: "JO", nameAr: "الأردن", nameEn: "Jordan" },
  { code: "AE", nameAr: "الإمارات", nameEn: "United Arab Emirates" },
  { code: "BH", nameAr: "البحرين", nameEn: "Bahrain" },
  { code: "TN", nameAr: "تونس", nameEn: "Tunisia" },
  { code: "DZ", nameAr: "الجزائر", nameEn: "Algeria" },
  { code: "DJ", nameAr: "جيبوتي", nameEn: "Djibouti" },
  { code: "SA", nameAr: "السعودية", nameEn: "Saudi Arabia" },
  { code: "SD", nameAr: "السودان", nameEn: "Sudan" },
  { code: "SY", nameAr: "سوريا", nameEn: "Syria" },
  { code: "SO", nameAr: "الصومال", nameEn: "Somalia" },
  { code: "IQ", nameAr: "العراق", nameEn: "Iraq" },
  { code: "OM", nameAr: "عُمان", nameEn: "Oman" },
  { code: "PS", nameAr: "فلسطين", nameEn: "Palestine" },
  { code: "QA", nameAr: "قطر", nameEn: "Qatar" },
  { code: "KM", nameAr: "جزر القمر", nameEn: "Comoros" },
  { code: "KW", nameAr: "الكويت", nameEn: "Kuwait" },
  { code: "LB", nameAr: "لبنان", nameEn: "Lebanon" },
  { code: "LY", nameAr: "ليبيا", nameEn: "Libya" },
  { code: "EG", nameAr: "مصر", nameEn: "Egypt" },
  { code: "MA", nameAr: "المغرب", nameEn: "Morocco" },
  { code: "MR", nameAr: "موريتانيا", nameEn: "Mauritania" },
  { code: "YE", nameAr: "اليمن", nameEn: "Yemen" },
];
