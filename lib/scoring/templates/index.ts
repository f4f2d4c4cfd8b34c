import type { SchemeDocument } from "../schema";
import { hegang2022 } from "./hegang-2022";
import { hegangCredit2022County, hegangCredit2022Dept } from "./hegang-credit-2022";
import { heiheGrassroots2023 } from "./heihe-grassroots-2023";
import { huaian2021 } from "./huaian-2021";

/** The templates shipped with the platform (spec/schemes.md), in display order. */
export const builtInSchemes: SchemeDocument[] = [
  hegang2022,
  huaian2021,
  heiheGrassroots2023,
  hegangCredit2022County,
  hegangCredit2022Dept,
];

export function getBuiltInScheme(code: string): SchemeDocument | undefined {
  return builtInSchemes.find((scheme) => scheme.code === code);
}
