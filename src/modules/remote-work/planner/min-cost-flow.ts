/**
 * Min-cost flow with a free flow value (pushes flow only while a path of negative cost exists),
 * on typed arrays so one instance can be reused for thousands of small networks without
 * allocating per arc. Primal-dual: Dijkstra with potentials, then a Dinic blocking flow on the
 * arcs of zero reduced cost, repeated. Costs must be integers (exact in float64 below 2^53).
 *
 * Precondition: the initial network (arcs with positive capacity) is a DAG whose arcs go from a
 * lower to a higher node number, so the initial potentials come from one forward pass.
 */
export class MinCostFlow {
  n = 0;
  m = 0;
  private first = new Int32Array(16);
  private nxt = new Int32Array(16);
  to = new Int32Array(16);
  cap = new Int32Array(16);
  cost = new Float64Array(16);
  private h = new Float64Array(16);
  private dist = new Float64Array(16);
  private level = new Int32Array(16);
  private iter = new Int32Array(16);
  private queue = new Int32Array(16);
  private heapNode = new Int32Array(16);
  private heapKey = new Float64Array(16);
  private done = new Uint8Array(16);

  /** Clears the network and prepares `n` nodes. */
  reset(n: number): void {
    this.n = n;
    this.m = 0;
    if (this.first.length < n) {
      const size = Math.max(n, this.first.length * 2);
      this.first = new Int32Array(size);
      this.h = new Float64Array(size);
      this.dist = new Float64Array(size);
      this.level = new Int32Array(size);
      this.iter = new Int32Array(size);
      this.queue = new Int32Array(size);
      this.done = new Uint8Array(size);
    }
    this.first.fill(-1, 0, n);
  }

  private growArcs(): void {
    const size = this.to.length * 2;
    const g32 = (a: Int32Array) => { const b = new Int32Array(size); b.set(a); return b; };
    this.nxt = g32(this.nxt);
    this.to = g32(this.to);
    this.cap = g32(this.cap);
    const c = new Float64Array(size); c.set(this.cost); this.cost = c;
  }

  /** Adds arc u→v (and its residual twin); returns the arc number (flow = original cap − cap[arc]). */
  addArc(u: number, v: number, capacity: number, cost: number): number {
    if (this.m + 2 > this.to.length) this.growArcs();
    const a = this.m;
    this.to[a] = v; this.cap[a] = capacity; this.cost[a] = cost; this.nxt[a] = this.first[u]; this.first[u] = a;
    this.to[a + 1] = u; this.cap[a + 1] = 0; this.cost[a + 1] = -cost; this.nxt[a + 1] = this.first[v]; this.first[v] = a + 1;
    this.m += 2;
    return a;
  }

  /** Runs min-cost flow from s to t, stopping when no negative-cost path is left. Returns the flow. */
  run(s: number, t: number): number {
    const n = this.n;
    const { first, nxt, to, cap, cost, h, dist } = this;
    // Initial potentials: shortest distances in the DAG (forward pass in node order).
    h.fill(Infinity, 0, n);
    h[s] = 0;
    for (let u = 0; u < n; u++) {
      const hu = h[u];
      if (hu === Infinity) continue;
      for (let a = first[u]; a !== -1; a = nxt[a]) {
        if (cap[a] > 0) {
          const v = to[a];
          const nd = hu + cost[a];
          if (nd < h[v]) h[v] = nd;
        }
      }
    }
    for (let u = 0; u < n; u++) if (h[u] === Infinity) h[u] = 0;
    let flow = 0;
    for (;;) {
      if (!this.dijkstra(s, t)) break;
      const dt = dist[t];
      for (let u = 0; u < n; u++) h[u] += dist[u] < dt ? dist[u] : dt;
      if (h[t] - h[s] >= 0) break; // no more negative-cost paths
      // Blocking flows on the admissible (zero reduced cost) subgraph.
      const { first, iter } = this;
      for (;;) {
        if (!this.bfsAdmissible(s, t)) break;
        for (let u = 0; u < n; u++) iter[u] = first[u];
        let f: number;
        while ((f = this.dfs(s, t, 0x3fffffff)) > 0) flow += f;
      }
    }
    return flow;
  }

  private dijkstra(s: number, t: number): boolean {
    const n = this.n;
    const { first, nxt, to, cap, cost, h, dist, done } = this;
    dist.fill(Infinity, 0, n);
    done.fill(0, 0, n);
    dist[s] = 0;
    let size = 0;
    const need = this.m + n + 1;
    if (this.heapNode.length < need) {
      this.heapNode = new Int32Array(need * 2);
      this.heapKey = new Float64Array(need * 2);
    }
    const hn = this.heapNode, hk = this.heapKey;
    // push s
    hn[0] = s; hk[0] = 0; size = 1;
    while (size > 0) {
      const u = hn[0];
      const du = hk[0];
      // pop
      size--;
      if (size > 0) {
        const ln = hn[size], lk = hk[size];
        let i = 0;
        for (;;) {
          let c = 2 * i + 1;
          if (c >= size) break;
          if (c + 1 < size && hk[c + 1] < hk[c]) c++;
          if (hk[c] >= lk) break;
          hn[i] = hn[c]; hk[i] = hk[c]; i = c;
        }
        hn[i] = ln; hk[i] = lk;
      }
      if (done[u]) continue;
      done[u] = 1;
      if (u === t) break;
      const hu = h[u];
      for (let a = first[u]; a !== -1; a = nxt[a]) {
        if (cap[a] <= 0) continue;
        const v = to[a];
        if (done[v]) continue;
        const nd = du + cost[a] + hu - h[v];
        if (nd < dist[v]) {
          dist[v] = nd;
          // push
          let i = size++;
          while (i > 0) {
            const p = (i - 1) >> 1;
            if (hk[p] <= nd) break;
            hn[i] = hn[p]; hk[i] = hk[p]; i = p;
          }
          hn[i] = v; hk[i] = nd;
        }
      }
    }
    return dist[t] !== Infinity;
  }

  private bfsAdmissible(s: number, t: number): boolean {
    const n = this.n;
    const { first, nxt, to, cap, cost, h, level, queue } = this;
    level.fill(-1, 0, n);
    level[s] = 0;
    let qh = 0, qt = 0;
    queue[qt++] = s;
    while (qh < qt) {
      const u = queue[qh++];
      const hu = h[u];
      const lv = level[u] + 1;
      for (let a = first[u]; a !== -1; a = nxt[a]) {
        if (cap[a] <= 0) continue;
        const v = to[a];
        if (level[v] >= 0) continue;
        if (cost[a] + hu - h[v] !== 0) continue;
        level[v] = lv;
        // Every node of a lower level is labelled by now, and the blocking flow only uses
        // paths of exactly t's length: the rest of the graph need not be explored.
        if (v === t) return true;
        queue[qt++] = v;
      }
    }
    return false;
  }

  private dfs(u: number, t: number, f: number): number {
    if (u === t) return f;
    const { nxt, to, cap, cost, h, level, iter } = this;
    for (let a = iter[u]; a !== -1; a = nxt[a], iter[u] = a) {
      if (cap[a] <= 0) continue;
      const v = to[a];
      if (level[v] !== level[u] + 1) continue;
      if (cost[a] + h[u] - h[v] !== 0) continue;
      const d = this.dfs(v, t, f < cap[a] ? f : cap[a]);
      if (d > 0) {
        cap[a] -= d;
        cap[a ^ 1] += d;
        return d;
      }
    }
    iter[u] = -1;
    return 0;
  }
}
