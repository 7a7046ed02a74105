// Guessing an agency's kind from its name, for entries added to the registry by a quick fix or by
// `taskmatrix import`. Only `collective` can be told with confidence from the wording; every other
// guess is marked for a drafter to review.
import { formatMessage } from '../wording/messages';
import { AGENCY_KINDS } from './model';
import type { AgencyKind } from './model';
import type { Locale } from '../types';

export interface KindGuess {
  kind: AgencyKind;
  /** False when the name alone does not settle the kind and a person should check it. */
  certain: boolean;
}

// 各省级人民政府, 各设区市政府, 有关部门和单位, 相关单位, 省数字经济领导小组各成员单位, …
const COLLECTIVE = /^各|^(区属|市属|省属|县属)(国企|国有企业|企业)$|(有关|相关)(部门|单位|方面|地区|机构|地方)|各.*(成员单位|部门|单位|政府|机构|处室|专班)$|^(有关|相关|其他|其余)|成员单位$|^(地方各级|全区|全市|全省).*(政府|部门|单位)$/;
const LAB = /实验室$|科学院$|科院$|研究院$|研究所$|研究中心$/;
const FINANCIAL = /银行|支行|分行|金融监管|证监|保险|金融控股|信用社|交易所/;
const ENTERPRISE = /公司$|集团$|有限|股份/;
const PARTY = /^(省|市|县|区)?(委|党委)|宣传部|组织部|统战部|政法委|网信办|人才办|编办|团省委|团市委|纪委|监委|总工会|妇联|共青团/;

export function guessAgencyKind(name: string): KindGuess {
  if (COLLECTIVE.test(name)) return { kind: 'collective', certain: true };
  if (LAB.test(name)) return { kind: 'lab', certain: false };
  // Before FINANCIAL: a company is an enterprise even when it does finance (省金融控股公司).
  if (ENTERPRISE.test(name)) return { kind: 'enterprise', certain: false };
  if (FINANCIAL.test(name)) return { kind: 'financial', certain: false };
  if (PARTY.test(name)) return { kind: 'party', certain: false };
  return { kind: 'government', certain: false };
}

/** A registry kind in words (政府部门, government department); a value outside the schema as written. */
export function agencyKindLabel(kind: string, locale: Locale): string {
  return (AGENCY_KINDS as readonly string[]).includes(kind) ? formatMessage(locale, `kind.${kind as AgencyKind}`) : kind;
}
