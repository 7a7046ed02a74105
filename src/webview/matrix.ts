// The responsibility-matrix panel: a table of measures (or measures × agencies) with sorting
// and filtering; every cell is set as text, never as markup.
import type { FromMatrixWebview, MatrixInspection, MatrixPayload, PanelState, ToMatrixWebview } from './protocol';

const vscode = acquireVsCodeApi<PanelState>();
const post = (message: FromMatrixWebview) => vscode.postMessage(message);

const table = document.getElementById('matrix') as HTMLTableElement;
const filterInput = document.getElementById('filter') as HTMLInputElement;
const shapeSelect = document.getElementById('shape') as HTMLSelectElement;
const count = document.getElementById('count')!;
const changesBar = document.getElementById('changes-bar')!;
const changesSince = document.getElementById('changes-since')!;
let payload: MatrixPayload | undefined;
/** The rows on screen, filtered and sorted: what Export CSV writes. */
let shown: number[] = [];
let state: PanelState = vscode.getState() ?? {};
filterInput.value = state.text ?? '';

function render(): void {
  if (!payload) return;
  const { headers, rows, noLead, fixedColumns, sortKeys, overdue, overdueColumn } = payload;
  const head = document.createElement('thead');
  const headRow = document.createElement('tr');
  headers.forEach((header, column) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = header + (state.sort?.column === column ? (state.sort.descending ? ' ▼' : ' ▲') : '');
    if (column >= fixedColumns) th.className = 'agency';
    th.tabIndex = 0;
    th.addEventListener('click', () => sortBy(column));
    headRow.append(th);
  });
  head.append(headRow);

  let order = rows.map((_, index) => index);
  if (state.sort) {
    const { column, descending } = state.sort;
    const collator = new Intl.Collator(['zh-CN', 'en'], { numeric: true });
    const direction = descending ? -1 : 1;
    const keys = sortKeys[column];
    if (keys) order.sort((a, b) => keys[a]!.group - keys[b]!.group || collator.compare(keys[a]!.key, keys[b]!.key) * direction || a - b);
    else order.sort((a, b) => collator.compare(rows[a]![column] ?? '', rows[b]![column] ?? '') * direction || a - b);
  }
  const needle = (state.text ?? '').trim().toLowerCase();
  if (needle) {
    // In the grid an agency is a column, not a cell: its name keeps the rows where it has a role.
    const agencyColumns = headers.map((header, column) => (column >= fixedColumns && header.toLowerCase().includes(needle) ? column : -1)).filter((column) => column >= 0);
    order = order.filter((index) => rows[index]!.some((cell, column) => cell.toLowerCase().includes(needle) || (agencyColumns.includes(column) && cell !== '')));
  }

  const body = document.createElement('tbody');
  for (const index of order) {
    const tr = document.createElement('tr');
    if (noLead[index]) tr.classList.add('no-lead');
    if (overdue[index]) tr.classList.add('overdue');
    const change = payload.changes?.marks[index];
    if (change) tr.classList.add('changed');
    rows[index]!.forEach((cell, column) => {
      const td = document.createElement('td');
      td.textContent = cell;
      // Agency names and 牵头/配合 are never broken inside a word, however narrow the column.
      if (payload!.nameColumns.includes(column)) td.classList.add('names');
      if (column >= fixedColumns && payload!.shape === 'grid' && cell !== '') td.classList.add('role');
      if (cell === payload!.labels.lead) td.classList.add('lead');
      // Said in words beside the date, not by colour alone.
      if (overdue[index] && column === overdueColumn) {
        const mark = document.createElement('span');
        mark.className = 'overdue-mark';
        mark.textContent = `⚠ ${payload!.labels.overdue ?? 'overdue'}`;
        td.append(' ', mark);
      }
      // What changed is said in words too, not by the row's colour alone.
      if (change && column === payload!.changes!.column) {
        const mark = document.createElement('span');
        mark.className = 'change-mark';
        mark.textContent = change;
        td.append(' ', mark);
      }
      tr.append(td);
    });
    body.append(tr);
  }
  table.replaceChildren(head, body);
  changesBar.hidden = !payload.changes;
  changesSince.textContent = payload.changes?.since ?? '';
  // The header row sticks just below the toolbar, whatever height the toolbar wraps to.
  document.documentElement.style.setProperty('--toolbar-height', `${document.querySelector('.toolbar')?.getBoundingClientRect().height ?? 0}px`);
  count.textContent = `${order.length} / ${rows.length}`;
  shown = order;
}

