import autocannon from 'autocannon';

export interface Throughput {
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx answers, errors and timeouts: should be 0. */
  failures: number;
}

/** Loads one URL on loopback for `seconds` with `connections` keep-alive connections. */
export async function measureThroughput(
  url: string,
  connections: number,
  seconds: number,
): Promise<Throughput> {
  if (!/^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(url))
    throw new Error(`not loopback: ${url}`);
  const result = await autocannon({ url, connections, duration: seconds });
  return {
    connections,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
}
