// Every string the command line prints itself (diagnostic messages come from the core).
import type { Locale } from '../core/index';

const strings = {
  usageError: { en: 'taskmatrix: {detail}\nRun "taskmatrix {command}--help" for usage.', 'zh-cn': 'taskmatrix：{detail}\n运行“taskmatrix {command}--help”查看用法。' },
  inputError: { en: 'taskmatrix: {detail}', 'zh-cn': 'taskmatrix：{detail}' },
  unknownCommand: { en: 'unknown command "{command}"', 'zh-cn': '未知命令“{command}”' },
  unknownFormat: { en: 'unknown format "{format}" for {command}; use one of {formats}', 'zh-cn': '{command} 不支持格式“{format}”；可用格式：{formats}' },
  badMaxWarnings: { en: '--max-warnings needs a whole number, not "{value}"', 'zh-cn': '--max-warnings 需要一个整数，而不是“{value}”' },
  badConcurrency: { en: '--concurrency takes auto, off or a number of threads, not "{value}"', 'zh-cn': '--concurrency 的取值为 auto、off 或线程数，而不是“{value}”' },
  badLocale: { en: 'unknown locale "{value}"; use en or zh-cn', 'zh-cn': '未知语言“{value}”；请使用 en 或 zh-cn' },
  noCommand: { en: 'no command given; use lint, graph, matrix, stats, report or import', 'zh-cn': '未指定命令；请使用 lint、graph、matrix、stats、report 或 import' },
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
  // import
  importOneFile: { en: 'import takes exactly one document (or - for standard input)', 'zh-cn': 'import 只接受一个文件（或用 - 表示标准输入）' },
  importNeedsId: { en: 'cannot make a document id from "{name}"; give one with --id (lower-case letters, digits and hyphens, e.g. zj-ai-2027)', 'zh-cn': '无法由“{name}”生成文件标识，请用 --id 指定（小写字母、数字和连字符，如 zj-ai-2027）' },
  importBadId: { en: '--id "{value}" is not a document id: use lower-case letters, digits and hyphens, e.g. zj-ai-2027', 'zh-cn': '--id“{value}”不是有效的文件标识：请使用小写字母、数字和连字符，如 zj-ai-2027' },
  importBadEncoding: { en: 'unknown encoding "{value}"; use auto, utf-8, gb18030 (also for GBK and GB2312) or utf-16le/utf-16be', 'zh-cn': '未知编码“{value}”；请使用 auto、utf-8、gb18030（也适用于 GBK、GB2312）或 utf-16le/utf-16be' },
  // The reason is the core's (the extension says the same), in the message's language.
  importUnreadable: { en: '{reason}', 'zh-cn': '{reason}' },
  importExists: { en: '{path} exists; use --force to overwrite it, or choose another -o', 'zh-cn': '{path} 已存在；如需覆盖请加 --force，或另选 -o 输出路径' },
  importNoRegistry: { en: '--update-registry needs a registry: give --registry FILE (no agencies.yaml was found)', 'zh-cn': '--update-registry 需要单位名录：请用 --registry FILE 指定（未找到 agencies.yaml）' },
  importRegistryBroken: { en: 'cannot add to {path}: it has errors ({detail}); fix them first (taskmatrix lint {path})', 'zh-cn': '无法向 {path} 添加单位：文件有错误（{detail}），请先修正（taskmatrix lint {path}）' },
  importRegistryShape: { en: 'cannot add to {path}: its "agencies:" is not a list of "- name: …" entries to append to', 'zh-cn': '无法向 {path} 添加单位：其“agencies:”不是可追加的“- name: ……”条目列表' },
  importSummary: { en: 'taskmatrix import: {input} ({format}) → {output}: {parts} parts, {measures} measures, {lists} agency lists, {targets} targets', 'zh-cn': 'taskmatrix import：{input}（{format}）→ {output}：{parts} 个部分，{measures} 项措施，{lists} 个责任单位括注，{targets} 项目标' },
  importStdout: { en: 'standard output', 'zh-cn': '标准输出' },
  importProblems: { en: 'Not fully understood ({count}); check these paragraphs:', 'zh-cn': '未能完全识别（{count} 处），请核对以下段落：' },
  importAllRead: { en: 'Every measure and agency list was read.', 'zh-cn': '所有措施和责任单位括注均已识别。' },
  importNewAgencies: { en: 'Not in {registry} ({count}): {names}', 'zh-cn': '{registry} 中没有的单位（{count} 个）：{names}' },
  importNewAgenciesHint: { en: 'Add them with --registry {registry} --update-registry.', 'zh-cn': '可加 --registry {registry} --update-registry 将其加入名录。' },
  importRegistryUpdated: { en: 'Added {count} agencies to {registry}; review the kinds marked "{mark}".', 'zh-cn': '已向 {registry} 添加 {count} 个单位；请核对标注“{mark}”的单位类别。' },
  importWithoutRegistry: { en: 'No agency registry (agencies.yaml) found: names are written as printed. Give --registry FILE to check them.', 'zh-cn': '未找到单位名录（agencies.yaml）：单位名称按原文写出。可用 --registry FILE 核对。' },
} satisfies Record<string, Record<Locale, string>>;

export type CliMessage = keyof typeof strings;

/** A command-line string in the given locale, `{name}` placeholders filled. */
export function t(locale: Locale, key: CliMessage, args: Record<string, string | number> = {}): string {
  return strings[key][locale].replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}
