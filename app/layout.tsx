// The document (<html>, <body>) is rendered by app/[locale]/layout.tsx, which knows the
// language and direction; this root layout only passes its children through.
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
