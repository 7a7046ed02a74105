// Reading the responsibility parenthesis that ends a measure, in the conventions of Chinese policy
// documents:
//   （省科技厅、省发展改革委，排名第一的为牵头单位，下同）   first listed leads, here and below
//   （省发展改革委、省经信厅，根据职能分工各自负责）         each within its remit: no lead
//   （牵头单位：省科技厅；配合单位：省财政厅、省教育厅）     labelled fields
//   （省科技厅牵头，省财政厅、省教育厅配合）                 verbs
//   （省发展改革委、省经信厅等有关部门负责）                 generic actors (a collective)
//   （省科技厅、省经信厅）                                   plain: leads only under a lead rule
// A deadline inside the list (（省科技厅牵头，2025年底前完成）, 完成时限：2026年6月) names nobody: it is
// kept apart as the measure's deadline (deadline-phrase.ts).
import { guessAgencyKind } from '../model/agency-kind';
import { DEADLINE_LABEL_WORDS, deadlineOfLabel, deadlinePhrase } from './deadline-phrase';

export interface ResponsibilityList {
  /** Agency names in order; an explicitly named lead comes first. */
  agencies: string[];
  /** A lead is named in so many words (牵头单位：A, A牵头). */
  explicitLead: boolean;
  /** How many agencies the words name as leading: two or more (A、B牵头) is no single lead. */
  leadCount: number;
  /** 根据职能分工各自负责 and its variants, with no explicit lead. */
  byFunction: boolean;
  /** The list states the lead rule (排名第一的为牵头单位). */
  statesLeadRule: boolean;
  /** 下同: the list's convention holds for the lists that follow. */
  ditto: boolean;
  /** Fragments that are neither agency names nor a known convention. */
  unparsed: string[];
  /** The deadline the list states (2025年底前, 长期坚持), as written; absent when it states none. */
  deadline?: string;
}

