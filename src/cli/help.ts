// `--help` texts of the command and its sub-commands, in English and Simplified Chinese.
import type { Locale } from '../core/index';

const HELP: Record<string, Record<Locale, string>> = {
  main: {
    en: `Usage: taskmatrix <command> [paths…] [options]

Task-responsibility matrices for policy documents: lint the task YAML, export the matrix.
Paths are files or folders (searched recursively for *.yaml and *.yml); default tasks/.

Commands:
  lint      validate task files and print diagnostics (exit 0 clean or warnings only,
            1 errors, 2 usage or I/O failure)
  graph     the agency ownership graph (mermaid, markdown, html)
  matrix    the responsibility matrix (json, csv, markdown, html; --grid)
  stats     per agency: measures led, co-owned and without a lead, by load
  report    lint, then summarise leads and loads; --out DIR writes every export
  import    turn a policy document (.txt .docx .pdf .xlsx .csv) into guideline YAML
  diff      whose responsibility changed between two drafts (OLD NEW, or --git REV)
  export    the task-division plan (重点任务分工方案) as Word or Excel; --by-agency

Options:
  --locale en|zh-cn   language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  --config FILE       configuration for every file (default: each file's nearest .taskmatrix.yaml)
  -h, --help          show help (also: taskmatrix <command> --help)
  -v, --version       show the version
`,
    'zh-cn': `用法：taskmatrix <命令> [路径…] [选项]

政策文件任务分工矩阵工具：检查任务 YAML，导出分工矩阵。
路径可以是文件或目录（递归查找 *.yaml 和 *.yml），默认为 tasks/。

命令：
  lint      校验任务文件并输出诊断（退出码 0：无问题或仅有警告；1：有错误；2：用法或读写错误）
  graph     责任分工图（mermaid、markdown、html）
  matrix    任务分工矩阵（json、csv、markdown、html；--grid 为措施×单位表）
  stats     各单位牵头、配合及无牵头措施的数量，按任务量排序
  report    检查后汇总牵头情况与任务量；--out DIR 写出全部导出文件
  import    将政策文件（.txt .docx .pdf .xlsx .csv）转换为任务 YAML
  diff      两稿之间职责分工的变化（OLD NEW，或 --git REV）
  export    重点任务分工方案（Word 或 Excel）；--by-agency 为各单位任务清单

选项：
  --locale en|zh-cn   消息语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  --config FILE       用于所有文件的配置（默认为各文件最近的 .taskmatrix.yaml）
  -h, --help          显示帮助（也可用 taskmatrix <命令> --help）
  -v, --version       显示版本
`,
  },
  lint: {
    en: `Usage: taskmatrix lint [paths…] [options]

Validates guidelines and agency registries: YAML syntax, JSON Schema, duplicate ids,
unknown, duplicated and aliased agencies, measures without a lead, unused agencies,
unreadable and overdue deadlines (and, when switched on, measures without a deadline).

Options:
  -f, --format stylish|json|sarif|github|junit   output format (default: stylish)
  --max-warnings N      exit 1 when there are more than N warnings
  --report-suppressed   also list findings acknowledged by taskmatrix-disable-next-line
  -o, --output FILE     write the report to FILE instead of standard output
  --locale en|zh-cn     language of messages
  --config FILE         configuration for every file (default: each file's nearest
                        .taskmatrix.yaml)
  --cache               reuse the findings of files unchanged since the last --cache run
  --cache-location PATH cache file, or folder for lint-cache.json (default:
                        node_modules/.cache/taskmatrix/, else .taskmatrixcache)
  --concurrency auto|off|N  threads for many files (default auto: one per core, up
                        to 4, once there are several MB of guidelines; N at most
                        one per core)
  --today YYYY-MM-DD    the date overdue deadlines are judged against (default: today's
                        date), for reproducible CI runs
  -q, --quiet           no progress line (shown on a terminal when the work takes over a second)

Exit codes: 0 clean or warnings only; 1 errors (or too many warnings); 2 usage or I/O failure.
`,
    'zh-cn': `用法：taskmatrix lint [路径…] [选项]

校验指导意见与单位名录：YAML 语法、JSON Schema、重复编号、未知/重复/别名单位、
无牵头单位的措施、未使用的单位、无法识别或已逾期的完成时限（开启后还检查未填写完成时限的措施）。

选项：
  -f, --format stylish|json|sarif|github|junit   输出格式（默认 stylish）
  --max-warnings N      警告超过 N 个时以 1 退出
  --report-suppressed   同时列出已用 taskmatrix-disable-next-line 确认的问题
  -o, --output FILE     将结果写入文件而非标准输出
  --locale en|zh-cn     消息语言
  --config FILE         用于所有文件的配置（默认为各文件所在目录或上级目录中最近的
                        .taskmatrix.yaml）
  --cache               复用自上次 --cache 运行以来未改动文件的检查结果
  --cache-location PATH 缓存文件，或存放 lint-cache.json 的文件夹（默认
                        node_modules/.cache/taskmatrix/，否则为 .taskmatrixcache）
  --concurrency auto|off|N  大量文件时使用的线程数（默认 auto：指导意见达数 MB 时
                        每个 CPU 核一个线程，最多 4 个；N 不超过 CPU 核数）
  --today YYYY-MM-DD    判断是否逾期所依据的日期（默认为当天），便于 CI 结果可复现
  -q, --quiet           不显示进度行（在终端中运行超过一秒时显示）

退出码：0 无问题或仅有警告；1 有错误（或警告过多）；2 用法或读写错误。
`,
  },
  graph: {
    en: `Usage: taskmatrix graph [paths…] [options]

Prints the agency ownership graph as Mermaid: one box per part, in document order, its measures
between the agencies that lead them (left, thick blue lines) and the others (right: dotted grey
for 配合, orange for 负责 in a measure without a lead, which is drawn in orange); agencies tied to
the same measures in the same way share a box.
Too big for one Mermaid diagram, it aggregates (agencies → parts, → documents) and says so.
Works on files that still have errors (they are counted on standard error).

Options:
  -f, --format mermaid|markdown|html   mermaid (default); markdown: OWNERSHIP.md for GitHub;
                                       html: one self-contained file that renders offline
  --agency NAME        only that agency's measures and the agencies it shares them with
  --chapter ID         only one part of the document (e.g. 4)
  --level measures|parts|documents
                       measures (default); parts: agencies against each document's parts, with
                       counts; documents: agencies against documents — the overview of a folder
  -o, --output FILE    write to FILE instead of standard output
  --locale en|zh-cn    language of the legend and notes
`,
    'zh-cn': `用法：taskmatrix graph [路径…] [选项]

以 Mermaid 输出责任分工图：按文件顺序每个部分一个分组，措施居中，牵头单位在左（蓝色粗线），
其他单位在右（配合为灰色虚线，无牵头措施的负责单位为橙色线，该措施以橙色标出）；
与相同措施关系相同的单位合为一框。超出单张 Mermaid 图容量时改为汇总视图（单位→部分、→文件）并予以说明。
文件仍有错误时也可使用（错误数量输出到标准错误）。

选项：
  -f, --format mermaid|markdown|html   mermaid（默认）；markdown：供 GitHub 显示的 OWNERSHIP.md；
                                       html：可离线打开的独立文件
  --agency NAME        仅显示该单位参与的措施及与其协作的单位
  --chapter ID         仅显示文件的某一部分（如 4）
  --level measures|parts|documents
                       measures（默认）；parts：各单位与各文件各部分的关联及数量；
                       documents：各单位与各文件的关联及数量，即整个文件夹的总览
  -o, --output FILE    写入文件而非标准输出
  --locale en|zh-cn    图例与说明的语言
`,
  },
  matrix: {
    en: `Usage: taskmatrix matrix [paths…] [options]

Prints the responsibility matrix: for every measure its lead and co-responsible agencies,
for every agency the measures it leads and co-owns. Works on files that still have errors
(they are counted on standard error).

Options:
  -f, --format json|csv|markdown|html   output format (default: json); CSV carries a UTF-8 BOM
  --grid               measures × agencies, cells 牵头 / 配合 / 负责 (csv, markdown, html)
  -o, --output FILE    write to FILE instead of standard output
  --locale en|zh-cn    language of column headers and notes
`,
    'zh-cn': `用法：taskmatrix matrix [路径…] [选项]

输出任务分工矩阵：每项措施的牵头单位和配合单位，以及每个单位牵头和配合的措施。
文件仍有错误时也可使用（错误数量输出到标准错误）。

选项：
  -f, --format json|csv|markdown|html   输出格式（默认 json）；CSV 带 UTF-8 BOM
  --grid               措施×单位表，单元格为 牵头 / 配合 / 负责（csv、markdown、html）
  -o, --output FILE    写入文件而非标准输出
  --locale en|zh-cn    表头与说明的语言
`,
  },
  stats: {
    en: `Usage: taskmatrix stats [paths…] [options]

Per agency: measures it leads, co-owns (under a lead) and sits in without a lead, heaviest first.

Options:
  -f, --format table|json   output format (default: table)
  -o, --output FILE         write to FILE instead of standard output
`,
    'zh-cn': `用法：taskmatrix stats [路径…] [选项]

按单位统计：牵头的措施、配合的措施（有牵头单位）及无牵头单位的措施，任务最重者在前。

选项：
  -f, --format table|json   输出格式（默认 table）
  -o, --output FILE         写入文件而非标准输出
`,
  },
  import: {
    en: `Usage: taskmatrix import <document> [options]

Reads a policy document and writes guideline YAML: parts (一、), measures (（一）, 1., （1）) with
their titles and texts, the agencies of each responsibility list (（…，排名第一的为牵头单位，下同）,
牵头单位：…；配合单位：…, …牵头, 根据职能分工各自负责, …) and the numeric targets of the
development goals. The format is told by the content (the extension is only a hint):

  .txt    plain text: UTF-8, GB18030/GBK or UTF-16, detected (or --encoding)
  .docx   Word: paragraphs with Word's list numbers, and task tables inside the document
  .pdf    PDF with a text layer: lines wrapped at the margin joined, running headers and page
          numbers dropped (a scanned PDF needs OCR first)
  .xlsx   Excel task table: a header row naming 序号, 任务, 牵头单位, 配合单位, 完成时限, …
  .csv    the same task table as comma- or tab-separated text

Legacy .doc/.wps/.xls files, scanned or protected PDFs and other formats are refused with a
one-line reason (save them as .docx or .xlsx). A summary goes to standard error, with every
paragraph that could not be fully read: file:line for text, page and paragraph for a PDF,
paragraph for Word, row for Excel. "-" reads standard input.

Options:
  --id ID               document id (default: from the file name), e.g. zj-ai-2027
  -o, --output FILE     write the YAML to FILE (default: standard output)
  --force               overwrite an existing output file
  --registry FILE       agency registry to check names against (default: the nearest
                        agencies.yaml above the output, or tasks/agencies.yaml)
  --update-registry     add the agencies missing from the registry to it (comments and
                        order kept; kinds other than collective are marked for review;
                        short names become aliases); a missing registry is created (beside
                        the output when none is found) and an empty one is filled
  --encoding NAME       of a text or CSV file: auto (default), utf-8, gb18030 (also GBK,
                        GB2312), utf-16le, utf-16be
  --title TEXT          document title (default: read from the text)
  --issuer TEXT         issuer, e.g. 浙江省 (default: inferred where the text says it)
  --locale en|zh-cn     language of messages
  -q, --quiet           no progress line (shown on a terminal when the work takes over a second)

Exit codes: 0 written; 2 usage or I/O failure (nothing is written).
`,
    'zh-cn': `用法：taskmatrix import <文件> [选项]

读取政策文件，生成任务 YAML：各部分（一、）、各项措施（（一）、1.、（1））及其标题和正文、每个
责任单位括注中的单位（（……，排名第一的为牵头单位，下同）、牵头单位：……；配合单位：……、……牵头、
根据职能分工各自负责等）以及发展目标中的量化指标。按文件内容识别格式（扩展名仅作参考）：

  .txt    纯文本：UTF-8、GB18030/GBK 或 UTF-16，自动识别（或用 --encoding 指定）
  .docx   Word：段落（含 Word 自动编号）及文中的任务分工表
  .pdf    带文字层的 PDF：合并页边折行，去掉页眉和页码（扫描件需先做 OCR）
  .xlsx   Excel 任务分工表：表头含 序号、任务、牵头单位、配合单位、完成时限 等列
  .csv    以逗号或制表符分隔的同类任务分工表

旧版 .doc/.wps/.xls 文件、扫描版或加密的 PDF 及其他格式会给出一行原因并拒绝读取（请另存为
.docx 或 .xlsx）。摘要输出到标准错误，列出未能完全识别的段落：纯文本为“文件:行号”，PDF 为页码
和段落号，Word 为段落号，Excel 为行号。“-”表示读取标准输入。

选项：
  --id ID               文件标识（默认取自文件名），如 zj-ai-2027
  -o, --output FILE     将 YAML 写入 FILE（默认输出到标准输出）
  --force               覆盖已存在的输出文件
  --registry FILE       用于核对单位名称的单位名录（默认为输出文件所在目录及上级目录中最近的
                        agencies.yaml，或 tasks/agencies.yaml）
  --update-registry     将名录中没有的单位加入名录（保留注释和顺序；集合性主体以外的类别
                        标注为待核对；简称写为别名）；名录不存在时新建（未找到时建在输出
                        文件旁），空名录则直接填入
  --encoding NAME       文本或 CSV 文件的编码：auto（默认）、utf-8、gb18030（也适用于 GBK、
                        GB2312）、utf-16le、utf-16be
  --title TEXT          文件标题（默认从正文读取）
  --issuer TEXT         发文单位或地区，如 浙江省（默认从正文推断）
  --locale en|zh-cn     消息语言
  -q, --quiet           不显示进度行（在终端中运行超过一秒时显示）

退出码：0 已写出；2 用法或读写错误（不写出任何文件）。
`,
  },
  diff: {
    en: `Usage: taskmatrix diff OLD NEW [options]
       taskmatrix diff --git REV [paths…] [options]

Compares the responsibilities of two drafts of the same guidelines: OLD and NEW are files or
folders; with --git, the working tree's task files (default tasks/) against a git revision.
Measures are matched by their words first, then by similarity, and only then by id, so an
inserted measure shows as one added and the ones after it as moved (5.1 → 5.2), never as
rewritten. For each measure: added, removed, moved or changed, with the lead (old → new),
co-responsible agencies added and removed, division, deadline, status and reworded title or
text; for each agency: leads and co-owned measures gained and lost. Works on files that still
have errors; YAML and schema errors, which leave part of a file unread, are counted on standard
error (unknown agencies are compared as written: lint reports them).

Options:
  --git REV            compare with a git revision (HEAD, main, origin/main, a tag), read with
                       git show REV:path; a file the revision lacks is a document added
  -f, --format stylish|markdown|json   stylish (default); markdown: a pull-request comment
                       (summary, lead changes, the rest folded; kept under 65,536 characters);
                       json: the diff as data
  -o, --output FILE    write to FILE instead of standard output
  --locale en|zh-cn    language of the output

Exit codes: 0 no changes; 1 changes; 2 usage or I/O failure.
`,
    'zh-cn': `用法：taskmatrix diff OLD NEW [选项]
      taskmatrix diff --git REV [路径…] [选项]

比较同一文件两稿的职责分工：OLD 和 NEW 为文件或目录；使用 --git 时，比较工作区的任务文件
（默认 tasks/）与某个 git 修订版本。措施先按文字、再按相似度、最后按编号对应，因此插入一项
措施显示为新增一项、其后各项调整编号（5.1 → 5.2），而不会显示为被改写。每项措施给出：新增、
删除、调整编号或修改，以及牵头单位（原 → 现）、增减的配合单位、分工方式、完成时限、进展和
标题或正文的修改；每个单位给出新增和不再承担的牵头、配合措施。文件仍有错误时也可使用；
会导致部分内容无法读取的 YAML 和结构错误，其数量输出到标准错误（未登记单位按原文比较，
由 lint 报告）。

选项：
  --git REV            与 git 修订版本（HEAD、main、origin/main、标签）比较，通过
                       git show REV:path 读取；该版本中没有的文件视为新增文件
  -f, --format stylish|markdown|json   stylish（默认）；markdown：拉取请求评论（摘要、
                       牵头单位变化，其余折叠；不超过 65,536 个字符）；json：结构化数据
  -o, --output FILE    写入文件而非标准输出
  --locale en|zh-cn    输出语言

退出码：0 没有变化；1 有变化；2 用法或读写错误。
`,
  },
  export: {
    en: `Usage: taskmatrix export [paths…] -o FILE [options]

Writes the task-division plan (重点任务分工方案) as offices circulate it. Word (.docx): the
document's title and one table — 序号, 重点任务 (title, then text), 牵头单位, 配合单位, 完成时限 —
with the parts as full-width rows, the header row repeated on every page, A4 landscape, 黑体
headings and 仿宋_GB2312 body; 进展 is added when measures have a status, and overdue ones are
marked. Excel (.xlsx): one row per measure with frozen header and filters, due dates as dates,
and a sheet of each agency's load. Works on files that still have errors.

Options:
  -o, --output FILE    the file to write (required); its extension chooses the format
  -f, --format docx|xlsx   the format, when FILE's extension does not say it
  --by-agency          each agency's own task list (本单位任务清单): in Word one section per
                       agency (what it leads, then co-owns, with deadline and status); in Excel a
                       sheet per agency besides the plan
  --today YYYY-MM-DD   the date overdue deadlines are judged against (default: today's date)
  --locale en|zh-cn    language of headings (zh-cn gives the plan as offices write it)
  -q, --quiet          no progress line (shown on a terminal when the work takes over a second)

Exit codes: 0 written; 2 usage or I/O failure (nothing written).
`,
    'zh-cn': `用法：taskmatrix export [路径…] -o FILE [选项]

按办公厅印发的格式写出重点任务分工方案。Word（.docx）：文件标题和一张表——序号、重点任务（标题
及内容）、牵头单位、配合单位、完成时限——各部分为通栏行，每页重复表头，A4 横向，标题用黑体、
正文用仿宋_GB2312；措施有进展状态时增加“进展”列并标出逾期。Excel（.xlsx）：每项措施一行，冻结
表头并可筛选，到期日为日期格式，另有各单位任务量工作表。文件仍有错误时也可使用。

选项：
  -o, --output FILE    写出的文件（必填），按扩展名确定格式
  -f, --format docx|xlsx   扩展名不能说明格式时指定格式
  --by-agency          各单位任务清单：Word 中每个单位一节（牵头任务、配合任务，含完成时限和
                       进展）；Excel 中除分工方案外每个单位一张工作表
  --today YYYY-MM-DD   判断逾期所依据的日期（默认为当天）
  --locale en|zh-cn    标题语言（zh-cn 即办公厅通用格式）
  -q, --quiet          不显示进度行（在终端中运行超过一秒时显示）

退出码：0 已写出；2 用法或读写错误（不写出任何文件）。
`,
  },
  report: {
    en: `Usage: taskmatrix report [paths…] [options]

Lints the task files, then lists the lead of every measure, the measures without a lead and
the heaviest agency loads, and the measures past their due date when the documents have
deadlines. This is what "npm start" runs on the bundled tasks/.

Options:
  --out DIR   also write every export into DIR: OWNERSHIP.md, ownership.mmd, ownership.html,
              matrix.json/.csv/.md/.html, matrix-grid.csv/.html, stats.json, lint.sarif,
              plan.docx, plan.xlsx (with a sheet per agency)
  --today YYYY-MM-DD   the date overdue deadlines are judged against (default: today's date)
  -q, --quiet          no progress line (shown on a terminal when the work takes over a second)

Exit codes as for lint.
`,
    'zh-cn': `用法：taskmatrix report [路径…] [选项]

检查任务文件，然后列出各项措施的牵头单位、无牵头单位的措施、任务最重的单位，文件有完成时限时
还列出已逾期的措施。
“npm start”即对自带的 tasks/ 运行此命令。

选项：
  --out DIR   同时将全部导出文件写入 DIR：OWNERSHIP.md、ownership.mmd、ownership.html、
              matrix.json/.csv/.md/.html、matrix-grid.csv/.html、stats.json、lint.sarif、
              plan.docx、plan.xlsx（含各单位工作表）
  --today YYYY-MM-DD   判断是否逾期所依据的日期（默认为当天）
  -q, --quiet          不显示进度行（在终端中运行超过一秒时显示）

退出码同 lint。
`,
  },
};

export function helpText(command: string, locale: Locale): string {
  return (HELP[command] ?? HELP.main!)[locale];
}
