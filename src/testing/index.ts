export {
  type MockRequest,
  type MockScenario,
  type MockServer,
  type MockServerOptions,
  startMockServer,
} from "./mock-server.js";
export { assertMatchesSpec, type OperationId, validateAgainstSpec } from "./spec-assertions.js";
