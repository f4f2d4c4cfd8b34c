import "server-only";
import { recordBadRecordsInTx } from "@/lib/collection/urge";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db/client";
import * as core from "./core";
import type {
  CloseCollectionInput, CreateCycleInput, EnrolUnitsInput, SetAssignmentInput, SetCycleSchemeInput, UnenrolUnitsInput,
  UpdateCycleInput, VersionedInput,
} from "./schema";

/*
 * The cycle mutations of the app: the core commands (lib/cycles/core) bound to the app's database.
 * Each takes the acting user explicitly, validates its input with the form's schema, and runs as
 * one transaction with its audit row, refusing a stale cycle version (STALE).
 */

type Ip = string | null;

export const createCycle = (actor: Actor, input: CreateCycleInput, ip: Ip = null) => core.createCycle(db(), actor, input, ip);
export const updateCycle = (actor: Actor, input: UpdateCycleInput, ip: Ip = null) => core.updateCycle(db(), actor, input, ip);
export const setCycleScheme = (actor: Actor, input: SetCycleSchemeInput, ip: Ip = null) => core.setCycleScheme(db(), actor, input, ip);
export const enrolUnits = (actor: Actor, input: EnrolUnitsInput, ip: Ip = null) => core.enrolUnits(db(), actor, input, ip);
export const unenrolUnits = (actor: Actor, input: UnenrolUnitsInput, ip: Ip = null) => core.unenrolUnits(db(), actor, input, ip);
export const applyDefaultAssignments = (actor: Actor, input: VersionedInput, ip: Ip = null) => core.applyDefaultAssignments(db(), actor, input, ip);
export const setAssignment = (actor: Actor, input: SetAssignmentInput, ip: Ip = null) => core.setAssignment(db(), actor, input, ip);
export const openCollection = (actor: Actor, input: VersionedInput, ip: Ip = null) => core.openCollection(db(), actor, input, ip);
/** Closing also gives a bad record to every party urged and still late (seed 000 Art. 15), atomically. */
export const closeCollection = (actor: Actor, input: CloseCollectionInput, ip: Ip = null) =>
  core.closeCollection(db(), actor, input, ip, (tx, cycleId, closedAt) => recordBadRecordsInTx(tx, actor, cycleId, closedAt, ip));
