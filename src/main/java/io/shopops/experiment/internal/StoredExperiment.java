package io.shopops.experiment.internal;

import io.shopops.experiment.ExperimentView;

/** An experiment with its row id (the tables' key; the API names experiments by their key). */
public record StoredExperiment(long id, ExperimentView view) {
}
