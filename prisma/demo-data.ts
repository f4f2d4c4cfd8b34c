/**
 * Demo organisations and users for a fresh install in 鹤岗市 (division 230400).
 * Pure data: no Prisma. Passwords live in the seed script, not here.
 *
 * Source departments carry `shortName` exactly as the scheme templates name
 * their data sources (e.g. "市司法局"). Departments that also report data
 * (信访局, 司法局, 财政局, 工信局, 营商局) hold both roles.
 */
import type { OrgRole, UnitKind, UserRole } from "@/lib/orgs/kinds";
import { makeUscc } from "@/lib/orgs/uscc";

export const DEMO_DIVISION = "230400";
export const DEMO_EMAIL_DOMAIN = "hegang.gov.cn";

export interface DemoOrg {
  key: string;
  name: string;
  shortName?: string;
  kind: UnitKind;
  uscc: string;
  legalRep: string;
  phone: string;
  email: string;
  roles: OrgRole[];
}

export interface DemoUser {
  username: string;
  displayName: string;
  orgKey: string;
  roles: UserRole[];
}

/** GB 32100 organisation type under authority 1: 1 机关, 2 事业单位, 3 群众团体. */
type OrgType = "1" | "2" | "3";
type Row = [key: string, name: string, shortName: string, legalRep: string, roles: OrgRole[], orgType?: OrgType];

const E: OrgRole[] = ["evaluated"];
const S: OrgRole[] = ["source"];
const ES: OrgRole[] = ["evaluated", "source"];

const rows: Row[] = [
  ["xyb", "鹤岗市社会信用体系建设工作领导小组办公室", "市信用办", "王建国", ["office"]],
  ["ldxz", "鹤岗市政务诚信建设领导小组", "市政务诚信领导小组", "李志强", ["reviewer"]],
  // Source-only departments (judiciary, Party bodies, mass organisations, the disclosure office).
  ["court", "鹤岗市中级人民法院", "市中级人民法院", "张海峰", S],
  ["gkb", "鹤岗市人民政府办公室政务公开办", "市政府公开办", "刘卫东", S],
  ["kpb", "中共鹤岗市委考评办公室", "市委考评办", "陈明辉", S],
  ["wmb", "鹤岗市精神文明建设委员会办公室", "市文明办", "杨立新", S],
  ["zgh", "鹤岗市总工会", "市总工会", "赵宏伟", S, "3"],
  ["jwjw", "中共鹤岗市纪律检查委员会（鹤岗市监察委员会）", "市纪委监委", "黄文斌", S],
  // Evaluated municipal departments that also report data.
  ["sfj", "鹤岗市司法局", "市司法局", "周永刚", ES],
  ["yshj", "鹤岗市营商环境建设监督局", "市营商局", "吴国庆", ES],
  ["xfj", "鹤岗市信访局", "市信访局", "徐长青", ES],
  ["czj", "鹤岗市财政局", "市财政局", "孙德胜", ES],
  ["gxj", "鹤岗市工业和信息化局", "市工信局", "马向阳", ES],
  // Evaluated municipal departments.
  ["fgw", "鹤岗市发展和改革委员会", "市发改委", "朱振华", E],
  ["jyj", "鹤岗市教育局", "市教育局", "胡晓东", E],
  ["kjj", "鹤岗市科学技术局", "市科技局", "郭庆林", E],
  ["gaj", "鹤岗市公安局", "市公安局", "何春雷", E],
  ["mzj", "鹤岗市民政局", "市民政局", "高志远", E],
  ["rsj", "鹤岗市人力资源和社会保障局", "市人社局", "林海涛", E],
  ["zrzyj", "鹤岗市自然资源局", "市自然资源局", "罗建军", E],
  ["sthjj", "鹤岗市生态环境局", "市生态环境局", "郑玉梅", E],
  ["zjj", "鹤岗市住房和城乡建设局", "市住建局", "梁红霞", E],
  ["jtj", "鹤岗市交通运输局", "市交通运输局", "谢丽娟", E],
  ["swuj", "鹤岗市水务局", "市水务局", "宋晓燕", E],
  ["nyj", "鹤岗市农业农村局", "市农业农村局", "唐秀英", E],
  ["swj", "鹤岗市商务局", "市商务局", "许桂芬", E],
  ["wglj", "鹤岗市文化广电和旅游局", "市文广旅局", "韩冬梅", E],
  ["wjj", "鹤岗市卫生健康局", "市卫健局", "冯雪松", E],
  ["tyjrj", "鹤岗市退役军人事务局", "市退役军人局", "邓立平", E],
  ["yjj", "鹤岗市应急管理局", "市应急局", "曹永胜", E],
  ["sjj", "鹤岗市审计局", "市审计局", "彭玉华", E],
  ["scjgj", "鹤岗市市场监督管理局", "市市场监管局", "曾凡军", E],
  ["tjj", "鹤岗市统计局", "市统计局", "肖云鹏", E],
  ["ybj", "鹤岗市医疗保障局", "市医保局", "田守仁", E],
  ["cgj", "鹤岗市城市管理综合执法局", "市城管局", "董春生", E],
  ["bdc", "鹤岗市不动产登记中心", "市不动产登记中心", "袁铁军", E, "2"],
  ["gjj", "鹤岗市住房公积金管理中心", "市公积金中心", "潘立杰", E, "2"],
  ["jyfw", "鹤岗市公共就业和社会保障服务中心", "市就业和社保中心", "于凤霞", E, "2"],
];

export const demoOrganisations: DemoOrg[] = rows.map(([key, name, shortName, legalRep, roles, orgType], i) => ({
  key,
  name,
  shortName,
  kind: "municipal_department",
  uscc: makeUscc({
    registrationAuthority: "1",
    orgType: orgType ?? "1",
    division: DEMO_DIVISION,
    orgBody8: String(11300100 + i * 1013),
  }),
  legalRep,
  phone: `0468-${3451000 + i * 37}`,
  email: `${key}@${DEMO_EMAIL_DOMAIN}`,
  roles,
}));

const sourceKeys = rows.filter(([, , , , roles]) => roles.includes("source"));
const unitUserKeys = ["fgw", "jyj", "gaj", "xfj"] as const;

function shortNameOf(key: string): string {
  return rows.find(([k]) => k === key)?.[2] ?? key;
}

export const demoUsers: DemoUser[] = [
  { username: "admin", displayName: "系统管理员", orgKey: "xyb", roles: ["admin"] },
  { username: "office1", displayName: "信用办 王丽", orgKey: "xyb", roles: ["office"] },
  { username: "office2", displayName: "信用办 赵刚", orgKey: "xyb", roles: ["office"] },
  { username: "reviewer", displayName: "领导小组 李志强", orgKey: "ldxz", roles: ["reviewer"] },
  ...unitUserKeys.map((key): DemoUser => ({
    username: `unit-${key}`,
    displayName: `${shortNameOf(key)}联络员`,
    orgKey: key,
    roles: ["unit"],
  })),
  ...sourceKeys.map(([key, , shortName]): DemoUser => ({
    username: `src-${key}`,
    displayName: `${shortName}填报员`,
    orgKey: key,
    roles: ["source"],
  })),
];
