import "server-only";
import ExcelJS from "exceljs";
import { inertCell, makeWorkbookXmlSafe } from "@/lib/export/inert";

export interface IssuedUnitAccount {
  organisationName: string;
  uscc: string;
  username: string;
  password: string;
}

/** The initial passwords as an .xlsx in memory (handed to the browser once; never written anywhere). */
export async function credentialsWorkbook(accounts: readonly IssuedUnitAccount[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("初始密码", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { header: "序号", key: "seq", width: 6 },
    { header: "单位名称", key: "name", width: 36 },
    { header: "统一社会信用代码", key: "uscc", width: 22 },
    { header: "用户名", key: "username", width: 16 },
    { header: "初始密码", key: "password", width: 16 },
    { header: "说明", key: "note", width: 40 },
  ];
  sheet.getRow(1).font = { bold: true };
  accounts.forEach((a, i) => {
    sheet.addRow({
      seq: i + 1,
      name: inertCell(a.organisationName),
      uscc: a.uscc,
      username: a.username,
      password: a.password,
      note: "首次登录须修改密码；请妥善保管，平台不保存明文密码",
    });
  });
  makeWorkbookXmlSafe(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
