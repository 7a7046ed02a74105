// Reading the responsibility parenthesis that ends a measure, in the conventions of Chinese policy
// documents:
//   （省科技厅、省发展改革委，排名第一的为牵头单位，下同）   first listed leads, here and below
//   （省发展改革委、省经信厅，根据职能分工各自负责）         each within its remit: no lead
//   （牵头单位：省科技厅；配合单位：省财政厅、省教育厅）     labelled fields
//   （省科技厅牵头，省财政厅、省教育厅配合）                 verbs
//   （省发展改革委、省经信厅等有关部门负责）                 generic actors (a collective)
//   （省科技厅、省经信厅）                                   plain: leads only under a lead rule
import { guessAgencyKind } from '../agency-kind';

export interface ResponsibilityList {
  /** Agency names in order; an explicitly named lead comes first. */
  agencies: string[];
  /** A lead is named in so many words (牵头单位：A, A牵头). */
  explicitLead: boolean;
  /** 根据职能分工各自负责 and its variants, with no explicit lead. */
  byFunction: boolean;
  /** The list states the lead rule (排名第一的为牵头单位). */
  statesLeadRule: boolean;
  /** 下同: the list's convention holds for the lists that follow. */
  ditto: boolean;
  /** Fragments that are neither agency names nor a known convention. */
  unparsed: string[];
}

/** 排名第一的为牵头单位, 列第一位者为牵头单位, 排在第一位的部门为牵头部门, 第一个单位为牵头单位, 排在首位的为牵头单位 */
export const LEAD_RULE = /(第一|首位|首个|第1)[^，。；,;]{0,8}?(为|是)[^，。；,;]{0,4}?牵头/;
const DITTO = /^(以下|下文|下|后)同$/;
const BY_FUNCTION = /(?:(?:根据|按照|依据|按)?(?:各自)?(?:职能|职责)(?:分工)?(?:各自|分别)?|分别|各自|各负其责)(?:负责|落实|推进)?$/;
const LABEL = /^(牵头单位|牵头部门|牵头|主办单位|主责单位|责任单位|责任部门|实施单位|实施主体|配合单位|配合部门|协办单位|参与单位|协同单位|支持单位)\s*[:：]\s*/;
const IGNORED_LABEL = /^(完成时限|完成时间|时间节点|时限|进度安排|时间安排)\s*[:：]/;
const LEAD_VERB = /^(?:由)?(.+?)(?:负责)?牵头(?:负责|实施|推进|落实)?$/;
const CO_VERB = /^(.+?)(?:共同)?(?:配合|参与|协同|协助|协办|支持)$/;
const PLAIN_VERB = /^(?:由)?(.+?)(?:共同)?(?:负责|落实|实施|推进)$/;
const GENERIC = /^(.+?)等(有关|相关)?(部门|单位)(和单位)?$/;
// 行 only as a bank (人行杭州中心支行): 试行 and 暂行 are not agencies.
const AGENCY_SUFFIX = /(厅|委|局|办|部|院|署|会|处|室|所|司|中心|政府|单位|部门|公司|集团|银行|支行|分行|小组|联|团|社|台|站|馆|队|校|大学|海关|委员会|领导小组|管委会|人大|政协|法院|检察院)$/;

type Role = 'lead' | 'co' | 'plain';

/**
 * The responsibility list in the contents of a parenthesis, or undefined when the parenthesis is
 * something else (`（试行）`, `（每秒一百亿次浮点运算）`). `known` tells whether a name is in the
 * registry, which settles names without a usual agency ending.
 */
