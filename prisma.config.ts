import { defineConfig } from "prisma/config";
import { MigrationAdapterFactory } from "./prisma/cli-adapter";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: Prisma's CLI needs a database to migrate.");
    return new MigrationAdapterFactory(url);
  },
});
