// What stands before the body of a policy document: the title (often over two or more lines,
// above the document number), the document number (国发〔2024〕7号), the salutation
// (各省、自治区、直辖市人民政府…：), and, for a notice that issues a plan, the notice's own text
// followed by the plan's title. The plan's title is the guideline's.
import type { Paragraph } from './paragraphs';

const KIND = /(意见|方案|通知|办法|规划|措施|计划|决定|纲要|条例|规定|指南|细则|政策|要点|清单|分工|行动|若干|通告|决议|任务|安排|部署|实施|纪要|工程)(（[^（）]{1,15}）)?$/;
const DOCUMENT_NUMBER = /〔\d{4}〕|\[\d{4}\]|【\d{4}】|\d{4}〕|^[^\s，。]{1,12}(发|办|函|字)[〔[【(（]?\d{4}/;
const DATE = /^[〇零○一二三四五六七八九十\d]{4}\s*年\s*[〇零○一二三四五六七八九十\d]{1,2}\s*月\s*[〇零○一二三四五六七八九十\d]{1,3}\s*日$/;

export interface FrontMatter {
  title?: string;
  issuer?: string;
}

/** The title and issuer from the paragraphs before the body (and the signature after it). */
export function frontMatter(front: Paragraph[], all: Paragraph[]): FrontMatter {
  const runs: string[][] = [];
  let run: string[] = [];
  const close = () => {
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (const paragraph of front) {
    const text = paragraph.text;
    if (isTitleLine(text)) run.push(text);
    else close();
  }
  close();
  const titles = runs.map(joinTitle).filter((title) => KIND.test(title.replace(/（[^（）]{1,15}）$/, '')) || /^关于/.test(title));
  // The last title before the body is the plan's; a notice that only names it gives it in 《》.
  let title = titles[titles.length - 1];
  if (title) {
    const issued = /关于(?:印发|转发|发布)[《“"]?(.+?)[》”"]?的通知$/.exec(title);
    if (issued && titles.length === 1) title = issued[1]!.replace(/^《|》$/g, '');
  }
  return { ...(title ? { title } : {}), ...optionalIssuer(runs.map(joinTitle), all) };
}

function isTitleLine(text: string): boolean {
  if (text.length > 60 || /[。；：:]$/.test(text) || /[，,。]/.test(text.replace(/（[^（）]*）/g, ''))) return false;
  if (DOCUMENT_NUMBER.test(text) || DATE.test(text) || /文件$|^（此件|^\(此件|^附件/.test(text)) return false;
  return true;
}

/** Joins the lines of a title run, keeping a trailing （征求意见稿）. */
function joinTitle(lines: string[]): string {
  return lines.join('');
}

function optionalIssuer(titles: string[], all: Paragraph[]): { issuer?: string } {
  for (const title of titles) {
    const prefix = /^(国务院办公厅|国务院|.{2,20}?(?:人民政府办公厅|人民政府办公室|人民政府|办公厅|办公室|委员会|部|厅|局|委))(?:关于|印发)/.exec(title);
    if (prefix) return { issuer: prefix[1]! };
  }
  // The signature: a short line right above the date.
  for (let index = 1; index < all.length; index++) {
    if (!DATE.test(all[index]!.text)) continue;
    const signature = all[index - 1]!.text;
    if (signature.length <= 30 && /(政府|办公厅|办公室|委员会|部|厅|局|委)$/.test(signature) && !/[。，]/.test(signature)) return { issuer: signature };
  }
  return {};
}
