export {
  type MockRequest,
  type MockScenario,
  type MockServer,
  type MockServerOptions,
  startMockServer,
} from "./mock-server.js";
export { assertMatchesSpec, type OperationId, validateAgainstSpec } from "./spec-assertions.js";
export {
  describeCheck,
  expectServerMatchesSpec,
  plannedRequests,
  VERIFY_PARTS,
  type VerifyCheck,
  type VerifyOptions,
  type VerifyPart,
  type VerifyReport,
  verifyServer,
} from "./verify.js";
export type { PlannedRequest } from "./verify-plan.js";
