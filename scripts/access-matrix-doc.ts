// `npm run docs:access`: writes docs/access-matrix.md from the access table (tests/e2e/support/access-table.ts).
import { writeFileSync } from "node:fs";
import path from "node:path";
import { accessMatrixMarkdown } from "../tests/e2e/support/access-doc";

const file = path.join(__dirname, "..", "docs", "access-matrix.md");
writeFileSync(file, accessMatrixMarkdown());
process.stdout.write(`已写入 ${path.relative(process.cwd(), file)}\n`);
