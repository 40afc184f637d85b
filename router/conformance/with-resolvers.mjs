// Promise.withResolvers for Node 20 (the audit CLI needs it; Node 22 has it).
// Load with NODE_OPTIONS=--import=<path>/with-resolvers.mjs
if (!Promise.withResolvers) {
  Promise.withResolvers = function withResolvers() {
    let resolve, reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