/** 排名第一的为牵头单位, 列第一位者为牵头单位, 排在第一位的部门为牵头部门, 第一个单位为牵头单位, 排在首位的为牵头单位 */
export const LEAD_RULE = /(第一|首位|首个|第1|前面|最前)[^，。；,;]{0,8}?(为|是|的)[^，。；,;]{0,4}?牵头|牵头(单位|部门)为(排|列)/;
const DITTO = /^(以下|下文|下|后)同$/;
const BY_FUNCTION = /(?:(?:根据|按照|依据|按)?(?:各自)?(?:职能|职责)(?:分工)?(?:各自|分别)?(?:牵头)?|分别|各自|各负其责)(?:负责|落实|推进)*(?:相关工作|有关工作|各项工作)?$/;
export const LABEL = /^(?:主要)?(主办|协办|配合|参与|责任|牵头责任单位|牵头单位|牵头部门|牵头处室|牵头|主办单位|主责单位|主责部门|主体责任单位|责任单位|责任部门|责任处室|责任主体|负责单位|负责部门|具体责任单位|实施单位|实施主体|实施部门|承办单位|配合单位|配合部门|协办单位|协办部门|参与单位|参与部门|协同单位|协同部门|支持单位|协助单位)\s*[:：]\s*/;
export const IGNORED_LABEL = new RegExp(`^(?:${DEADLINE_LABEL_WORDS}|预期成果|责任领导|分管领导|牵头领导|责任人|联系人)\\s*[:：]`);
// A deadline written inside the list (2025年6月底前完成, 长期坚持, 持续推进): a date, not an agency.
const DEADLINE = /^(?:于|在)?(?:\d{4}年|\d{1,2}月|[一二三四]季度|年底|年内|长期|持续|逐步|定期|每年|每季度|每月|及时|20\d\d)[^、]*$|(?:前|底|内)完成$|^(?:长期坚持|持续推进|持续实施|长期推进)$/;
const LEAD_VERB = /^(?:由)?(.+?)(?:负责)?(?:分别)?牵头(?:负责|实施|推进|落实|组织|抓总)?$/;
// 由A会同B、C负责: A leads, the others work with it.
const TOGETHER_WITH = /^(?:由)?(.+?)会同(.+?)(?:共同)?(?:负责|推进|落实|实施)?$/;
const CO_VERB = /^(.+?)(?:按职责(?:分工)?)?(?:共同|组织|积极)?(?:配合|参与|协同|协助|协办|支持)(?:实施|推进|落实)?$/;
const PLAIN_VERB = /^(?:由)?(.+?)(?:按职责(?:分工)?)?(?:共同|具体|组织|抓好|负责|配合)?(?:负责|落实|实施|推进|执行)(?:落实|实施|推进)?(?:相关工作|有关工作|各项工作)?$/;
const PLACE_SUFFIX = /(新区|区|县|旗|街道|镇|乡|兵团|片区|社区)$/;
// …、机场分局为实施单位: the units named are the ones who carry the measure out.
const LEAD_ROLE_SUFFIX = /^(.+?)(?:为|作为|是)(?:牵头单位|牵头部门|牵头责任单位|主责单位|主责部门)$/;
const ROLE_SUFFIX = /^(.+?)(?:为|作为|是)(?:实施单位|责任单位|配合单位|参与单位|实施主体|责任主体)$/;
// 行 only as a bank (人行杭州中心支行): 试行 and 暂行 are not agencies.
const AGENCY_SUFFIX = /(厅|委|局|办|部|院|署|会|处|科|室|所|司|中心|政府|单位|部门|机关|机构|公司|集团|国企|银行|支行|分行|小组|联|协|团|社|台|站|馆|队|校|大学|海关|委员会|领导小组|管委会|人大|政协|法院|检察院|专班|工作组|中央|新区|[^各]区|县|旗|街道|镇|乡|兵团)$/;

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
  let deadline: string | undefined;
  let role: Role = 'plain';
  // 负责 said of one agency beside others that 配合: that one leads (A负责，B、C配合).
  const responsible: string[] = [];
  let coByVerb = false;
  const add = (names: string[], as: Role) => {
    for (let name of names) {
      let nameRole = as;
      // 区发改局（牵头）: the mark after a name makes it the lead.
      const marked = /^(.+?)\s*[（(](?:牵头|牵头单位|牵头部门)[）)]$/.exec(name);
      if (marked) {
        name = marked[1]!;
        nameRole = 'lead';
        explicitLead = true;
        markers++;
      }
      if (!looksLikeAgency(name, known)) unparsed.push(name);
      else if (nameRole === 'lead') leads.push(name);
      else others.push(name);
    }
  };
  // 、 after a verb ends a clause as ， does: A牵头负责、B组织落实.
  // A label in the middle of a clause starts a new one (牵头单位：A 配合单位：B, run together when
  // a table's cells were copied as one line).
  const clauses = contents
    .replace(/\s*\n\s*/g, '；')
    .replace(/(牵头负责|牵头|负责|配合|落实|实施)、/g, '$1，')
    .replace(/(?<=[^，,；;：:\s])\s*(?=(?:牵头|配合|协办|参与|责任|主责)(?:单位|部门|处室)\s*[:：])/g, '；');
  for (let segment of splitTopLevel(clauses, /[，,；;。]/)) {
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
    if (IGNORED_LABEL.test(segment) || DEADLINE.test(segment)) {
      markers++;
      // The first deadline that reads is the measure's: 2024年底前启动 says more than a date and is passed over.
      deadline ??= deadlineOfLabel(segment) ?? deadlinePhrase(segment);
      continue;
    }
    const label = LABEL.exec(segment) ?? /^(牵头[\u4e00-\u9fff]{0,6}|[\u4e00-\u9fff]{0,4}(?:责任|配合|协办|参与)[\u4e00-\u9fff]{0,4})\s*[:：]\s*/.exec(segment);
    if (label) {
      markers++;
      role = /牵头|主办|主责|主体/.test(label[1]!) ? 'lead' : /配合|协办|参与|协同|支持|协助/.test(label[1]!) ? 'co' : role === 'lead' ? 'co' : 'plain';
      if (role === 'lead') explicitLead = true;
      segment = segment.slice(label[0].length).trim();
      if (segment === '' || /^(无|暂无|\/|—+|-)$/.test(segment)) continue;
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
    const together = TOGETHER_WITH.exec(segment);
    if (together && !label && looksLikeAgency(splitNames(together[1]!)[0] ?? '', known)) {
      markers++;
      explicitLead = true;
      add(splitNames(together[1]!), 'lead');
      add(splitNames(together[2]!), 'co');
      continue;
    }
    const lead = LEAD_VERB.exec(segment);
    if (lead && (!label || role !== 'co')) {
      markers++;
      explicitLead = true;
      add(splitNames(lead[1]!), 'lead');
      continue;
    }
    const leading = LEAD_ROLE_SUFFIX.exec(segment);
    if (leading) {
      markers++;
      explicitLead = true;
      add(splitNames(leading[1]!), 'lead');
      continue;
    }
    const implementing = ROLE_SUFFIX.exec(segment);
    if (implementing) {
      markers++;
      add(splitNames(implementing[1]!), role === 'lead' ? 'co' : role);
      continue;
    }
    const co = CO_VERB.exec(segment);
    if (co && !label) {
      markers++;
      coByVerb = true;
      add(splitNames(co[1]!), 'co');
      continue;
    }
    const plain = PLAIN_VERB.exec(segment);
    if (plain && !label) {
      markers++;
      const names = splitNames(plain[1]!);
      if (role === 'plain' && leads.length === 0 && others.length === 0) for (const name of names) responsible.push(name);
      add(names, role);
      continue;
    }
    add(splitNames(segment), role);
  }
  if (!explicitLead && coByVerb && responsible.length === 1 && others[0] === responsible[0]) {
    explicitLead = true;
    leads.push(others.shift()!);
  }
  // A name given twice (as 配合 and as 实施主体) is one agency of the measure.
  const agencies = [...new Set([...leads, ...others])];
  if (agencies.length === 0 && !statesLeadRule) return undefined;
  // Without any wording of responsibility, only a list of agency-like names is a list.
  // A place (（朱桥片区）, （浦东新区）) alone is no list: the first name must be a body's.
  if (markers === 0 && (unparsed.length > agencies.length || !looksLikeAgency(firstName(contents), known) || (!known(firstName(contents)) && PLACE_SUFFIX.test(firstName(contents)) && !/^各/.test(firstName(contents))))) return undefined;
  const hasLead = explicitLead && leads.length > 0;
  return { agencies, explicitLead: hasLead, leadCount: hasLead ? leads.length : 0, byFunction: byFunction && !hasLead, statesLeadRule, ditto, unparsed, ...(deadline === undefined ? {} : { deadline }) };
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
  for (let name of joinLevelWords(splitTopLevel(text, /[、/]/))) {
    name = name.trim().replace(/^(由|请|和|及|以及)/, '').replace(/(负责|牵头)$/, '');
    // 省发展改革委、省经信厅等有关部门: the named ones, then the rest of them as a collective.
    const etc = /^(.+?)等(?:和|及|以及)?(.*)$/.exec(name);
    if (etc) {
      for (const part of splitJoined(etc[1]!)) names.push(part);
      const rest = etc[2]!;
      if (rest !== '' && !/^(部门|单位|部门和单位|单位和部门|部门单位|方面|机构)$/.test(rest)) names.push(rest);
      continue;
    }
    for (const part of splitJoined(name)) names.push(part);
  }
  return names.filter((name) => name !== '');
}

