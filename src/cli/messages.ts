// Every string the command line prints itself (diagnostic messages come from the core).
import type { Locale } from '../core/index';

const strings = {
  usageError: { en: 'taskmatrix: {detail}\nRun "taskmatrix {command}--help" for usage.', 'zh-cn': 'taskmatrix：{detail}\n运行“taskmatrix {command}--help”查看用法。' },
  unknownCommand: { en: 'unknown command "{command}"', 'zh-cn': '未知命令“{command}”' },
  unknownFormat: { en: 'unknown format "{format}" for {command}; use one of {formats}', 'zh-cn': '{command} 不支持格式“{format}”；可用格式：{formats}' },
  badMaxWarnings: { en: '--max-warnings needs a whole number, not "{value}"', 'zh-cn': '--max-warnings 需要一个整数，而不是“{value}”' },
  badLocale: { en: 'unknown locale "{value}"; use en or zh-cn', 'zh-cn': '未知语言“{value}”；请使用 en 或 zh-cn' },
  noCommand: { en: 'no command given; use lint, graph, matrix, stats or report', 'zh-cn': '未指定命令；请使用 lint、graph、matrix、stats 或 report' },
  guidelinesTitle: { en: '{count} guidelines', 'zh-cn': '{count} 份指导意见' },
  mermaidMissing: { en: 'dist/mermaid.min.js is missing; run "npm run build" first', 'zh-cn': '缺少 dist/mermaid.min.js，请先运行“npm run build”' },
  unknownAgency: { en: 'no agency "{value}" in these guidelines', 'zh-cn': '这些指导意见中没有单位“{value}”' },
  unknownAgencySuggest: { en: 'no agency "{value}" in these guidelines; did you mean "{suggestion}"?', 'zh-cn': '这些指导意见中没有单位“{value}”，是否应为“{suggestion}”？' },
  unknownChapter: { en: 'no part "{value}"; the parts with measures are {available}', 'zh-cn': '没有第“{value}”部分；含措施的部分为 {available}' },
  gridNotJson: { en: '--grid applies to csv, markdown and html; the JSON matrix already lists both views', 'zh-cn': '--grid 仅适用于 csv、markdown 和 html；JSON 已包含两种视图所需的数据' },
  statsAgency: { en: 'Agency', 'zh-cn': '单位' },
  statsLed: { en: 'Led', 'zh-cn': '牵头' },
  statsCo: { en: 'Co-owned', 'zh-cn': '配合' },
  statsNoLead: { en: 'No-lead', 'zh-cn': '无牵头' },
  statsTotal: { en: 'Total', 'zh-cn': '合计' },
  reportWritten: { en: 'Written to {dir}:', 'zh-cn': '已写入 {dir}：' },
  reportTopLoads: { en: 'Heaviest agency loads', 'zh-cn': '任务最重的单位' },
  cannotWrite: { en: 'cannot write {path}: {reason}', 'zh-cn': '无法写入 {path}：{reason}' },
  cannotRead: { en: 'cannot read {path}: {reason}', 'zh-cn': '无法读取 {path}：{reason}' },
  cacheNotWritten: { en: 'taskmatrix: warning: the lint cache {path} could not be written: {reason}', 'zh-cn': 'taskmatrix：警告：无法写入检查缓存 {path}：{reason}' },
  noFiles: { en: 'no task files (*.yaml, *.yml) found in {paths}', 'zh-cn': '在 {paths} 中没有找到任务文件（*.yaml、*.yml）' },
  configInvalid: { en: 'the configuration {path} is invalid:', 'zh-cn': '配置文件 {path} 无效：' },
  noRegistry: {
    en: 'taskmatrix: warning: no agency registry (agencies.yaml) found for {path}; agency names are not checked.',
    'zh-cn': 'taskmatrix：警告：未找到 {path} 对应的单位名录（agencies.yaml），不核对单位名称。',
  },
  errorsInInput: { en: 'taskmatrix: {count} error(s) in the input; the output shows what could be understood. Run "taskmatrix lint" for details.', 'zh-cn': 'taskmatrix：输入中有 {count} 个错误，输出仅包含可解析的部分。运行“taskmatrix lint”查看详情。' },
  summaryProblems: { en: '{total} problem(s) ({errors} error(s), {warnings} warning(s), {infos} info)', 'zh-cn': '共 {total} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个提示）' },
  summaryClean: { en: 'No problems.', 'zh-cn': '没有发现问题。' },
  summarySuppressed: { en: '{count} finding(s) acknowledged by taskmatrix-disable-next-line comments', 'zh-cn': '{count} 项已通过 taskmatrix-disable-next-line 注释确认' },
  maxWarningsExceeded: { en: 'taskmatrix: too many warnings ({count}, at most {max} allowed).', 'zh-cn': 'taskmatrix：警告过多（{count} 个，最多允许 {max} 个）。' },
  reportTitle: { en: 'taskmatrix report: {files} file(s), {documents} guideline(s), {measures} measures, {agencies} agencies', 'zh-cn': 'taskmatrix 报告：{files} 个文件，{documents} 份指导意见，{measures} 项措施，{agencies} 个单位' },
  reportDiagnostics: { en: 'Diagnostics', 'zh-cn': '诊断' },
  reportLeads: { en: 'Lead agency of every measure (牵头单位)', 'zh-cn': '各项措施的牵头单位' },
  reportNoLead: { en: 'Measures without a lead ({count})', 'zh-cn': '无牵头单位的措施（{count} 项）' },
  reportNoLeadNone: { en: 'Every measure has a lead.', 'zh-cn': '所有措施均有牵头单位。' },
  reportCo: { en: '+{count} co-responsible', 'zh-cn': '另有 {count} 个配合单位' },
  noLeadReason_byFunction: { en: 'by function (根据职能分工各自负责)', 'zh-cn': '根据职能分工各自负责' },
  noLeadReason_joint: { en: 'joint: the document names no lead', 'zh-cn': '文件未指定牵头单位' },
  noLeadReason_collective: { en: 'first agency is a collective', 'zh-cn': '首位单位为集合性主体' },
  noLeadReason_noneListed: { en: 'no agency listed', 'zh-cn': '未列出责任单位' },
  noLeadMarker: { en: 'no lead', 'zh-cn': '无牵头单位' },
  suppressedHeading: { en: 'Acknowledged findings', 'zh-cn': '已确认的问题' },
  noReason: { en: '(no reason given)', 'zh-cn': '（未说明理由）' },
} satisfies Record<string, Record<Locale, string>>;

export type CliMessage = keyof typeof strings;

/** A command-line string in the given locale, `{name}` placeholders filled. */
export function t(locale: Locale, key: CliMessage, args: Record<string, string | number> = {}): string {
  return strings[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
