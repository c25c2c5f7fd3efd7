import { cleanup, configure } from "@testing-library/react";
import { afterEach } from "vitest";

// Each test renders the whole designer: on a busy 2-core CI machine running every suite at once a
// screen can take several seconds to settle. Waiting longer changes no outcome; time is measured
// in the browser benchmarks, not here.
configure({ asyncUtilTimeout: 20_000 });

afterEach(() => cleanup());