/**
 * 各省、自治区、直辖市人民政府 and 各市、县（市、区）人民政府 are one name: a piece that is only an
 * administrative level (各省, 自治区, 县) belongs with the piece after it.
 */
const LEVEL_WORD = /^各?(省|市|县|区|州|盟|旗|乡|镇|自治区|直辖市|自治州|地区|县级市|市州|市县|区县|街道|乡镇|镇街|计划单列市|新疆生产建设兵团)$/;

// What may follow such a piece: another level, or the level with its government (县（市、区）人民政府).
const LEVEL_CONTINUES = /^(?:自治区|直辖市|自治州|县级市|计划单列市|新疆生产建设兵团|[省市县区州盟旗乡镇])(?:[（(][^）)]*[）)])?(?:[\u4e00-\u9fff]{0,6}(?:人民政府|政府|党委|管委会))?$/;

function joinLevelWords(pieces: string[]): string[] {
  const joined: string[] = [];
  let pending = '';
  for (const piece of pieces) {
    const text = piece.trim();
    if ((LEVEL_WORD.test(text) || pending !== '') && LEVEL_CONTINUES.test(pieces[pieces.indexOf(piece) + 1]?.trim() ?? '')) {
      pending += `${text}、`;
      continue;
    }
    // 各有关区、县级市: a level word after a collective of another level joins it.
    const previous = joined[joined.length - 1];
    if (pending === '' && previous && /^各/.test(previous) && /^(县级市|县|市|区|旗|自治县|乡|镇|街道|园区)$/.test(text)) {
      joined[joined.length - 1] = `${previous}、${text}`;
      continue;
    }
    joined.push(pending + text);
    pending = '';
  }
  if (pending !== '') joined.push(pending.replace(/、$/, ''));
  return joined;
}

/**
 * Splits names joined by 和 / 及 / 以及, and names printed without their 、 (省科技厅省财政厅),
 * only where both halves are names: 省文化和旅游厅 and 工业和信息化部 stay whole.
 */
function splitJoined(name: string): string[] {
  const joined = /^(.{2,}?(?:厅|委|局|办|部|院|署|会|政府|中心|部门|单位|公司|集团))(?:和|及|以及|与)(.{2,})$/.exec(name);
  if (joined && isPlainAgency(joined[1]!) && (isPlainAgency(joined[2]!) || /^各/.test(joined[2]!))) return [joined[1]!, ...splitJoined(joined[2]!)];
  const glued = /^(.{3,}?(?:厅|委|局|办|署))((?:省|市|区|县|国家)[^、]{2,})$/.exec(name);
  if (glued && isPlainAgency(glued[1]!) && isPlainAgency(glued[2]!)) return [glued[1]!, ...splitJoined(glued[2]!)];
  return [name.replace(/等$/, '')];
}

function isPlainAgency(name: string): boolean {
  return name.length >= 3 && AGENCY_SUFFIX.test(name) && !/^(有关|相关)?(部门|单位)$/.test(name);
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
