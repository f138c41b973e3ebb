package io.shopops.experiment;

/**
 * Where an experiment is: DRAFT (editable, assigns nobody) → RUNNING (assigns and counts; the definition is frozen)
 * → STOPPED (counts nothing more; may name a winner that the storefront then serves to everybody).
 */
public enum ExperimentStatus {
    DRAFT, RUNNING, STOPPED;

    public boolean canMoveTo(ExperimentStatus target) {
        return switch (this) {
            case DRAFT -> target == RUNNING;
            case RUNNING -> target == STOPPED;
            case STOPPED -> false;
        };
    }
}
