import { UserError } from '../errors.js';
import { collectRefs } from './refs.js';
import { taskKey, type Task } from './task.js';

export interface GraphNode {
  key: string;
  task: Task;
  /** Keys of the tasks this one needs first (its references and `dependsOn`). */
  deps: string[];
  /** Keys of the tasks that need this one. */
  dependents: string[];
}

/** The dependency graph of a task list; fails on duplicate tasks, references to undeclared tasks and cycles. */
export function buildGraph(tasks: readonly Task[]): Map<string, GraphNode> {
  const nodes = new Map<string, GraphNode>();
  for (const task of tasks) {
    const key = taskKey(task);
    if (nodes.has(key)) throw new UserError(`task ${key} is declared twice`, 'task names must be unique within their type');
    nodes.set(key, { key, task, deps: [], dependents: [] });
  }
  for (const node of nodes.values()) {
    const targets = [...collectRefs(node.task.spec).map((r) => r.$ref), ...(node.task.dependsOn ?? [])];
    for (const target of targets) {
      const dep = taskKey(target);
      if (!nodes.has(dep)) throw new UserError(`task ${node.key} references ${dep}, which is not declared`, 'declare the referenced task or remove the reference');
      if (dep === node.key) throw new UserError(`task ${node.key} references itself`);
      if (!node.deps.includes(dep)) {
        node.deps.push(dep);
        nodes.get(dep)!.dependents.push(node.key);
      }
    }
  }
  const cycle = findCycle(nodes);
  if (cycle) throw new UserError(`dependency cycle: ${cycle.join(' -> ')}`, 'a task cannot depend, directly or not, on itself');
  return nodes;
}

/** Keys in an order where every task comes after its dependencies (ties broken by key, so it is deterministic). */
export function topologicalOrder(nodes: Map<string, GraphNode>): string[] {
  const remaining = new Map([...nodes.values()].map((n) => [n.key, n.deps.length]));
  const ready = [...remaining].filter(([, n]) => n === 0).map(([k]) => k).sort();
  const order: string[] = [];
  while (ready.length > 0) {
    const key = ready.shift()!;
    order.push(key);
    for (const d of nodes.get(key)!.dependents) {
      const left = remaining.get(d)! - 1;
      remaining.set(d, left);
      if (left === 0) insertSorted(ready, d);
    }
  }
  return order;
}

function insertSorted(list: string[], key: string): void {
  const at = list.findIndex((k) => k > key);
  if (at < 0) list.push(key);
  else list.splice(at, 0, key);
}

function findCycle(nodes: Map<string, GraphNode>): string[] | undefined {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (key: string): string[] | undefined => {
    const s = state.get(key);
    if (s === 'done') return undefined;
    if (s === 'visiting') return [...stack.slice(stack.indexOf(key)), key];
    state.set(key, 'visiting');
    stack.push(key);
    for (const dep of [...nodes.get(key)!.deps].sort()) {
      const cycle = visit(dep);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(key, 'done');
    return undefined;
  };
  for (const key of [...nodes.keys()].sort()) {
    const cycle = visit(key);
    if (cycle) return cycle;
  }
  return undefined;
}
