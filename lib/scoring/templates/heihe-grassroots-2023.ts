import type { SchemeDocument } from "../schema";

/**
 * 黑河市基层政务诚信监测事项 (seed 003, 黑市诚信办发〔2023〕14号): 6 categories, 22 indicators, 100 points,
 * as reconstructed in spec/schemes.md. 诚信活动 keeps the seed's numbers (max 5, only 4 reachable).
 */

export const heiheGrassroots2023: SchemeDocument = {
  format: "integrity-scheme/v1",
  code: "heihe-grassroots-2023",
  version: 1,
  name: "黑河市基层政务诚信监测事项（2023）",
  description:
    "黑河市“诚信黑河”建设工作领导小组办公室《关于开展县（市、区）、乡镇、街道基层政务诚信监测的通知》（黑市诚信办发〔2023〕14号）附件，适用于乡镇、街道和社区，县（市、区）同时监测，总分100分。",
  notes: [
    "原表各行不列数据来源；监测依托黑河市信用一体化监管服务平台，由市诚信办组织，默认数据来源为“市诚信办”。原表“考察方式”列作为佐证材料指引。",
    "诚信活动（5分）原文只有“组织公职人员参加诚信知识竞赛得4分”一项，最高只能得4分；模板保留原文分值，校验时提示该指标满分不可达。",
    "移风易俗、扫黑除恶按群众满意度测评分计：90分及以上得4分，每少10分（不足10分按10分计）扣1分，扣完为止。",
    "创建工作会议不少于4次得2分，每少1次扣0.5分。",
    "政务公开的“被投诉1次扣0.5分，扣完为止”只针对政策落实子项（最高3分），承诺制度子项2分单独计。",
    "守约履约为一票否决：被人民法院列入失信政府机构名单（次数≥1）得0分。",
    "人员诚信按严重失信的公务人员每人扣0.5分，扣完为止。",
    "信用承诺括注“社区在市信用信息共享平台公示政务承诺得6分”超过本项5分，不予采用；社区与乡镇同样按公示政务承诺2分、双公示3分计。",
    "失信治理：无方案台账扣5分；发生失信违诺事项投诉每件扣2.5分，扣完为止。",
    "不涉及的指标按满分计（not-applicable policy full_marks）。",
  ],
  unitKinds: ["township", "community", "county"],
  notApplicable: "full_marks",
  grades: [
    { min: 90, label: "优秀" },
    { min: 80, label: "良好" },
    { min: 60, label: "一般" },
    { min: 0, label: "较差" },
  ],
  categories: [
    {
      code: "ORG",
      name: "组织领导",
      weight: 8,
      indicators: [
        {
          code: "ORG.DEPLOY",
          name: "安排部署",
          max: 4,
          content:
            "成立诚信示范乡镇（社区）创建工作领导小组，成立得1分，不成立不得分；制定诚信示范乡镇（社区）创建方案，制定得1分，未制定不得分；创建工作会议不少于4次的得2分，每少1次扣0.5分。",
          sources: ["市诚信办"],
          evidence: "查看会议记录、走访",
          items: [
            {
              key: "group",
              name: "成立创建工作领导小组",
              max: 1,
              rule: { kind: "binary", question: "成立诚信示范乡镇（社区）创建工作领导小组" },
            },
            {
              key: "plan",
              name: "制定创建方案",
              max: 1,
              rule: { kind: "binary", question: "制定诚信示范乡镇（社区）创建方案" },
            },
            {
              key: "meetings",
              name: "创建工作会议次数",
              max: 2,
              content: "创建工作会议不少于4次的得2分，每少1次扣0.5分。",
              rule: { kind: "count", mode: "shortfall", target: 4, perMissing: 0.5, label: "创建工作会议", unit: "次" },
            },
          ],
        },
        {
          code: "ORG.TARGET",
          name: "目标管理",
          max: 4,
          content:
            "示范创建责任部门、责任领导、责任人员落实到位得2分，未完成不得分；按要求完成基本信息采集和工作对接得2分，未完成不得分。",
          sources: ["市诚信办"],
          evidence: "材料审核",
          items: [
            {
              key: "responsibility",
              name: "责任部门、领导、人员落实",
              max: 2,
              rule: { kind: "binary", question: "示范创建责任部门、责任领导、责任人员落实到位" },
            },
            {
              key: "information",
              name: "基本信息采集和工作对接",
              max: 2,
              rule: { kind: "binary", question: "按要求完成基本信息采集和工作对接" },
            },
          ],
        },
      ],
    },
    {
      code: "PUBLICITY",
      name: "宣传教育",
      weight: 14,
      indicators: [
        {
          code: "PUBLICITY.EDUCATION",
          name: "诚信教育",
          max: 5,
          content:
            "乡镇（社区）教育计划包含诚信教育内容得1分，不包含不得分；开展诚信教育进学校、诚信教育进企业、诚信教育进村屯（居委会），开展得3分，未开展不得分；编制公职人员、村（居）民诚信知识手册得1分，未编制不得分。",
          sources: ["市诚信办"],
          evidence: "查看计划、材料审核",
          items: [
            {
              key: "plan",
              name: "教育计划包含诚信教育内容",
              max: 1,
              rule: { kind: "binary", question: "乡镇（社区）教育计划包含诚信教育内容" },
            },
            {
              key: "campaigns",
              name: "诚信教育进学校、进企业、进村屯",
              max: 3,
              rule: { kind: "binary", question: "开展诚信教育进学校、进企业、进村屯（居委会）" },
            },
            {
              key: "handbook",
              name: "诚信知识手册",
              max: 1,
              rule: { kind: "binary", question: "编制公职人员、村（居）民诚信知识手册" },
            },
          ],
        },
        {
          code: "PUBLICITY.ACTIVITY",
          name: "诚信活动",
          max: 5,
          content: "围绕诚信内容，组织公职人员参加诚信知识竞赛得4分，未组织的不得分。",
          sources: ["市诚信办"],
          evidence: "材料审核",
          note: "原文本项基本分值5分，但评分标准只给出知识竞赛4分；保留原文分值，最高只能得4分（校验提示满分不可达）。",
          rule: { kind: "binary", question: "组织公职人员参加诚信知识竞赛", points: 4 },
        },
        {
          code: "PUBLICITY.PROMOTION",
          name: "诚信宣传",
          max: 4,
          content:
            "张贴诚信宣传标语得1分，未张贴不得分；制作诚信宣传栏得1分，未制作不得分；印发诚信宣传单得1分，未印发不得分；宣传诚信典型事迹得1分，未宣传不得分。",
          sources: ["市诚信办"],
          evidence: "材料审核、现场查看",
          items: [
            { key: "slogans", name: "诚信宣传标语", max: 1, rule: { kind: "binary", question: "张贴诚信宣传标语" } },
            { key: "boards", name: "诚信宣传栏", max: 1, rule: { kind: "binary", question: "制作诚信宣传栏" } },
            { key: "leaflets", name: "诚信宣传单", max: 1, rule: { kind: "binary", question: "印发诚信宣传单" } },
            { key: "models", name: "诚信典型事迹", max: 1, rule: { kind: "binary", question: "宣传诚信典型事迹" } },
          ],
        },
      ],
    },
    {
      code: "CIVILITY",
      name: "乡风文明",
      weight: 8,
      indicators: [
        {
          code: "CIVILITY.CUSTOMS",
          name: "移风易俗",
          max: 4,
          content:
            "逐步消除好逸恶劳、等靠缠要、争当贫困户现象。群众满意度测评90分以上得4分，每少10个百分点扣1分，扣完为止。",
          sources: ["市诚信办"],
          evidence: "问卷测评",
          note: "填报群众满意度测评分（0–100）；“90分以上”含90分；每少10分扣1分，不足10分按10分计（如75分扣2分）。",
          rule: { kind: "step", label: "群众满意度测评", fullAt: 90, step: 10, perStep: 1 },
        },
        {
          code: "CIVILITY.CRIME",
          name: "扫黑除恶",
          max: 4,
          content:
            "有效遏制“黄赌毒”，无“村霸”和宗族恶势力。群众满意度测评90分以上得4分，每少10个百分点扣1分，扣完为止。",
          sources: ["市诚信办"],
          evidence: "问卷测评",
          note: "填报群众满意度测评分（0–100）；“90分以上”含90分；每少10分扣1分，不足10分按10分计。",
          rule: { kind: "step", label: "群众满意度测评", fullAt: 90, step: 10, perStep: 1 },
        },
      ],
    },
    {
      code: "INTEGRITY",
      name: "政务诚信",
      weight: 35,
      indicators: [
        {
          code: "INTEGRITY.OPENNESS",
          name: "政务公开",
          max: 5,
          content:
            "建立政务公开承诺制度得2分；加大政务公开力度，确保就业、就学、计生、养老、助残、扶贫、医保、住房、拥军优属、便民服务等公共服务和优惠政策有效落实到基层群众得3分，被投诉1次扣0.5分，扣完为止。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          note: "投诉扣分只在政策落实子项（3分）内扣减，扣完为止。",
          items: [
            {
              key: "pledge_system",
              name: "政务公开承诺制度",
              max: 2,
              rule: { kind: "binary", question: "建立政务公开承诺制度" },
            },
            {
              key: "policy",
              name: "公共服务和优惠政策落实",
              max: 3,
              content: "公共服务和优惠政策有效落实到基层群众得3分，被投诉1次扣0.5分，扣完为止。",
              rule: {
                kind: "deduction",
                items: [{ key: "complaints", label: "被投诉次数", points: 0.5, per: "each" }],
              },
            },
          ],
        },
        {
          code: "INTEGRITY.CONTRACT",
          name: "守约履约",
          max: 5,
          content:
            "在行政管理和公共服务过程中切实履行各项合同约定，无因失信行为被人民法院列入失信政府机构名单中的得5分，出现不得分。",
          sources: ["市诚信办"],
          evidence: "查阅资料",
          rule: { kind: "veto", event: "因失信行为被人民法院列入失信政府机构名单" },
        },
        {
          code: "INTEGRITY.STAFF",
          name: "人员诚信",
          max: 5,
          content: "辖区内公职人员人人签订《公务员信用承诺书》，公务人员有严重失信行为的按每人0.5分扣除，扣完为止。",
          sources: ["市诚信办"],
          evidence: "查阅资料",
          rule: {
            kind: "deduction",
            items: [{ key: "dishonest_staff", label: "有严重失信行为的公务人员", points: 0.5, per: "each" }],
          },
        },
        {
          code: "INTEGRITY.RECORDS",
          name: "信息归集",
          max: 5,
          content:
            "建立健全乡镇（社区）公职人员政务信用记录，将公职人员履职过程中表彰奖励、司法判决、行政处罚、纪律处分、投诉举报、未兑现政府惠民利企承诺等信息纳入守信失信记录5分，未开展不得分。",
          sources: ["市诚信办"],
          evidence: "查阅资料",
          rule: { kind: "binary", question: "建立健全公职人员政务信用记录并纳入守信失信信息" },
        },
        {
          code: "INTEGRITY.PLEDGE",
          name: "信用承诺",
          max: 5,
          content:
            "在市信用信息共享平台公示政务承诺得2分，未公示不得分；开展行政许可、行政处罚双公示得3分，未开展不得分（社区在市信用信息共享平台公示政务承诺得6分）。",
          sources: ["市诚信办"],
          evidence: "查验截图",
          note: "原文括注“社区……公示政务承诺得6分”超过本项满分5分，不予采用；社区与乡镇同样按2分＋3分计。",
          items: [
            {
              key: "pledge",
              name: "公示政务承诺",
              max: 2,
              rule: { kind: "binary", question: "在市信用信息共享平台公示政务承诺" },
            },
            {
              key: "double",
              name: "行政许可、行政处罚双公示",
              max: 3,
              rule: { kind: "binary", question: "开展行政许可、行政处罚双公示" },
            },
          ],
        },
        {
          code: "INTEGRITY.GOVERNANCE",
          name: "失信治理",
          max: 5,
          content:
            "建立政务失信治理长效机制，重点整治以机构改革、换届或岗位职务变更、相关责任人调整为由，乡镇和社区（村）未兑现承诺、未履行合同约定、政策落实不到位、不连续等问题，解决在项目建设、生态环境保护、民生保障等领域存在的“新官不理旧账”等问题。有方案有台账得5分，发生失信违诺事项投诉每1件扣2.5分，扣完为止。",
          sources: ["市诚信办"],
          evidence: "查看方案、问题台账",
          note: "“有方案有台账得5分”按缺方案或台账扣5分（no_plan，一次性）处理，投诉每件另扣2.5分。",
          rule: {
            kind: "deduction",
            items: [
              { key: "no_plan", label: "无治理方案或问题台账", points: 5, per: "once" },
              { key: "complaints", label: "失信违诺事项投诉", points: 2.5, per: "each" },
            ],
          },
        },
        {
          code: "INTEGRITY.ASSESSMENT",
          name: "信用考核",
          max: 5,
          content:
            "乡镇将村和社区守信践诺、失信违诺情况纳入年度绩效考核或营商环境考核，依法依规将公职人员守信、失信情况作为干部考察、任用和评优评先的重要依据。对存在政务失信记录的，依法依规取消各类荣誉评选资格，予以通报批评，对造成失信行为的主要负责人依法依规追究责任。考核制度（办法）中有诚信内容得2分，提供公职人员守信、失信情况作为干部考察、任用和评优评先或取消各类荣誉的重要依据案例应用的得3分，未提供不得分。",
          sources: ["市诚信办"],
          evidence: "查看制度",
          items: [
            {
              key: "system",
              name: "考核制度含诚信内容",
              max: 2,
              rule: { kind: "binary", question: "考核制度（办法）中有诚信内容" },
            },
            {
              key: "cases",
              name: "守信失信情况应用案例",
              max: 3,
              rule: {
                kind: "binary",
                question: "提供公职人员守信、失信情况作为干部考察、任用、评优评先或取消荣誉依据的应用案例",
              },
            },
          ],
        },
      ],
    },
    {
      code: "FINANCE",
      name: "金融诚信",
      weight: 10,
      indicators: [
        {
          code: "FINANCE.DEFAULT",
          name: "信贷违约",
          max: 3,
          content:
            "辖区内无恶意逃避金融债务行为发生，没有“黑名单”对象，企业与个人没有新的拖欠银行贷款本息行为发生得3分。每发生一起扣1分，扣完为止。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: {
            kind: "deduction",
            items: [{ key: "cases", label: "逃避金融债务或拖欠贷款本息事件", points: 1, per: "each" }],
          },
        },
        {
          code: "FINANCE.ORDER",
          name: "金融秩序",
          max: 3,
          content:
            "辖内金融秩序良好，无非法集资和非法借贷活动，无重大违规经营行为和重大金融案件得3分。每发生一起扣1分，扣完为止。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: {
            kind: "deduction",
            items: [{ key: "cases", label: "非法集资、非法借贷、重大违规经营或重大金融案件", points: 1, per: "each" }],
          },
        },
        {
          code: "FINANCE.CREDIT",
          name: "信贷投入",
          max: 4,
          content: "辖区内企业获得信用贷款或者通过“信易贷”平台实现融资贷款的得4分，没有不得分。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: { kind: "binary", question: "辖区内企业获得信用贷款或通过“信易贷”平台实现融资贷款" },
        },
      ],
    },
    {
      code: "GOVERNANCE",
      name: "综合治理",
      weight: 25,
      indicators: [
        {
          code: "GOVERNANCE.RISK",
          name: "重大风险管控",
          max: 5,
          content:
            "能及时掌握辖区内敏感信息及不维稳因素（矛盾纠纷、重大隐患）等情况，强化纠纷调处，化解民事纠纷，有效防止可预防事件的发生。提供调处案例得5分，未提供不得分。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: { kind: "binary", question: "提供纠纷调处案例" },
        },
        {
          code: "GOVERNANCE.PETITION",
          name: "信访维稳",
          max: 5,
          content:
            "能定期开展维稳形势分析，做好信访维稳工作，建立疑难信访班子领导包案制度。提供包案制度得5分，未提供不得分。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: { kind: "binary", question: "提供疑难信访班子领导包案制度" },
        },
        {
          code: "GOVERNANCE.KEY_GROUPS",
          name: "重点人群管理",
          max: 5,
          content:
            "能建立健全辖内重点特殊人员群体管理台账，落实职责包保，实行定期排查和日常监管。提供管理台账得5分，未提供不得分。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: { kind: "binary", question: "提供重点特殊人员群体管理台账" },
        },
        {
          code: "GOVERNANCE.SECURITY",
          name: "社会治安",
          max: 5,
          content: "能在辖区内学校、医院等人群密集场所安装视频监控，提升社会治安防控能力。落实得5分，未落实不得分。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: { kind: "binary", question: "在学校、医院等人群密集场所安装视频监控" },
        },
        {
          code: "GOVERNANCE.MARKET",
          name: "市场监管",
          max: 5,
          content: "大力整治制售假冒伪劣产（商）品现象，整顿市场环境。落实得5分，未落实不得分。",
          sources: ["市诚信办"],
          evidence: "现场查看、查阅资料",
          rule: { kind: "binary", question: "整治制售假冒伪劣产（商）品、整顿市场环境" },
        },
      ],
    },
  ],
};
