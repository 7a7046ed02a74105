// Measurable targets from the development goals (发展目标): every clause with a quantity, such as
// 人工智能企业达到3000家, 总营业收入突破1万亿元, 算力总规模达到20EFLOPS, 高性能算力占比达到30%.
import { splitTopLevel } from './responsibility';

export interface ImportedTarget {
  id: string;
  text: string;
  value: number;
  unit: string;
  year?: number;
  line: number;
}

// A number and its unit: 3000家, 1万亿元, 20EFLOPS, 30%, 50项以上 (以上 stays in the text only).
const QUANTITY = /(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*((?:[万亿千百]+)?(?:个百分点|百分点|%|％|‰|[A-Za-z]{2,}|平方公里|平方米|公里|千瓦时|千瓦|兆瓦|吉瓦|[家个项名人所条座元吨倍户台套款部次件批只位支亩米架辆艘张处间栋种类门本期届场]))/g;
const YEAR = /^(?:到|至|截至|力争到|力争)?(\d{4})年(?:底|末|前)?/;

/** The targets in the paragraphs of a goals section, numbered `<section id>.<n>` in order. */
export function extractTargets(paragraphs: Array<{ text: string; line: number }>, sectionId: string): ImportedTarget[] {
  const targets: ImportedTarget[] = [];
  let year: number | undefined;
  for (const paragraph of paragraphs) {
    for (const sentence of paragraph.text.split(/[。；;！!]/)) {
      // A comma between digits is a thousands separator (3,000家), not the end of a clause.
      for (let clause of splitTopLevel(sentence.replace(/(\d),(?=\d{3})/g, '$1\u0000'), /[，,]/).map((piece) => piece.replace(/\u0000/g, ','))) {
        clause = clause.trim().replace(/^——/, '');
        const stated = YEAR.exec(clause);
        if (stated) {
          year = Number(stated[1]);
          clause = clause.slice(stated[0].length).replace(/^[，,\s]+/, '');
        }
        for (const group of quantityGroups(clause)) {
          // A trailing parenthesis explains (每秒一百亿次浮点运算) or gives a baseline (2022年为10%):
          // neither the text nor the value comes from it.
          const text = group
            .replace(/^在.*?(方面|领域)/, '')
            .replace(/[（(][^（）()]*[）)]$/, '')
            .trim();
          const quantity = lastQuantity(text);
          if (!quantity || text === '') continue;
          targets.push({ id: `${sectionId}.${targets.length + 1}`, text, value: quantity.value, unit: quantity.unit.replace('％', '%'), ...(year !== undefined ? { year } : {}), line: paragraph.line });
        }
      }
    }
  }
  return targets;
}

/**
 * Splits a clause at 、 into the parts that each carry one quantity: pieces without a number
 * belong to the next piece that has one (在前沿基础理论、智能芯片…等方面取得技术突破50项以上 is one
 * target; 培育省级创新应用先导区20个、行业创新应用大模型30个 are two).
 */
function quantityGroups(clause: string): string[] {
  const groups: string[] = [];
  let pending: string[] = [];
  for (const piece of splitTopLevel(clause, /[、]/)) {
    pending.push(piece);
    if (lastQuantity(piece.replace(/[（(][^（）()]*[）)]$/, ''))) {
      groups.push(pending.join('、'));
      pending = [];
    }
  }
  return groups;
}

function lastQuantity(text: string): { value: number; unit: string } | undefined {
  let found: { value: number; unit: string } | undefined;
  for (const match of text.matchAll(QUANTITY)) {
    // A Latin unit has two letters or more (EFLOPS, PB, GW): 5G, 8K and 3D are not quantities.
    found = { value: Number(match[1]!.replace(/,/g, '')), unit: match[2]! };
  }
  return found;
}
