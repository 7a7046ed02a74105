// The responsibility-changes panel: the summary, lead changes first, the other changes, then
// each agency's gains and losses. Every name is data and set as text, never as markup; added and
// removed parts are underlined or struck through and carry + or −, so colour is never the only cue.
import type { DiffInspection, DiffItem, DiffPart, DiffPayload, FromDiffWebview, PanelState, ToDiffWebview } from './protocol';

const vscode = acquireVsCodeApi<PanelState>();
const post = (message: FromDiffWebview) => vscode.postMessage(message);
const root = document.getElementById('diff')!;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function part(piece: DiffPart): HTMLElement {
  if (piece.kind === 'same') return element('span', undefined, piece.text);
  const node = element(piece.kind === 'added' ? 'ins' : 'del');
  // The sign is in the text (copied and read aloud with it), not only in the style.
  node.append(element('span', 'sign', piece.kind === 'added' ? '+' : '−'), piece.text);
  return node;
}

function parts(pieces: DiffPart[]): Node[] {
  const nodes: Node[] = [];
  pieces.forEach((piece, at) => {
    // Separate whole names (co-agencies, agency lines); a title's word diff runs on without gaps.
    if (at > 0 && !pieces.some((p) => p.kind === 'same')) nodes.push(document.createTextNode(' '));
    nodes.push(part(piece));
  });
  return nodes;
}

function measure(item: DiffItem): HTMLLIElement {
  const li = element('li', `measure ${item.change}`);
  li.dataset.index = String(item.index);
  const head = element('div', 'head');
  const link = element('a', 'measure-link');
  link.href = '#';
  link.dataset.index = String(item.index);
  link.append(element('span', 'id', item.label), ' ', element('span', 'title', item.title));
  head.append(element('span', `kind ${item.change}`, item.changeLabel), ' ', link);
  li.append(head);
  if (item.details.length) {
    const list = element('ul', 'details');
    for (const detail of item.details) {
      const line = element('li', 'detail');
      line.append(element('span', 'label', `${detail.label}: `), ...parts(detail.parts));
      list.append(line);
    }
    li.append(list);
  }
  return li;
}

function section(heading: string, items: DiffItem[], className: string): HTMLElement | undefined {
  if (!items.length) return undefined;
  const node = element('section', className);
  const list = element('ul', 'measures');
  list.append(...items.map(measure));
  node.append(element('h2', undefined, `${heading} (${items.length})`), list);
  return node;
}

function render(payload: DiffPayload): void {
  const nodes: HTMLElement[] = [element('h1', undefined, payload.heading), element('p', 'summary', payload.summary)];
  for (const note of payload.notes) nodes.push(element('p', 'note', note));
  for (const node of [section(payload.leadHeading, payload.leadChanges, 'leads'), section(payload.otherHeading, payload.otherChanges, 'others')]) if (node) nodes.push(node);
  if (payload.agencies.length) {
    const node = element('section', 'agencies');
    const list = element('ul');
    for (const agency of payload.agencies) {
      const li = element('li');
      li.append(element('span', 'agency', agency.name), ' ', ...parts(agency.parts));
      list.append(li);
    }
    node.append(element('h2', undefined, `${payload.agenciesHeading} (${payload.agencies.length})`), list);
    nodes.push(node);
  }
  root.replaceChildren(...nodes);
}

root.addEventListener('click', (event) => {
  const link = (event.target as Element).closest?.('a.measure-link') as HTMLAnchorElement | null;
  if (!link) return;
  event.preventDefault();
  post({ type: 'reveal', index: Number(link.dataset.index) });
});

function inspect(): DiffInspection {
  const textOf = (node: Element | null) => node?.textContent ?? '';
  return {
    heading: textOf(root.querySelector('h1')),
    summary: textOf(root.querySelector('.summary')),
    items: [...root.querySelectorAll('li.measure')].map((li) => ({
      label: textOf(li.querySelector('.id')),
      change: textOf(li.querySelector('.kind')),
      title: textOf(li.querySelector('.title')),
      details: [...li.querySelectorAll('li.detail')].map(textOf),
      lead: li.closest('section.leads') !== null,
    })),
    agencies: [...root.querySelectorAll('.agencies li')].map(textOf),
  };
}

window.addEventListener('message', (event: MessageEvent<ToDiffWebview>) => {
  const message = event.data;
  if (message.type === 'diff') {
    render(message);
    vscode.setState(message.state);
  }
  else if (message.type === 'inspect') post({ type: 'inspected', requestId: message.requestId, result: inspect() });
  else if (message.type === 'click') (root.querySelector(`a.measure-link[data-index="${message.index}"]`) as HTMLElement | null)?.click();
});

post({ type: 'ready' });
