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
  matrix    print the responsibility matrix (json, csv, markdown)
  report    lint, then summarise the lead of every measure and the measures without one

Options:
  --locale en|zh-cn   language of messages (default: from LC_ALL, LC_MESSAGES or LANG)
  --config FILE       project configuration (default: the nearest .taskmatrix.yaml)
  -h, --help          show help (also: taskmatrix <command> --help)
  -v, --version       show the version
`,
    'zh-cn': `用法：taskmatrix <命令> [路径…] [选项]

政策文件任务分工矩阵工具：检查任务 YAML，导出分工矩阵。
路径可以是文件或目录（递归查找 *.yaml 和 *.yml），默认为 tasks/。

命令：
  lint      校验任务文件并输出诊断（退出码 0：无问题或仅有警告；1：有错误；2：用法或读写错误）
  matrix    输出任务分工矩阵（json、csv、markdown）
  report    检查后汇总各项措施的牵头单位及无牵头单位的措施

选项：
  --locale en|zh-cn   消息语言（默认取自 LC_ALL、LC_MESSAGES 或 LANG）
  --config FILE       项目配置文件（默认为最近的 .taskmatrix.yaml）
  -h, --help          显示帮助（也可用 taskmatrix <命令> --help）
  -v, --version       显示版本
`,
  },
  lint: {
    en: `Usage: taskmatrix lint [paths…] [options]

Validates guidelines and agency registries: YAML syntax, JSON Schema, duplicate ids,
unknown, duplicated and aliased agencies, measures without a lead, unused agencies.

Options:
  -f, --format stylish|json|sarif|github|junit   output format (default: stylish)
  --max-warnings N      exit 1 when there are more than N warnings
  --report-suppressed   also list findings acknowledged by taskmatrix-disable-next-line
  -o, --output FILE     write the report to FILE instead of standard output
  --locale en|zh-cn     language of messages
  --config FILE         project configuration (default: the nearest .taskmatrix.yaml)

Exit codes: 0 clean or warnings only; 1 errors (or too many warnings); 2 usage or I/O failure.
`,
    'zh-cn': `用法：taskmatrix lint [路径…] [选项]

校验指导意见与单位名录：YAML 语法、JSON Schema、重复编号、未知/重复/别名单位、
无牵头单位的措施、未使用的单位。

选项：
  -f, --format stylish|json|sarif|github|junit   输出格式（默认 stylish）
  --max-warnings N      警告超过 N 个时以 1 退出
  --report-suppressed   同时列出已用 taskmatrix-disable-next-line 确认的问题
  -o, --output FILE     将结果写入文件而非标准输出
  --locale en|zh-cn     消息语言
  --config FILE         项目配置文件（默认为最近的 .taskmatrix.yaml）

退出码：0 无问题或仅有警告；1 有错误（或警告过多）；2 用法或读写错误。
`,
  },
  matrix: {
    en: `Usage: taskmatrix matrix [paths…] [options]

Prints the responsibility matrix: for every measure its lead and co-responsible agencies,
for every agency the measures it leads and co-owns. Works on files that still have errors
(they are counted on standard error).

Options:
  -f, --format json|csv|markdown   output format (default: json); CSV carries a UTF-8 BOM
  -o, --output FILE                write to FILE instead of standard output
  --locale en|zh-cn                language of column headers and notes
`,
    'zh-cn': `用法：taskmatrix matrix [路径…] [选项]

输出任务分工矩阵：每项措施的牵头单位和配合单位，以及每个单位牵头和配合的措施。
文件仍有错误时也可使用（错误数量输出到标准错误）。

选项：
  -f, --format json|csv|markdown   输出格式（默认 json）；CSV 带 UTF-8 BOM
  -o, --output FILE                写入文件而非标准输出
  --locale en|zh-cn                表头与说明的语言
`,
  },
  report: {
    en: `Usage: taskmatrix report [paths…] [options]

Lints the task files, then lists the lead of every measure and the measures without a lead.
This is what "npm start" runs on the bundled tasks/. Exit codes as for lint.
`,
    'zh-cn': `用法：taskmatrix report [路径…] [选项]

检查任务文件，然后列出各项措施的牵头单位及无牵头单位的措施。
“npm start”即对自带的 tasks/ 运行此命令。退出码同 lint。
`,
  },
};

export function helpText(command: string, locale: Locale): string {
  return (HELP[command] ?? HELP.main!)[locale];
}
