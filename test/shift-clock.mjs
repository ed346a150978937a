// Preloaded (node --import) when the suite runs on another date: AGILEPA_TEST_NOW is the instant
// the process's time starts from, and it then runs on as usual. It moves Date itself, so the
// platform's clock, the tests' own dates and the embedded database's now() all agree; child
// processes inherit it through NODE_OPTIONS. Used by `npm run test:on -- DATE` and by CI.
const start = process.env.AGILEPA_TEST_NOW;
if (start) {
  const RealDate = Date;
  const target = RealDate.parse(start);
  if (!Number.isFinite(target)) throw new Error(`AGILEPA_TEST_NOW non valido: ${start}`);
  const offset = target - RealDate.now();
  class ShiftedDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = ShiftedDate;
}
