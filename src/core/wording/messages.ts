// Every message the engine can emit, in English and Simplified Chinese.
// Rules refer to messages by key so that the CLI and the editor show the same words.
import type { Locale } from '../types';

type Catalog = Record<string, Record<Locale, string>>;

const catalog = {
  // yaml-syntax
  'yaml.generic': {
    en: 'YAML syntax error: {detail}',
    'zh-cn': 'YAML 语法错误：{detail}',
  },
  'yaml.duplicateKey': {
    en: 'Duplicate key "{key}": each key may appear only once in a mapping. Remove or rename one of them.',
    'zh-cn': '重复的键“{key}”：同一映射中每个键只能出现一次，请删除或重命名其中之一。',
  },
  'yaml.duplicateKeyUnnamed': {
    en: 'Duplicate key: each key may appear only once in a mapping. Remove or rename one of them.',
    'zh-cn': '重复的键：同一映射中每个键只能出现一次，请删除或重命名其中之一。',
  },
  'yaml.multipleDocuments': {
    en: 'The file holds several YAML documents (separated by ---); a task file must be a single document.',
    'zh-cn': '文件包含多个 YAML 文档（以 --- 分隔）；任务文件只能是一个文档。',
  },
  'yaml.badIndent': {
    en: 'Bad indentation: {detail}. Align this line with its siblings.',
    'zh-cn': '缩进错误：{detail}。请与同级条目对齐。',
  },
  'yaml.tab': {
    en: 'Tabs are not allowed for indentation in YAML; use spaces.',
    'zh-cn': 'YAML 不允许用制表符缩进，请改用空格。',
  },
  'yaml.aliasLimit': {
    en: 'The YAML aliases of this file expand to far more than is written; this looks like an alias bomb. Write the values out instead of using *aliases.',
    'zh-cn': '文件中的 YAML 别名展开后远超实际书写内容，疑似“别名炸弹”。请直接写出取值，不要使用 *别名。',
  },
  'yaml.unclosed': {
    en: 'This "{open}" is never closed: end the list with "{close}" (a list that goes on over several lines must indent them further).',
    'zh-cn': '此处的“{open}”没有闭合：请以“{close}”结束列表（跨行的列表需将后续行缩进更多）。',
  },
  'yaml.unresolvedAlias': {
    en: 'The alias *{alias} names no anchor &{alias} defined before it; write the value out.',
    'zh-cn': '别名 *{alias} 之前没有定义锚点 &{alias}；请直接写出取值。',
  },
  'yaml.tooDeep': {
    en: 'The file nests too deeply to be read; a task file needs only a few levels.',
    'zh-cn': '文件嵌套层级过深，无法读取；任务文件只需少数几层。',
  },
  'yaml.tooLarge': {
    en: 'The file is larger than the {limit} MB a task file may have; split it into several guidelines.',
    'zh-cn': '文件超过任务文件上限 {limit} MB；请拆分为多个文件。',
  },
  'yaml.binary': {
    en: 'The file is not text (it contains NUL bytes); a task file must be UTF-8 YAML.',
    'zh-cn': '文件不是文本（含 NUL 字节）；任务文件必须是 UTF-8 编码的 YAML。',
  },

  'yaml.utf16': {
    en: 'The file is UTF-16 text; save it as UTF-8 (in Notepad or Word: Save As, encoding UTF-8).',
    'zh-cn': '文件为 UTF-16 编码；请另存为 UTF-8（记事本或 Word 中“另存为”，编码选择 UTF-8）。',
  },
  'yaml.encoding': {
    en: 'The file is not valid UTF-8 text; save it as UTF-8 (files in GB18030/GBK must be converted first).',
    'zh-cn': '文件不是有效的 UTF-8 文本；请另存为 UTF-8（GB18030/GBK 编码的文件需先转换）。',
  },

  // schema
  'schema.empty': {
    en: 'The file is empty: a {kind} needs at least {required}.',
    'zh-cn': '文件为空：{kind}至少需要 {required}。',
  },
  'schema.rootType': {
    en: 'A {kind} file must be a mapping of keys (such as {required}), not {actual}.',
    'zh-cn': '{kind}文件必须是键值映射（如 {required}），而不是{actual}。',
  },
  'schema.type': {
    en: '{what} must be {expected}, not {actual}.',
    'zh-cn': '{what}应为{expected}，而不是{actual}。',
  },
  'schema.quoteId': {
    en: '{what} must be a quoted string such as "{example}"; unquoted, YAML reads {actual} as a number.',
    'zh-cn': '{what}必须是带引号的字符串，如 "{example}"；不加引号时 YAML 会把 {actual} 读作数字。',
  },
  'schema.required': {
    en: '{what} is missing the required key "{key}".',
    'zh-cn': '{what}缺少必填键“{key}”。',
  },
  'schema.unknownKey': {
    en: 'Unknown key "{key}" in {what}. Allowed keys: {allowed}.',
    'zh-cn': '{what}中有未知的键“{key}”。允许的键：{allowed}。',
  },
  'schema.unknownKeySuggest': {
    en: 'Unknown key "{key}" in {what}; did you mean "{suggestion}"? Allowed keys: {allowed}.',
    'zh-cn': '{what}中有未知的键“{key}”，是否应为“{suggestion}”？允许的键：{allowed}。',
  },
  'schema.enum': {
    en: '{what} must be one of {allowed}, not "{actual}".',
    'zh-cn': '{what}只能取 {allowed} 之一，而不是“{actual}”。',
  },
  'schema.pattern': {
    en: '{what} is "{actual}", which is not in the expected form; write it like "{example}".',
    'zh-cn': '{what}为“{actual}”，格式不正确，应写作“{example}”这样的形式。',
  },
  'schema.minLength': {
    en: '{what} must not be empty.',
    'zh-cn': '{what}不能为空。',
  },
  'schema.minimum': {
    en: '{what} must be at least {limit}, not {actual}.',
    'zh-cn': '{what}不能小于 {limit}，当前为 {actual}。',
  },
  'schema.maximum': {
    en: '{what} must be at most {limit}, not {actual}.',
    'zh-cn': '{what}不能大于 {limit}，当前为 {actual}。',
  },
  'schema.minItems': {
    en: '{what} must have at least {limit} item(s).',
    'zh-cn': '{what}至少需要 {limit} 项。',
  },
  'schema.uniqueItems': {
    en: '{what} lists "{actual}" more than once.',
    'zh-cn': '{what}中“{actual}”出现了不止一次。',
  },
  'schema.other': {
    en: '{what}: {detail}.',
    'zh-cn': '{what}：{detail}。',
  },
  'schema.truncated': {
    en: 'Only the first {limit} schema problems of this file are listed; fix them and lint again to see the rest.',
    'zh-cn': '本文件只列出前 {limit} 个 schema 问题；请先修正这些问题，再重新检查以查看其余问题。',
  },

  // semantic rules
  'duplicate-id.measure': {
    en: 'Measure id "{id}" is already used by the measure on line {otherLine}; every measure needs its own id.',
    'zh-cn': '措施编号“{id}”已被第 {otherLine} 行的措施使用；每项措施的编号必须唯一。',
  },
  'duplicate-id.chapter': {
    en: 'Chapter id "{id}" is already used by the chapter on line {otherLine}; every chapter needs its own id.',
    'zh-cn': '章节编号“{id}”已被第 {otherLine} 行的章节使用；每个章节的编号必须唯一。',
  },
  'duplicate-id.target': {
    en: 'Target id "{id}" is already used by the target on line {otherLine}; every target needs its own id.',
    'zh-cn': '目标编号“{id}”已被第 {otherLine} 行的目标使用；每个目标的编号必须唯一。',
  },
  'duplicate-id.agency': {
    en: 'Agency "{id}" is already defined on line {otherLine}; each agency name and alias may be defined only once.',
    'zh-cn': '单位“{id}”已在第 {otherLine} 行定义；每个单位名称和别名只能定义一次。',
  },
  'unknown-agency.suggest': {
    en: 'Unknown agency "{name}": it is not in the registry {registry}. Did you mean "{suggestion}"?',
    'zh-cn': '未知单位“{name}”：单位名录 {registry} 中没有该单位。是否应为“{suggestion}”？',
  },
  'unknown-agency.plain': {
    en: 'Unknown agency "{name}": it is not in the registry {registry}. Add it there or use a registry name.',
    'zh-cn': '未知单位“{name}”：单位名录 {registry} 中没有该单位。请将其加入名录，或改用名录中的名称。',
  },
  'unknown-agency.noRegistry': {
    en: 'Agency "{name}" cannot be checked: no agency registry (agencies.yaml) was found next to this file or in a parent folder.',
    'zh-cn': '无法核对单位“{name}”：在本文件所在目录及上级目录中未找到单位名录（agencies.yaml）。',
  },
  'duplicate-agency.same': {
    en: 'Agency "{name}" is listed twice in measure {measure}; remove the repeated entry.',
    'zh-cn': '措施 {measure} 重复列出了单位“{name}”，请删除重复项。',
  },
  'duplicate-agency.alias': {
    en: '"{name}" is {canonical}, which measure {measure} already lists as "{first}"; remove the repeated entry.',
    'zh-cn': '“{name}”即“{canonical}”，措施 {measure} 已以“{first}”列出，请删除重复项。',
  },
  'no-lead.by-function': {
    en: 'Measure {measure} has no lead agency: its agencies work by function (根据职能分工各自负责). Name a lead first with division: lead-first, or acknowledge this.',
    'zh-cn': '措施 {measure} 没有牵头单位：各单位根据职能分工各自负责。如需牵头单位，请将其列在首位并设 division: lead-first，或确认此情况。',
  },
  'no-lead.joint': {
    en: 'Measure {measure} has no lead agency: the document designates none (division: joint). Name a lead first, or acknowledge this.',
    'zh-cn': '措施 {measure} 没有牵头单位：文件未指定牵头单位（division: joint）。请将牵头单位列在首位，或确认此情况。',
  },
  'no-lead.collective': {
    en: 'Measure {measure} has no single accountable lead: its first agency "{name}" is a collective. List an agency that can lead first.',
    'zh-cn': '措施 {measure} 没有明确的牵头单位：首位单位“{name}”是集合性主体。请将能够牵头的单位列在首位。',
  },
  'no-lead.none-listed': {
    en: 'Measure {measure} names no responsible agency; add the agencies (the lead first).',
    'zh-cn': '措施 {measure} 未列出任何责任单位，请补充（牵头单位列在首位）。',
  },
  'alias-agency': {
    en: '"{name}" is an alias; write the registry name "{canonical}".',
    'zh-cn': '“{name}”是别名，请写作名录中的名称“{canonical}”。',
  },
  'unused-agency': {
    en: 'Agency "{name}" is named by no measure of the guidelines that use this registry; remove it, or list it where it is responsible.',
    'zh-cn': '单位“{name}”未被使用本名录的任何措施提及；请删除该单位，或在其负责的措施中列出。',
  },
  'deadline-format.suggest': {
    en: 'The deadline "{deadline}" of {owner} cannot be read; did you mean "{suggestion}" ({reading})?',
    'zh-cn': '{owner}的完成时限“{deadline}”无法识别；是否应为“{suggestion}”（{reading}）？',
  },
  'deadline-format.plain': {
    en: 'The deadline "{deadline}" of {owner} cannot be read; write it as the document does, like 2025年底前, 2026年6月, 2026年一季度, 2027-12-31 or 长期坚持.',
    'zh-cn': '{owner}的完成时限“{deadline}”无法识别；请按原文写作“2025年底前”“2026年6月”“2026年一季度”“2027-12-31”或“长期坚持”等形式。',
  },
  'deadline.due': { en: 'due {due}', 'zh-cn': '到期日 {due}' },
  'deadline.ongoing': { en: 'ongoing, no due date', 'zh-cn': '长期任务，无到期日' },
  'deadline.undated': { en: 'no year, so no due date', 'zh-cn': '未写年份，无法确定到期日' },
  overdue: {
    en: 'Measure {measure} was due on {due} ("{deadline}"), before {today}, and is not done (status: {status}); record its progress or set status: done.',
    'zh-cn': '措施 {measure} 的完成时限为 {due}（“{deadline}”），早于 {today}，但尚未完成（状态：{status}）；请补充进展或将 status 设为 done。',
  },
  'missing-deadline': {
    en: 'Measure {measure} has no deadline (完成时限); add deadline: in the document\'s words, e.g. 2025年底前 or 长期坚持.',
    'zh-cn': '措施 {measure} 未填写完成时限；请按原文添加 deadline，如“2025年底前”或“长期坚持”。',
  },
  'status.not-started': { en: 'not started', 'zh-cn': '未启动' },
  'status.in-progress': { en: 'in progress', 'zh-cn': '推进中' },
  'status.done': { en: 'done', 'zh-cn': '已完成' },
  'status.delayed': { en: 'delayed', 'zh-cn': '滞后' },
  'status.none': { en: 'not recorded', 'zh-cn': '未填写' },

  // quick fixes
  'fix.replace': { en: 'Replace with "{name}"', 'zh-cn': '替换为“{name}”' },
  'fix.remove': { en: 'Remove the repeated "{name}"', 'zh-cn': '删除重复的“{name}”' },
  'fix.deadline': { en: 'Write the deadline as "{deadline}"', 'zh-cn': '将完成时限改为“{deadline}”' },
  // taskmatrix import
  'import.noList': {
    en: 'this item names no responsible agency while the items beside it do; it was not imported as a measure',
    'zh-cn': '该条目未列责任单位（同级其他条目均有），未作为措施导入',
  },
  'import.unreadName': {
    en: '"{name}" in the responsibility list is not an agency name; it was left out',
    'zh-cn': '责任单位括注中的“{name}”不是单位名称，已略去',
  },
  'import.strayList': {
    en: '{list} reads like a responsibility list but does not end a measure; it was not used',
    'zh-cn': '{list} 像是责任单位括注，但不在措施末尾，未采用',
  },
  'import.partList': {
    en: 'a responsibility list on a part heading belongs to no measure; number the measures (（一）…) to import it',
    'zh-cn': '责任单位括注位于部分标题上，不属于任何措施；请为措施编号（（一）……）后再导入',
  },
  'import.noMeasures': {
    en: 'no measure with a responsibility list was found in this document (no （…负责）, （牵头单位：…）, 责任单位：… or task table); is it a policy document?',
    'zh-cn': '文件中未找到带责任单位的措施（无“（……负责）”“（牵头单位：……）”“责任单位：……”或任务分工表），请确认是否为政策文件',
  },
  'import.beforeParts': {
    en: 'this numbered item with a responsibility list comes before the first part heading (一、…); it was not imported',
    'zh-cn': '该带责任单位括注的编号条目位于第一个部分标题（一、……）之前，未导入',
  },
  'import.newAgenciesComment': {
    en: 'Not in the agency registry ({count}); add them with: taskmatrix import … --registry <agencies.yaml> --update-registry',
    'zh-cn': '单位名录中没有的单位（{count} 个）；可用 taskmatrix import … --registry <agencies.yaml> --update-registry 加入',
  },
  'fix.addToRegistry': { en: 'Add "{name}" to the agency registry', 'zh-cn': '将“{name}”加入单位名录' },
  'fix.makeLead': { en: 'Make "{name}" the lead (move it first)', 'zh-cn': '设“{name}”为牵头单位（移至首位）' },
  'fix.makeLeadInPlace': { en: 'Make "{name}" the lead (division: lead-first)', 'zh-cn': '设“{name}”为牵头单位（division: lead-first）' },
  'fix.acknowledge': { en: 'Acknowledge: no lead is intended here ({rule})', 'zh-cn': '确认：此处确无牵头单位（{rule}）' },
  'fix.acknowledgeReason': { en: 'reviewed: as in the source document', 'zh-cn': '已核对：与原文一致' },
  'fix.all': { en: 'Fix all taskmatrix problems with an obvious fix', 'zh-cn': '修复所有可自动修复的 taskmatrix 问题' },
  // taskmatrix import: why a document cannot be read ({name} is the file's name)
  'import.read.unpacksTooLarge': {
    en: '{name} unpacks to more than {limit} MB; a policy document is far smaller: it is damaged or hostile, and was not opened',
    'zh-cn': '{name} 解压后超过 {limit} MB，政策文件远小于此：文件已损坏或有恶意，未予打开',
  },
  'import.read.tooLarge': {
    en: '{name} is larger than {limit} MB; a policy document is far smaller: is this the right file?',
    'zh-cn': '{name} 超过 {limit} MB，政策文件远小于此，请确认文件是否正确',
  },
  'import.read.empty': { en: '{name} is empty: it holds no text to import', 'zh-cn': '{name} 是空文件，没有可导入的文字' },
  'import.read.binary': {
    en: '{name} is not a document taskmatrix can read; use .txt, .docx, .pdf, .xlsx or .csv',
    'zh-cn': '{name} 不是 taskmatrix 能读取的文件；请使用 .txt、.docx、.pdf、.xlsx 或 .csv',
  },
  'import.read.undecodable': {
    en: '{name} is neither UTF-8 nor GB18030/GBK text; save it as UTF-8 first',
    'zh-cn': '{name} 既不是 UTF-8 也不是 GB18030/GBK 文本，请先另存为 UTF-8',
  },
  'import.read.notEncoding': {
    en: '{name} is not valid {encoding} text; try another encoding, or let taskmatrix detect it',
    'zh-cn': '{name} 不是有效的 {encoding} 文本；请换一种编码，或由 taskmatrix 自动识别',
  },
  'import.read.legacyWord': {
    en: '{name} is a legacy Word file (.doc), which taskmatrix cannot read; save it as .docx (Word or WPS: File → Save As)',
    'zh-cn': '{name} 是旧版 Word 文件（.doc），无法读取；请另存为 .docx（Word 或 WPS：文件 → 另存为）',
  },
  'import.read.legacyExcel': {
    en: '{name} is a legacy Excel file (.xls), which taskmatrix cannot read; save it as .xlsx',
    'zh-cn': '{name} 是旧版 Excel 文件（.xls），无法读取；请另存为 .xlsx',
  },
  'import.read.wps': {
    en: '{name} is a WPS Writer file (.wps), which taskmatrix cannot read; save it as .docx (WPS: 文件 → 另存为)',
    'zh-cn': '{name} 是 WPS 文字文件（.wps），无法读取；请另存为 .docx（WPS：文件 → 另存为）',
  },
  'import.read.scannedPdf': {
    en: '{name} has no text layer (scanned pages); run OCR first, or import the Word original',
    'zh-cn': '{name} 没有文字层（扫描件）；请先做 OCR 文字识别，或导入 Word 原件',
  },
  'import.read.encrypted': {
    en: '{name} is protected by a password; save a copy without the password and import that',
    'zh-cn': '{name} 设有密码保护；请另存一份无密码的副本再导入',
  },
  'import.read.corrupt': {
    en: '{name} is a damaged {format} file and cannot be read; open it and save it again',
    'zh-cn': '{name} 是已损坏的 {format} 文件，无法读取；请打开后重新保存',
  },
  'import.read.unsupported': {
    en: '{name} is not a format taskmatrix reads; use .txt, .docx, .pdf, .xlsx or .csv',
    'zh-cn': '{name} 的格式无法读取；请使用 .txt、.docx、.pdf、.xlsx 或 .csv',
  },
  'import.read.rtf': { en: '{name} is an RTF file, which taskmatrix cannot read; save it as .docx', 'zh-cn': '{name} 是 RTF 文件，无法读取；请另存为 .docx' },
  'import.read.opendocument': {
    en: '{name} is an OpenDocument file (.odt/.ods), which taskmatrix cannot read; save it as .docx or .xlsx',
    'zh-cn': '{name} 是 OpenDocument 文件（.odt/.ods），无法读取；请另存为 .docx 或 .xlsx',
  },
  'import.read.pptx': { en: '{name} is a PowerPoint file; copy its text into a .docx and import that', 'zh-cn': '{name} 是 PowerPoint 文件；请将文字复制到 .docx 后再导入' },
  // taskmatrix import: what a document was read as, and where a paragraph of it is
  'import.format.text': { en: '{encoding}', 'zh-cn': '{encoding}' },
  'import.format.csv': { en: 'CSV, {encoding}', 'zh-cn': 'CSV，{encoding}' },
  'import.format.docx': { en: 'Word', 'zh-cn': 'Word' },
  'import.format.xlsx': { en: 'Excel', 'zh-cn': 'Excel' },
  'import.format.pdf': { en: 'PDF', 'zh-cn': 'PDF' },
  'import.format.pdfPages': { en: 'PDF, {pages} pages', 'zh-cn': 'PDF，{pages} 页' },
  'import.format.pdfPage': { en: 'PDF, 1 page', 'zh-cn': 'PDF，1 页' },
  'import.at.paragraph': { en: 'paragraph {line}', 'zh-cn': '第 {line} 段' },
  'import.at.page': { en: 'page {page}, paragraph {line}', 'zh-cn': '第 {page} 页，第 {line} 段' },
  'import.at.row': { en: 'row {line}', 'zh-cn': '第 {line} 行' },
  // registries written by taskmatrix import --update-registry
  'registry.shortForm': {
    en: 'taskmatrix: short for {name}, whose entry could not take it as an alias; move it to that entry\'s aliases',
    'zh-cn': 'taskmatrix：{name} 的简称，未能自动加入该单位的 aliases，请手动移入',
  },
  'fix.reviewKind': { en: 'taskmatrix: review the kind', 'zh-cn': 'taskmatrix：请核对单位类别' },

  // project configuration (.taskmatrix.yaml)
  'config.notMap': {
    en: 'The configuration must be a mapping with the keys rules and registry.',
    'zh-cn': '配置文件必须是包含 rules 和 registry 键的映射。',
  },
  'config.unknownKey': {
    en: 'Unknown key "{key}" in the configuration; allowed keys: rules, registry.',
    'zh-cn': '配置中有未知的键“{key}”；允许的键：rules、registry。',
  },
  'config.rulesNotMap': {
    en: '"rules" must map rule ids to severities, e.g. "no-lead: error".',
    'zh-cn': '“rules”应将规则 ID 映射到严重级别，例如“no-lead: error”。',
  },
  'config.unknownRule': {
    en: 'Unknown rule "{rule}"; the rules are: {known}.',
    'zh-cn': '未知规则“{rule}”；可用规则：{known}。',
  },
  'config.unknownRuleSuggest': {
    en: 'Unknown rule "{rule}"; did you mean "{suggestion}"?',
    'zh-cn': '未知规则“{rule}”，是否应为“{suggestion}”？',
  },
  'config.badSeverity': {
    en: 'The severity of "{rule}" must be one of error, warning, info, off; not "{actual}".',
    'zh-cn': '“{rule}”的严重级别只能是 error、warning、info、off 之一，而不是“{actual}”。',
  },
  'config.badRegistry': {
    en: '"registry" must be the path of the agency registry, relative to this file.',
    'zh-cn': '“registry”应为单位名录的路径（相对于本文件）。',
  },

  // agency kinds (registry `kind`), as hovers and views name them
  'kind.government': { en: 'government department', 'zh-cn': '政府部门' },
  'kind.party': { en: 'party organ', 'zh-cn': '党委部门' },
  'kind.lab': { en: 'laboratory', 'zh-cn': '实验室' },
  'kind.financial': { en: 'financial institution', 'zh-cn': '金融机构' },
  'kind.enterprise': { en: 'enterprise', 'zh-cn': '企业' },
  'kind.collective': { en: 'collective', 'zh-cn': '集体' },

  // words used inside messages
  'word.guideline': { en: 'guideline', 'zh-cn': '指导意见' },
  'word.registry': { en: 'agency registry', 'zh-cn': '单位名录' },
  'word.string': { en: 'a text', 'zh-cn': '文本' },
  'word.number': { en: 'a number', 'zh-cn': '数字' },
  'word.integer': { en: 'a whole number', 'zh-cn': '整数' },
  'word.boolean': { en: 'true or false', 'zh-cn': '布尔值' },
  'word.array': { en: 'a list', 'zh-cn': '列表' },
  'word.object': { en: 'a mapping of keys', 'zh-cn': '键值映射' },
  'word.null': { en: 'empty', 'zh-cn': '空值' },
  'label.guideline': { en: 'the guideline', 'zh-cn': '指导意见' },
  'label.registry': { en: 'the agency registry', 'zh-cn': '单位名录' },
  'label.chapter': { en: 'chapter "{id}"', 'zh-cn': '章节“{id}”' },
  'label.measure': { en: 'measure "{id}"', 'zh-cn': '措施“{id}”' },
  'label.target': { en: 'target "{id}"', 'zh-cn': '目标“{id}”' },
  'label.agency': { en: 'agency "{id}"', 'zh-cn': '单位“{id}”' },
  'label.nth': { en: '{owner} #{n}', 'zh-cn': '第 {n} 个{owner}' },
  'label.nthOf': { en: '{word} #{n} of {owner}', 'zh-cn': '{owner}的第 {n} 个{word}' },
  'label.chapterWord': { en: 'chapter', 'zh-cn': '章节' },
  'label.measureWord': { en: 'measure', 'zh-cn': '措施' },
  'label.targetWord': { en: 'target', 'zh-cn': '目标' },
  'label.agencyWord': { en: 'agency', 'zh-cn': '单位' },
  'label.key': { en: '"{key}" of {owner}', 'zh-cn': '{owner}的“{key}”' },
  'label.item': { en: 'item {n} of {owner}', 'zh-cn': '{owner}的第 {n} 项' },
} satisfies Catalog;

export type MessageKey = keyof typeof catalog;

/** Renders a message in the given locale, filling `{name}` placeholders. */
export function formatMessage(locale: Locale, key: MessageKey, args: Record<string, string | number> = {}): string {
  const template = catalog[key][locale] ?? catalog[key].en;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in args ? String(args[name]) : whole));
}

/** Renders a whole sentence: as formatMessage, first letter upper-case (labels open many sentences). */
export function formatSentence(locale: Locale, key: MessageKey, args: Record<string, string | number> = {}): string {
  const text = formatMessage(locale, key, args);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Picks a supported locale from a tag such as `zh-CN`, `zh_CN.UTF-8` or `en-US`. */
export function resolveLocale(tag: string | undefined): Locale {
  return tag && /^zh/i.test(tag) ? 'zh-cn' : 'en';
}