export function parseResponsibility(contents: string, known: (name: string) => boolean = () => false): ResponsibilityList | undefined {
  const leads: string[] = [];
  const others: string[] = [];
  const unparsed: string[] = [];
  let explicitLead = false;
  let byFunction = false;
  let statesLeadRule = false;
  let ditto = false;
  let markers = 0;
  let role: Role = 'plain';
  const add = (names: string[], as: Role) => {
    for (const name of names) {
      if (!looksLikeAgency(name, known)) unparsed.push(name);
      else if (as === 'lead') leads.push(name);
      else others.push(name);
    }
  };
  for (let segment of splitTopLevel(contents, /[，,；;]/)) {
    segment = segment.trim().replace(/[。.]$/, '');
    if (segment === '') continue;
    if (DITTO.test(segment)) {
      ditto = true;
      markers++;
      continue;
    }
    if (LEAD_RULE.test(segment)) {
      statesLeadRule = true;
      if (/下同$/.test(segment)) ditto = true;
      markers++;
      continue;
    }
    if (IGNORED_LABEL.test(segment)) {
      markers++;
      continue;
    }
    const label = LABEL.exec(segment);
    if (label) {
      markers++;
      role = /牵头|主办|主责/.test(label[1]!) ? 'lead' : /配合|协办|参与|协同|支持/.test(label[1]!) ? 'co' : 'plain';
      if (role === 'lead') explicitLead = true;
      segment = segment.slice(label[0].length);
    }
    const remit = BY_FUNCTION.exec(segment);
    if (remit && remit[0] !== '' && /负责|落实|推进|各负其责/.test(remit[0])) {
      byFunction = true;
      markers++;
      segment = segment.slice(0, remit.index);
      if (segment === '') continue;
      add(splitNames(segment), role === 'lead' ? 'lead' : role === 'co' ? 'co' : 'plain');
      continue;
    }
    const lead = LEAD_VERB.exec(segment);
    if (lead && !label) {
      markers++;
      explicitLead = true;
      add(splitNames(lead[1]!), 'lead');
      continue;
    }
    const co = CO_VERB.exec(segment);
    if (co && !label) {
      markers++;
      add(splitNames(co[1]!), 'co');
      continue;
    }
    const plain = PLAIN_VERB.exec(segment);
    if (plain && !label) {
      markers++;
      add(splitNames(plain[1]!), role);
      continue;
    }
    add(splitNames(segment), role);
  }
  const agencies = [...leads, ...others];
  if (agencies.length === 0 && !statesLeadRule) return undefined;
  // Without any wording of responsibility, only a list of agency-like names is a list.
  if (markers === 0 && (unparsed.length > agencies.length || !looksLikeAgency(firstName(contents), known))) return undefined;
  return { agencies, explicitLead: explicitLead && leads.length > 0, byFunction: byFunction && !(explicitLead && leads.length > 0), statesLeadRule, ditto, unparsed };
}

/** Splits at the separators that are not inside a nested parenthesis (省委宣传部（省新闻出版局）). */
export function splitTopLevel(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index]!;
    if (char === '（' || char === '(') depth++;
    else if ((char === '）' || char === ')') && depth > 0) depth--;
    else if (depth === 0 && separator.test(char)) {
      parts.push(text.slice(start, index));
      start = index + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

function splitNames(text: string): string[] {
  const names: string[] = [];
  for (let name of splitTopLevel(text, /[、/]/)) {
    name = name.trim().replace(/^(由|请)/, '');
    const generic = GENERIC.exec(name);
    if (generic) {
      // 省发展改革委、省经信厅等有关部门: the named ones, then the rest of them as a collective.
      names.push(generic[1]!, `${generic[2] ?? '有关'}${generic[3]}${generic[4] ?? ''}`);
      continue;
    }
    name = name.replace(/等$/, '');
    if (name !== '') names.push(name);
  }
  return names;
}

function firstName(contents: string): string {
  return splitNames(splitTopLevel(contents, /[，,；;]/)[0] ?? '')[0] ?? '';
}

export function looksLikeAgency(name: string, known: (name: string) => boolean): boolean {
  if (known(name)) return true;
  if (name.length < 2 || name.length > 40 || /[。！？：:；;，,\s]|\d{4}年/.test(name)) return false;
  // （以下简称省数据局）, （含省属企业） explain a word; they name nobody responsible.
  if (/^(以下|下称|含|包括|即)|简称/.test(name)) return false;
  // 省委宣传部（省新闻出版局）: the name is what comes before its parenthesised second name.
  const base = name.replace(/[（(][^（）()]*[）)]$/, '');
  if (base !== name) return base.length >= 2 && looksLikeAgency(base, known);
  return AGENCY_SUFFIX.test(name) || guessAgencyKind(name).kind === 'collective' || /实验室$/.test(name);
}
