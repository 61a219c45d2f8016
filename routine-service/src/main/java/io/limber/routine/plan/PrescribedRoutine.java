package io.limber.routine.plan;

import java.util.List;

/** A routine version as prescribed in a plan, with every hold spelled out (adherence counts each one). */
public record PrescribedRoutine(String routineId, int routineVersion, boolean core, List<PrescribedHold> holds) {
}
