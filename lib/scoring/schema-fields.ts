import { z } from "zod";

/** Building blocks of the scheme schemas, each with a Chinese message. */

const TWO_DECIMALS = /^\d+(\.\d{1,2})?$/;
const KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
export const MAX_POINTS = 1_000_000;

export const text = (what: string) =>
  z.string({ error: `${what}必须是文字` }).trim().min(1, `${what}不能为空`);

/** Points in a rule: a finite number ≥ 0. */
export const points = (what = "分值") =>
  z
    .number({ error: `${what}必须是数字` })
    .min(0, `${what}不能为负数`)
    .max(MAX_POINTS, `${what}不能超过${MAX_POINTS}`);

/** Maxima and weights: positive, at most 2 decimals, so that every score is whole cents. */
export const score2 = (what: string) =>
  z
    .number({ error: `${what}必须是数字` })
    .positive(`${what}必须大于0`)
    .max(MAX_POINTS, `${what}不能超过${MAX_POINTS}`)
    .refine((n) => TWO_DECIMALS.test(String(n)), `${what}最多保留两位小数`);

export const key = (what: string) =>
  z.string({ error: `${what}必须是文字` }).regex(KEY, `${what}只能由字母、数字和下划线组成，且以字母开头`);

export const code = (what: string) =>
  z.string({ error: `${what}必须是文字` }).regex(CODE, `${what}只能由字母、数字、点、下划线和连字符组成`);

export const label = (what: string) => text(what).optional();