function sortBy(column: number): void {
  const descending = state.sort?.column === column ? !state.sort.descending : false;
  state = { ...state, sort: { column, descending } };
  vscode.setState(state);
  render();
}

filterInput.addEventListener('input', () => {
  state = { ...state, text: filterInput.value };
  vscode.setState(state);
  render();
});
shapeSelect.addEventListener('change', () => post({ type: 'shape', shape: shapeSelect.value === 'grid' ? 'grid' : 'list' }));
document.getElementById('export-csv')!.addEventListener('click', () => post({ type: 'exportCsv', rows: shown }));
document.getElementById('export-docx')!.addEventListener('click', () => post({ type: 'exportPlan', format: 'docx' }));
document.getElementById('export-xlsx')!.addEventListener('click', () => post({ type: 'exportPlan', format: 'xlsx' }));
document.getElementById('highlight-changes')!.addEventListener('click', () => post({ type: 'highlightChanges' }));
document.getElementById('clear-changes')!.addEventListener('click', () => post({ type: 'clearChanges' }));

function inspect(): MatrixInspection {
  const bodyRows = [...table.querySelectorAll('tbody tr')];
  return {
    rows: payload?.rows.length ?? 0,
    visibleRows: bodyRows.length,
    headers: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
    firstColumn: bodyRows.map((tr) => tr.children[0]?.textContent ?? ''),
    overdue: bodyRows.filter((tr) => tr.classList.contains('overdue')).map((tr) => tr.children[0]?.textContent ?? ''),
    overdueMarks: [...table.querySelectorAll('tbody tr.overdue .overdue-mark')].map((mark) => mark.textContent ?? ''),
    changed: bodyRows.filter((tr) => tr.classList.contains('changed')).map((tr) => tr.children[0]?.textContent ?? ''),
    changeMarks: [...table.querySelectorAll('tbody tr.changed .change-mark')].map((mark) => mark.textContent ?? ''),
    changesSince: changesBar.hidden ? '' : (changesSince.textContent ?? ''),
    order: shown,
    cellStyles: [...(bodyRows[0]?.children ?? [])].map((td) => {
      const style = getComputedStyle(td);
      return { text: td.textContent ?? '', whiteSpace: style.whiteSpace, wordBreak: style.wordBreak };
    }),
  };
}

window.addEventListener('message', (event: MessageEvent<ToMatrixWebview>) => {
  const message = event.data;
  if (message.type === 'matrix') {
    // Column numbers mean other columns in the other shape: a sort goes along only to a column of the same name.
    const before = payload?.headers ?? (state.shape === message.shape ? message.headers : undefined);
    if (state.sort && before?.[state.sort.column] !== message.headers[state.sort.column]) state = { ...state, sort: undefined };
    payload = message;
    shapeSelect.value = message.shape;
    state = { ...state, uri: message.uri, shape: message.shape };
    vscode.setState(state);
    render();
  } else if (message.type === 'inspect') {
    post({ type: 'inspected', requestId: message.requestId, result: inspect() });
  } else if (message.type === 'setFilter') {
    filterInput.value = message.text;
    filterInput.dispatchEvent(new Event('input'));
  } else if (message.type === 'sortBy') {
    sortBy(message.column);
  }
});

post({ type: 'ready' });
