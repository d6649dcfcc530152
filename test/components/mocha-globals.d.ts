// The globals @web/test-runner-mocha provides in the browser (no @types/mocha is installed).
interface MochaContext {
  timeout(ms: number): void;
  skip(): never;
}
type MochaFn = (this: MochaContext) => void | Promise<unknown>;
declare function describe(name: string, fn: (this: MochaContext) => void): void;
declare function it(name: string, fn: MochaFn): void;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
