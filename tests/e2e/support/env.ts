export const E2E = {
  port: Number(process.env.E2E_PORT ?? 3210),
  pgPort: Number(process.env.E2E_PG_PORT ?? 54332),
  get baseUrl() {
    return `http://127.0.0.1:${this.port}`;
  },
  get databaseUrl() {
    return `postgresql://postgres:postgres@127.0.0.1:${this.pgPort}/integrity`;
  },
  password: "Xinyong2026",
};
