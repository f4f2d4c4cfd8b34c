// The cycle commands with an explicit database client, importable outside Next.js (the demo seed).
export { applyDefaultAssignments, setAssignment, type DefaultsOutcome } from "./assignments";
export { createCycle, setCycleScheme, updateCycle, type Versioned } from "./cycle";
export { enrolUnits, unenrolUnits, type EnrolOutcome } from "./enrolment";
export { closeCollection, openCollection } from "./moves";
