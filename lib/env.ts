import { z } from "zod";
import { parseRateRule, RATE_LIMIT_DEFAULTS } from "@/lib/http/rate-limit";

const rateRule = (name: string, fallback: string) =>
  z
    .string()
    .default(fallback)
    .refine((v) => parseRateRule(v) !== undefined, `${name} 应写成“次数/时长”，如 30/10m（s 秒、m 分、h 小时），或 off 表示不限制`);

/** Environment of the running app, validated once; each problem is reported with its variable. */
const envSchema = z.object({
  DATABASE_URL: z
    .string({ error: "未设置 DATABASE_URL（PostgreSQL 连接串）" })
    .refine((v) => /^postgres(ql)?:\/\//.test(v), "DATABASE_URL 必须以 postgresql:// 开头"),
  AUTH_SECRET: z.string({ error: "未设置 AUTH_SECRET" }).min(32, "AUTH_SECRET 至少需要32个字符"),
  SESSION_IDLE_HOURS: z.coerce.number().positive("SESSION_IDLE_HOURS 必须是正数").default(8),
  APP_MODE: z.enum(["demo", "production"], { error: "APP_MODE 只能是 demo 或 production" }).default("demo"),
  EVIDENCE_DIR: z.string().min(1, "EVIDENCE_DIR 不能为空").default(".data/evidence"),
  EVIDENCE_MAX_MB: z.coerce
    .number({ error: "EVIDENCE_MAX_MB 必须是数字（单位 MB）" })
    .positive("EVIDENCE_MAX_MB 必须大于0")
    .max(200, "EVIDENCE_MAX_MB 不能超过200")
    .default(20),
  RATE_LIMIT_SIGN_IN: rateRule("RATE_LIMIT_SIGN_IN", RATE_LIMIT_DEFAULTS.signIn),
  RATE_LIMIT_UPLOADS: rateRule("RATE_LIMIT_UPLOADS", RATE_LIMIT_DEFAULTS.uploads),
  TRUSTED_PROXIES: z.coerce
    .number({ error: "TRUSTED_PROXIES 必须是数字" })
    .int("TRUSTED_PROXIES 必须是整数")
    .min(0, "TRUSTED_PROXIES 不能小于0")
    .max(10, "TRUSTED_PROXIES 不能超过10")
    .default(0),
});

export type AppEnv = z.infer<typeof envSchema>;

export function parseEnv(source: Record<string, string | undefined>): AppEnv {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`环境变量配置有误：\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: AppEnv | undefined;

export function env(): AppEnv {
  cached ??= parseEnv(process.env);
  return cached;
}
