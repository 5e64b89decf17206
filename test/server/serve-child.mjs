// Test-only entry for restart.test.ts: runs a compiled CLI (its main.js URL is the first argument)
// with the other arguments, e.g. `serve --port 0 …`. A file, not `node -e`: worker threads inherit
// the parent's execArgv, and an inherited `-e` breaks the crawl's parser workers.
const [main, ...args] = process.argv.slice(2);
const cli = await import(main);
process.exitCode = await cli.main(args);
