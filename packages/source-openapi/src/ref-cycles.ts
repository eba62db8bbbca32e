/**
 * The cycles of a graph given by a function from a node to the nodes it leads to: the strongly
 * connected components (iterative Tarjan), found from a node when first asked about it. Two nodes
 * are in one component when each leads to the other.
 */
export class Cycles {
  private readonly component = new Map<string, number>();
  private components = 0;

  constructor(private readonly next: (node: string) => readonly string[]) {}

  /** Whether `a` and `b` lead to each other (a node always to itself). */
  together(a: string, b: string): boolean {
    return this.componentOf(a) === this.componentOf(b);
  }

  private componentOf(node: string): number {
    if (!this.component.has(node)) this.search(node);
    return this.component.get(node)!;
  }

  private search(start: string): void {
    const index = new Map<string, number>([[start, 0]]);
    const low = new Map<string, number>([[start, 0]]);
    const open = [start];
    const onOpen = new Set([start]);
    const work = [{ node: start, edges: this.next(start), i: 0 }];
    while (work.length) {
      const frame = work[work.length - 1]!;
      if (frame.i < frame.edges.length) {
        const next = frame.edges[frame.i++]!;
        if (this.component.has(next)) continue; // a component found before
        if (!index.has(next)) {
          index.set(next, index.size);
          low.set(next, index.get(next)!);
          open.push(next);
          onOpen.add(next);
          work.push({ node: next, edges: this.next(next), i: 0 });
        } else if (onOpen.has(next)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(next)!));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component = this.components++;
      for (let member = open.pop(); member !== undefined; member = open.pop()) {
        onOpen.delete(member);
        this.component.set(member, component);
        if (member === frame.node) break;
      }
    }
  }
}
