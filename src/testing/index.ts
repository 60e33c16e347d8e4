export { junitReport } from "./junit-report.js";
export { filledBody } from "./mock-body.js";
export {
  type MockCall,
  type MockPlugin,
  type MockReply,
  type MockRequest,
  type MockScenario,
  type MockServer,
  type MockServerOptions,
  startMockServer,
} from "./mock-server.js";
export { assertMatchesSpec, type OperationId, validateAgainstSpec } from "./spec-assertions.js";
export type { OperationRoute, SpecFolder } from "./spec-folder.js";
export {
  describeCheck,
  expectServerMatchesSpec,
  plannedRequests,
  VERIFY_PARTS,
  type VerifyCheck,
  type VerifyOptions,
  type VerifyPart,
  type VerifyReport,
  type VerifyServerOptions,
  verifyServer,
} from "./verify.js";
export type { PlannedRequest } from "./verify-plan.js";
