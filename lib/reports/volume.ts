// The compiled volume (汇编, spec/workflow.md "Approval, archive, dossier, volume") streamed as a
// .docx: word/document.xml is generated chapter by chapter while the zip is written, with
// backpressure, so a province's 50,000 units never sit in memory (spec/quality.md "documents": 1,000
// units under 60 s and 1 GiB). Not server-only: the benchmark and scripts use it too.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import archiver from "archiver";
import { REPORT_MARKING, type UnitReport } from "./model";
import { volumePackageParts } from "./volume-parts";
import {
  contentsEndXml, contentsEntries, contentsEntryXml, contentsStartXml, coverXml, documentEndXml, documentStartXml, partHeadingXml,
  rankingRowXml, rankingTableEndXml, rankingTableStartXml, volumeChapterXml, type VolumeRankingRow, type VolumeScheme,
} from "./volume-xml";

export type { VolumeRankingRow, VolumeScheme } from "./volume-xml";

export type VolumeInput = {
  cycle: { id: string; name: string; year: number };
  /** The office issuing the volume. */
  issuer: string;
  /** The volume's Beijing calendar date (YYYY-MM-DD). */
  date: string;
  /** The schemes in the order of the volume, with their number of units (the contents come before the tables). */
  schemes: readonly VolumeScheme[];
  /**
   * Every unit in the volume's order (by scheme as listed, then ranking position); each call starts
   * again from the first, as the contents, the tables and the chapters each walk them once.
   */
  rankings: () => AsyncIterable<VolumeRankingRow>;
  /** Each unit's final report in the same order as rankings. */
  chapters: AsyncIterable<UnitReport>;
};

export type VolumeProgress = (done: number, total: number) => void;

/** Small strings joined into chunks of about 64 KB, so the zip's deflate sees few, large writes. */
async function* coalesce(parts: AsyncIterable<string>, size = 1 << 16): AsyncGenerator<Buffer> {
  let pending: string[] = [];
  let length = 0;
  for await (const part of parts) {
    pending.push(part);
    length += part.length;
    if (length >= size) {
      yield Buffer.from(pending.join(""), "utf8");
      pending = [];
      length = 0;
    }
  }
  if (pending.length > 0) yield Buffer.from(pending.join(""), "utf8");
}

async function* documentXml(input: VolumeInput, onChapter: (done: number) => void): AsyncGenerator<string> {
  const total = input.schemes.reduce((sum, s) => sum + s.units, 0);
  yield documentStartXml();
  yield coverXml({ cycle: input.cycle, issuer: input.issuer, date: input.date, marking: REPORT_MARKING });

  yield contentsStartXml();
  yield contentsEntryXml(contentsEntries.part(0), true);
  for (const [s, scheme] of input.schemes.entries()) yield contentsEntryXml(contentsEntries.scheme(scheme, s));
  yield contentsEntryXml(contentsEntries.part(1));
  let n = 0;
  for await (const row of input.rankings()) yield contentsEntryXml(contentsEntries.chapter(++n, row.name));
  if (n !== total) throw new Error(`汇编目录有${n}个单位，各评价标准合计${total}个`);
  yield contentsEndXml();

  yield partHeadingXml(0);
  let s = -1;
  let key: string | null = null;
  for await (const row of input.rankings()) {
    if (row.schemeKey !== key) {
      if (key !== null) yield rankingTableEndXml();
      key = row.schemeKey;
      s++;
      if (input.schemes[s]?.key !== key) throw new Error(`排名表的评价标准“${key}”与目录不一致`);
      yield rankingTableStartXml(input.schemes[s]!, s);
    }
    yield rankingRowXml(row);
  }
  if (key !== null) yield rankingTableEndXml();

  yield partHeadingXml(1);
  const order = input.rankings()[Symbol.asyncIterator]();
  let chapterNo = 0;
  for await (const report of input.chapters) {
    const expected = await order.next();
    chapterNo++;
    if (expected.done || expected.value.unitId !== report.unit.id) throw new Error(`汇编第${chapterNo}章（${report.unit.name}）与目录的顺序不一致`);
    yield volumeChapterXml(report, chapterNo);
    onChapter(chapterNo);
  }
  if (chapterNo !== total) throw new Error(`汇编只有${chapterNo}章，目录有${total}个单位`);
  yield documentEndXml();
}

/**
 * Streams the volume as a .docx into `out` (ended when the volume is complete; destroyed on a
 * failure, which rejects). `onProgress` is called after each chapter.
 */
export async function writeVolume(input: VolumeInput, out: NodeJS.WritableStream, onProgress?: VolumeProgress): Promise<{ bytes: number; units: number }> {
  const total = input.schemes.reduce((sum, s) => sum + s.units, 0);
  const parts = volumePackageParts({ cycle: input.cycle, issuer: input.issuer, date: input.date, marking: REPORT_MARKING });
  const zip = archiver("zip", { zlib: { level: 6 } });
  const written = pipeline(zip, out);
  let units = 0;
  const document = Readable.from(
    coalesce(documentXml(input, (done) => {
      units = done;
      onProgress?.(done, total);
    })),
    { objectMode: false },
  );
  for (const [name, xml] of parts.before) zip.append(xml, { name });
  zip.append(document, { name: "word/document.xml" });
  for (const [name, xml] of parts.after) zip.append(xml, { name });
  const finalized = zip.finalize();
  try {
    await Promise.all([written, finalized]);
  } catch (error) {
    zip.on("error", () => undefined);
    document.destroy();
    zip.abort();
    throw error;
  }
  return { bytes: zip.pointer(), units };
}
