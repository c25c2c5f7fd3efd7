import { main } from "./main.js";

// Entry point of the compiled CLI (engine/bin/tessera.js) and of tests that run it from source.
process.exitCode = await main(process.argv.slice(2));
